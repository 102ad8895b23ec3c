// SPDX-License-Identifier: Apache-2.0
// A 依次审批 step's order and who is at it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { stepOrder, stepOrderText } from '../src/step-order.js'

const step = { id: 2, mode: 'sequential', approvers: [
  { user_id: 'A', name: '王庭长' }, { user_id: 'B', name: '李副院长' }, { user_id: 'C', name: '张院长' }] }
const task = (id, user_id, status, result = '', step_id = 2) => ({ id, step_id, user_id, status, result })

test('the listed order, the agreed ones, the current one, the rest waiting', () => {
  const order = stepOrder(step, [task(1, 'X', 'COMPLETED', 'AGREE', 1), task(5, 'A', 'COMPLETED', 'AGREE'),
    task(6, 'B', 'RUNNING')])
  assert.deepEqual(order.map((p) => [p.n, p.name, p.state]),
    [[1, '王庭长', 'agreed'], [2, '李副院长', 'current'], [3, '张院长', 'waiting']])
  assert.equal(stepOrderText(order), '① 王庭长（已同意） → ② 李副院长（审批中） → ③ 张院长')
})

test('a person asked again after a return counts by their latest task', () => {
  const order = stepOrder(step, [task(5, 'A', 'COMPLETED', 'AGREE'), task(9, 'A', 'RUNNING')])
  assert.equal(order[0].state, 'current')
  const canceled = stepOrder(step, [task(5, 'A', 'CANCELED')])
  assert.equal(canceled[0].state, 'waiting')
})

test('before the step is reached everyone waits', () => {
  assert.deepEqual(stepOrder(step, []).map((p) => p.state), ['waiting', 'waiting', 'waiting'])
})
