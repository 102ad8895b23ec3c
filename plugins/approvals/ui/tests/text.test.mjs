// SPDX-License-Identifier: Apache-2.0
// What a timeline line says happened, and the changes it lists.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { changeLines, recordText, statusTagType, valueText } from '../src/text.js'

test('each record type reads as people say it', () => {
  assert.equal(recordText({ type: 'EXECUTE_TASK_NORMAL', result: 'AGREE' }), '同意')
  assert.equal(recordText({ type: 'EXECUTE_TASK_NORMAL', result: 'REFUSE' }), '拒绝')
  assert.equal(recordText({ type: 'REDIRECT_TASK', detail: { to_name: '赵法官' } }), '转交给 赵法官')
  assert.equal(recordText({ type: 'APPEND_TASK_BEFORE',
    detail: { users: [{ name: '甲' }, { name: '乙' }] } }), '前加签 甲、乙')
  assert.equal(recordText({ type: 'TERMINATE_PROCESS_INSTANCE', detail: { status: 'CANCELED' } }),
    '取消审批')
  assert.equal(recordText({ type: 'TERMINATE_PROCESS_INSTANCE', detail: {} }), '撤销审批')
  assert.equal(recordText({ type: 'FINISH_PROCESS_INSTANCE', result: 'AGREE' }), '审批通过')
})

test('a return names where it went; last session\'s returns went to the originator', () => {
  assert.equal(recordText({ type: 'RETURN_TASK', detail: { to_step: 1, to_label: '直属主管' } }),
    '退回至 直属主管')
  assert.equal(recordText({ type: 'RETURN_TASK', detail: { to_step: 0, to_label: '发起人' } }),
    '退回发起人')
  assert.equal(recordText({ type: 'RETURN_TASK', detail: {} }), '退回发起人')
  assert.equal(recordText({ type: 'RESUBMIT_PROCESS_INSTANCE', detail: { changes: [] } }),
    '修改后重新提交')
  assert.equal(recordText({ type: 'URGE_TASK', detail: { users: [{ user_id: 'T-1', name: '王庭长' }] } }),
    '催办 王庭长')
})

test('changes read label: from → to, values as people read them', () => {
  assert.deepEqual(changeLines([
    { field: 'days', label: '请假天数', from: 2, to: 3 },
    { field: 'period', label: '请假时间', from: ['2026-12-08 09:00', '2026-12-09 17:00'],
      to: ['2026-12-08T09:00', '2026-12-10 17:00'] },
    { field: 'note', label: '备注', from: null, to: '补充' },
    { field: 'companions', label: '同行人员', from: ['T-1'], to: ['T-1', 'T-2'] },
    { field: 'x', from: '', to: [] },
  ], { 'T-1': '王庭长', 'T-2': '李法官' }), [
    '请假天数：2 → 3',
    '请假时间：2026-12-08 09:00 至 2026-12-09 17:00 → 2026-12-08 09:00 至 2026-12-10 17:00',
    '备注：（空） → 补充',
    '同行人员：王庭长 → 王庭长、李法官',
    'x：（空） → （空）',
  ])
  assert.equal(valueText([{ id: 3, name: '证明.pdf' }]), '证明.pdf')
  assert.deepEqual(changeLines(undefined), [])
})

test('a returned instance is running but tagged as a warning', () => {
  assert.equal(statusTagType({ status: 'RUNNING', status_text: '已退回' }), 'warning')
  assert.equal(statusTagType({ status: 'RUNNING', status_text: '审批中' }), 'primary')
  assert.equal(statusTagType({ status: 'COMPLETED', result: 'agree' }), 'success')
})
