// SPDX-License-Identifier: Apache-2.0
// The person picker's query, its lines and its selection.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { describePerson, peopleQuery, pickedIds, toggleChoice } from '../kit/people-choice.js'

const wang = { user_id: 'T-011', name: '王法官', title: '审判员', dept_name: '民一庭', court_name: '测试法院' }
const li = { user_id: 'T-012', name: '李书记员', title: '书记员', dept_name: '民一庭', court_name: '测试法院' }

test('the query leaves out what was not given, so the host lists the caller\'s court', () => {
  assert.deepEqual(peopleQuery({ q: '  ', limit: 30 }), { limit: 30 })
  assert.deepEqual(peopleQuery({ q: ' 王 ', court: 'T-BC', role: 'clerk', limit: 8 }),
    { q: '王', court: 'T-BC', role: 'clerk', limit: 8 })
})

test('a person\'s line: title, department and court, without the court twice', () => {
  assert.equal(describePerson(wang), '审判员 · 民一庭 · 测试法院')
  assert.equal(describePerson({ title: '院长', dept_name: '测试法院', court_name: '测试法院' }),
    '院长 · 测试法院')
})

test('tapping toggles with multiple, replaces without', () => {
  assert.deepEqual(toggleChoice([], wang, true), [wang])
  assert.deepEqual(toggleChoice([wang], li, true), [wang, li])
  assert.deepEqual(toggleChoice([wang, li], wang, true), [li])
  assert.deepEqual(toggleChoice([wang], li, false), [li])
})

test('confirmed people join the ids (several) or replace them (one)', () => {
  assert.deepEqual(pickedIds(['T-001'], [wang, li], true), ['T-001', 'T-011', 'T-012'])
  assert.deepEqual(pickedIds(['T-011'], [wang], true), ['T-011'])
  assert.deepEqual(pickedIds(['T-001'], [li], false), ['T-012'])
  assert.deepEqual(pickedIds(['T-001'], [], false), [])
})
