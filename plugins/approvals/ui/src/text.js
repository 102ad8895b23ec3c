// SPDX-License-Identifier: Apache-2.0
// Words for what the API returns: record types, step modes, tag colours, a record's changes.

const RECORD_TEXT = {
  START_PROCESS_INSTANCE: '发起审批',
  REDIRECT_TASK: '转交',
  APPEND_TASK_BEFORE: '前加签',
  APPEND_TASK_AFTER: '后加签',
  ADD_REMARK: '评论',
  RETURN_TASK: '退回发起人',
  RESUBMIT_PROCESS_INSTANCE: '修改后重新提交',
  URGE_TASK: '催办',
  FINISH_PROCESS_INSTANCE: '审批结束',
  PROCESS_CC: '抄送',
}

const names = (users) => (users ?? []).map((u) => u.name ?? u.user_id).join('、')

// "同意", "转交给 王庭长", "退回至 直属主管" — what one line of the operation record says happened.
export function recordText(r) {
  if (r.type === 'EXECUTE_TASK_NORMAL') return r.result === 'REFUSE' ? '拒绝' : '同意'
  if (r.type === 'REDIRECT_TASK') return `转交给 ${r.detail?.to_name ?? ''}`
  if (r.type === 'APPEND_TASK_BEFORE' || r.type === 'APPEND_TASK_AFTER')
    return `${RECORD_TEXT[r.type]} ${names(r.detail?.users)}`
  if (r.type === 'PROCESS_CC') return `抄送 ${names(r.detail?.cc_users)}`
  // Records of last session's returns carry no detail: they always went to the originator.
  if (r.type === 'RETURN_TASK' && r.detail?.to_step) return `退回至 ${r.detail.to_label ?? ''}`
  if (r.type === 'URGE_TASK' && r.detail?.users?.length) return `催办 ${names(r.detail.users)}`
  if (r.type === 'FINISH_PROCESS_INSTANCE') return r.result === 'REFUSE' ? '审批拒绝' : '审批通过'
  if (r.type === 'TERMINATE_PROCESS_INSTANCE')
    return r.detail?.status === 'CANCELED' ? '取消审批' : '撤销审批'
  return RECORD_TEXT[r.type] ?? r.type
}

// A value of a change as people read it: dates without the "T", a range "a 至 b", lists with 、,
// nothing as （空）. `names` maps ids to names (the detail's value_names.people).
export function valueText(v, people = {}) {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return '（空）'
  if (Array.isArray(v)) {
    const parts = v.map((x) => valueText(x, people))
    const dates = v.length === 2 && v.every((x) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}/.test(x))
    return parts.join(dates ? ' 至 ' : '、')
  }
  if (typeof v === 'object') return v.name ?? JSON.stringify(v)
  if (typeof v === 'string') return people[v] ?? v.replace('T', ' ')
  return String(v)
}

// "请假天数：2 → 3" for each change a record carries (resubmission, an approver's edit).
export function changeLines(changes, people = {}) {
  return (changes ?? []).map((c) =>
    `${c.label ?? c.field}：${valueText(c.from, people)} → ${valueText(c.to, people)}`)
}

export const MODE_TEXT = {
  single: '', or: '或签（一人同意即可）', and: '会签（需所有人同意）', sequential: '依次审批（按顺序逐一审批）',
}

// A Vant tag type for an instance's status (a returned instance is still RUNNING).
export function statusTagType(item) {
  if (item.status === 'RUNNING') return item.status_text === '已退回' ? 'warning' : 'primary'
  if (item.status === 'COMPLETED') return item.result === 'agree' ? 'success' : 'danger'
  return 'default'
}
