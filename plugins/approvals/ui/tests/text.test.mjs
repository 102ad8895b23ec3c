// SPDX-License-Identifier: Apache-2.0
// What a timeline line says happened.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { recordText } from '../src/text.js'

test('each record type reads as people say it', () => {
  assert.equal(recordText({ type: 'EXECUTE_TASK_NORMAL', result: 'AGREE' }), '同意')
  assert.equal(recordText({ type: 'EXECUTE_TASK_NORMAL', result: 'REFUSE' }), '拒绝')
  assert.equal(recordText({ type: 'RETURN_TASK' }), '退回发起人')
  assert.equal(recordText({ type: 'REDIRECT_TASK', detail: { to_name: '赵法官' } }), '转交给 赵法官')
  assert.equal(recordText({ type: 'APPEND_TASK_BEFORE',
    detail: { users: [{ name: '甲' }, { name: '乙' }] } }), '前加签 甲、乙')
  assert.equal(recordText({ type: 'TERMINATE_PROCESS_INSTANCE', detail: { status: 'CANCELED' } }),
    '取消审批')
  assert.equal(recordText({ type: 'TERMINATE_PROCESS_INSTANCE', detail: {} }), '撤销审批')
  assert.equal(recordText({ type: 'FINISH_PROCESS_INSTANCE', result: 'AGREE' }), '审批通过')
})
