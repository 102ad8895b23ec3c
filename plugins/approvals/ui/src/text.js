// SPDX-License-Identifier: Apache-2.0
// Words for what the API returns: record types, step modes, tag colours.

const RECORD_TEXT = {
  START_PROCESS_INSTANCE: '发起审批',
  REDIRECT_TASK: '转交',
  APPEND_TASK_BEFORE: '前加签',
  APPEND_TASK_AFTER: '后加签',
  ADD_REMARK: '评论',
  RETURN_TASK: '退回发起人',
  FINISH_PROCESS_INSTANCE: '审批结束',
  PROCESS_CC: '抄送',
}

// "同意", "转交给 王庭长", "撤销" — what one line of the operation record says happened.
export function recordText(r) {
  if (r.type === 'EXECUTE_TASK_NORMAL') return r.result === 'REFUSE' ? '拒绝' : '同意'
  if (r.type === 'REDIRECT_TASK') return `转交给 ${r.detail?.to_name ?? ''}`
  if (r.type === 'APPEND_TASK_BEFORE' || r.type === 'APPEND_TASK_AFTER') {
    const names = (r.detail?.users ?? []).map((u) => u.name).join('、')
    return `${RECORD_TEXT[r.type]} ${names}`
  }
  if (r.type === 'PROCESS_CC') {
    const names = (r.detail?.cc_users ?? []).map((u) => u.name).join('、')
    return `抄送 ${names}`
  }
  if (r.type === 'FINISH_PROCESS_INSTANCE') return r.result === 'REFUSE' ? '审批拒绝' : '审批通过'
  if (r.type === 'TERMINATE_PROCESS_INSTANCE')
    return r.detail?.status === 'CANCELED' ? '取消审批' : '撤销审批'
  return RECORD_TEXT[r.type] ?? r.type
}

export const MODE_TEXT = { single: '', or: '或签（一人同意即可）', and: '会签（需所有人同意）' }

// A Vant tag type for an instance's status.
export function statusTagType(item) {
  if (item.status === 'RUNNING') return 'primary'
  if (item.status === 'COMPLETED') return item.result === 'agree' ? 'success' : 'danger'
  return 'default'
}
