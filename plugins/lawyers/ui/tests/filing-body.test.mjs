// SPDX-License-Identifier: Apache-2.0
// The filing form ↔ the API body: uploads sent as hashes, empty rows left out, a returned
// filing read back into the form; and the courts' time of native inputs.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { emptyFiling, filingProblems, filingToForm, formToBody } from '../src/portal/filing-body.js'
import { inputToMs, msToInput } from '../src/court-time.js'
import { fieldProblems } from '../src/field-problems.js'

const up = (sha, name) => ({ sha256: sha, name, size: 10, type: 'application/pdf' })

test('the body sends hashes and leaves out empty parties and evidence rows', () => {
  const form = emptyFiling()
  Object.assign(form, { court: ' LN-BC-SY-01 ', cause: '民间借贷纠纷', claims: '返还借款', facts: '' })
  form.plaintiffs = [{ name: '李四', kind: '自然人' }, { name: ' ', kind: '自然人' }]
  form.defendants = [{ name: '某公司', kind: '法人' }]
  form.documents.complaint = [up('aa', '起诉状.pdf')]
  form.evidence = [{ name: '借条', purpose: '证明借款', files: [up('bb', '借条.png')] }, { name: '', purpose: '', files: [] }]
  const body = formToBody(form)
  assert.equal(body.court, 'LN-BC-SY-01')
  assert.deepEqual(body.plaintiffs, [{ name: '李四', kind: '自然人' }])
  assert.deepEqual(body.documents, { complaint: ['aa'], identity: [], authority: [] })
  assert.deepEqual(body.evidence, [{ name: '借条', purpose: '证明借款', files: ['bb'] }])
  assert.deepEqual(filingProblems(form), {})
})

test('an incomplete form names what is missing; a returned filing reads back', () => {
  assert.deepEqual(Object.keys(filingProblems(emptyFiling())).sort(),
    ['cause', 'claims', 'court', 'defendants', 'documents.complaint', 'plaintiffs'])
  const form = filingToForm({ court_code: 'LN-BC-SY-01', case_type: '民事', cause: 'c', claims: 'x',
    plaintiffs: [{ name: 'a', kind: '自然人' }], defendants: [{ name: 'b', kind: '法人' }],
    documents: { complaint: [up('aa', 'c.pdf')] }, evidence: [{ name: 'e', purpose: '', files: [up('bb', 'e.pdf')] }] })
  assert.deepEqual(formToBody(form).documents, { complaint: ['aa'], identity: [], authority: [] })
  assert.deepEqual(formToBody(form).evidence[0].files, ['bb'])
})

test('native input values are the courts\' time (UTC+8), whatever the machine\'s zone', () => {
  assert.equal(inputToMs('2026-12-07T09:00'), Date.UTC(2026, 11, 7, 1, 0))
  assert.equal(inputToMs('2026-12-07'), Date.UTC(2026, 11, 6, 16, 0))
  assert.equal(inputToMs('bad'), null)
  assert.equal(msToInput(Date.UTC(2026, 11, 7, 1, 0)), '2026-12-07T09:00')
  assert.equal(msToInput(Date.UTC(2026, 11, 6, 17, 0), false), '2026-12-07')
})

test('field problems come from either error shape', () => {
  assert.deepEqual(fieldProblems({ fields: { cause: 'x' }, details: { fields: { id_card: 'bad' } } }),
    { cause: 'x', id_card: 'bad' })
  assert.deepEqual(fieldProblems({ details: { fields: { '/plaintiffs/0/name': 'y' } } }), { 'plaintiffs.0.name': 'y' })
  assert.deepEqual(fieldProblems(null), {})
})
