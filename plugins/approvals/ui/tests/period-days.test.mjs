// SPDX-License-Identifier: Apache-2.0
// Fields the server computes from a period: read-only, left out of the submit, not "missing".
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { periodFields, periodNote } from '../src/period-days.js'
import { editedFields, missingRequired, submission } from '../src/form-payload.js'

const fields = [
  { name: 'period', label: '请假时间', type: 'date_range', required: true },
  { name: 'days', label: '请假天数', type: 'number', required: true,
    from_period: { field: 'period', count: 'workdays' } },
  { name: 'trip_days', label: '出差天数', type: 'number',
    from_period: { field: 'period', count: 'calendar_days' } },
  { name: 'copies', label: '份数', type: 'number', required: true },
]

test('the computed fields and what their hint says', () => {
  assert.deepEqual(periodFields(fields).map((f) => f.name), ['days', 'trip_days'])
  assert.equal(periodNote(fields[1], fields), '按请假时间的工作日自动计算')
  assert.equal(periodNote(fields[2], fields), '按请假时间的自然日自动计算')
})

test('the submit leaves computed fields to the server and does not ask for them', () => {
  const sent = submission('leave', { period: ['2026-12-08 09:00', '2026-12-09 12:00'], days: 1.5,
    copies: 2 }, {}, fields)
  assert.deepEqual(sent.form, { period: ['2026-12-08 09:00', '2026-12-09 12:00'], copies: 2 })
  assert.deepEqual(missingRequired(fields, [], submission('leave', {}, {}, fields)),
    { period: '请填写请假时间', copies: '请填写份数' })
})

test('an agree sends only the editable fields the approver changed', () => {
  const before = { days: 2, reason: '家事', period: ['a', 'b'] }
  assert.deepEqual(editedFields(['days', 'reason'], before, { days: 2, reason: '家事' }), {})
  assert.deepEqual(editedFields(['days', 'reason'], before, { days: 3, reason: '家事' }), { days: 3 })
  assert.deepEqual(editedFields(['period'], before, { period: ['a', 'c'] }), { period: ['a', 'c'] })
  assert.deepEqual(editedFields(['reason'], before, { reason: '' }), { reason: null })
})
