// SPDX-License-Identifier: Apache-2.0
// The submit's body and the required fields checked before it is sent.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { submission, missingRequired } from '../src/form-payload.js'

const fields = [
  { name: 'leave_type', label: '请假类型', type: 'select', required: true },
  { name: 'days', label: '请假天数', type: 'number', required: true },
  { name: 'note', label: '备注', type: 'text' },
  { name: 'proof', label: '证明材料', type: 'attachment', required: true },
]
const choices = [{ name: 'reviewer', label: '审核人' }]

test('empty values are left out of the submit, zero is not empty', () => {
  const sent = submission('leave', { leave_type: '事假', days: 0, note: '', period: [], x: null },
    { reviewer: ['T-012'], other: null })
  assert.deepEqual(sent, { template: 'leave', form: { leave_type: '事假', days: 0 },
    approvers: { reviewer: ['T-012'] } })
})

test('required fields and choices left empty are named by their error keys', () => {
  const sent = submission('leave', { days: 2 }, {})
  assert.deepEqual(missingRequired(fields, choices, sent), {
    leave_type: '请填写请假类型',
    proof: '请上传证明材料',
    'approvers.reviewer': '请选择审核人',
  })
})

test('a complete form, its files uploaded, has nothing missing', () => {
  const sent = submission('leave', { leave_type: '病假', days: 1,
    proof: [{ id: 3, name: '证明.pdf', type: 'application/pdf', size: 812 }] }, { reviewer: 'T-012' })
  assert.deepEqual(missingRequired(fields, choices, sent), {})
})
