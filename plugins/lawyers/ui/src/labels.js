// SPDX-License-Identifier: Apache-2.0
// Texts the API gives as codes without a label beside them. Views carry `state_label` and
// `stage_label`; these are the few that do not.
export const REGISTRY_RESULT = {
  match: '核验一致', mismatch: '信息不一致', not_found: '未查到该执业证号', not_practicing: '非正常执业状态',
}
export const STATE_TAG = { pending: 'warning', verified: 'success', suspended: 'danger',
  submitted: 'primary', returned: 'warning', accepted: 'success', refused: 'danger', withdrawn: 'default',
  requested: 'warning', confirmed: 'success', revoked: 'default', proposed: 'primary', declined: 'danger',
  canceled: 'default', approved: 'success', expired: 'default' }
export const CASE_TYPES = ['民事', '行政', '执行', '刑事自诉']
export const PARTY_KINDS = ['自然人', '法人', '非法人组织']
export const DOCUMENT_KINDS = [
  { key: 'complaint', label: '起诉状' },
  { key: 'identity', label: '当事人身份证明' },
  { key: 'authority', label: '授权委托书及律师证明' },
]
// The court's document categories; 副卷 is never shown to lawyers.
export const CATEGORIES = ['正卷', '庭审笔录', '证据材料', '鉴定意见', '裁判文书', '副卷']
export const LAWYER_CATEGORIES = CATEGORIES.filter((c) => c !== '副卷')
export const MODES = [
  { value: 'in_person', text: '当面' }, { value: 'video', text: '视频' }, { value: 'phone', text: '电话' },
]
export const modeText = (mode) => MODES.find((m) => m.value === mode)?.text ?? mode ?? ''
export const HEARING_MODES = { online: '在线庭审', in_person: '现场庭审' }
// A filing's parties as one line: 沈阳甲贸易有限公司（法人）、赵某（自然人）.
export const partiesText = (list) => (list ?? []).map((p) => `${p.name}（${p.kind}）`).join('、')
