// SPDX-License-Identifier: Apache-2.0
// Field errors from both error shapes the plugins send, keyed the way pages name their inputs.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fieldErrors, fieldKey } from '../kit/fields.js'
import { ApiError } from '../kit/api-error.js'

test('rooms\' shape: details.fields with JSON Pointer paths', () => {
  const details = { fields: [
    { field: '/start', message: '开始时间已过' },
    { field: '/attendees/0', message: '不认识的用户' },
  ] }
  assert.deepEqual(fieldErrors(details), { start: '开始时间已过', 'attendees.0': '不认识的用户' })
})

test('approvals\' shape: a list of {field, message}', () => {
  const details = [{ field: 'template', message: '没有这个模板' }, { field: '/form/days', message: '必须大于 0' }]
  assert.deepEqual(fieldErrors(details), { template: '没有这个模板', 'form.days': '必须大于 0' })
})

test('a key drops the leading slash, turns slashes into dots and decodes ~1 and ~0', () => {
  assert.equal(fieldKey('/form/days'), 'form.days')
  assert.equal(fieldKey('form/items/2/amount'), 'form.items.2.amount')
  assert.equal(fieldKey('/a~1b/c~0d'), 'a/b.c~d')
})

test('the first message for a field wins; items without a field are skipped', () => {
  const details = [{ field: '/x', message: 'first' }, { field: '/x', message: 'second' },
    { message: 'no field' }, null, 'text']
  assert.deepEqual(fieldErrors(details), { x: 'first' })
})

test('details without fields give no field errors', () => {
  for (const d of [null, undefined, {}, { fields: 'nope' }, 'text', 42]) assert.deepEqual(fieldErrors(d), {})
})

test('ApiError reads the host\'s error body', () => {
  const body = { error: { code: 'invalid_argument', message: '表单有误',
    details: { fields: [{ field: '/form/days', message: '必须大于 0' }] } }, request_id: 'r-1' }
  const err = ApiError.fromResponse(400, body, 'header-id')
  assert.equal(err.status, 400)
  assert.equal(err.code, 'invalid_argument')
  assert.equal(err.message, '表单有误')
  assert.equal(err.requestId, 'r-1')
  assert.deepEqual(err.fields, { 'form.days': '必须大于 0' })
  assert.ok(err instanceof Error)
})

test('ApiError from a body that is not the host\'s shape keeps the status and header id', () => {
  const err = ApiError.fromResponse(502, null, 'h-2')
  assert.equal(err.status, 502)
  assert.equal(err.requestId, 'h-2')
  assert.deepEqual(err.fields, {})
  assert.equal(err.message, 'HTTP 502')
})
