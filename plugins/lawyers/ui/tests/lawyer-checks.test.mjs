// SPDX-License-Identifier: Apache-2.0
// The registration form's checks before sending: the ID number's check digit, the licence and
// mobile formats, the password rule, and the form's problems by field.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { idCardProblem, licenceProblem, mobileProblem, passwordProblem, registrationProblems }
  from '../src/lawyer-checks.js'

// GB 11643's example number; its check digit is X.
const VALID_ID = '11010519491231002X'

test('an ID number is 18 characters with the right check digit', () => {
  assert.equal(idCardProblem(VALID_ID), '')
  assert.equal(idCardProblem(VALID_ID.toLowerCase()), '', 'a lower-case x is the same digit')
  assert.match(idCardProblem('110105194912310021'), /校验位/)
  assert.match(idCardProblem('11010519491231002'), /18位/)
  assert.match(idCardProblem(''), /请填写/)
})

test('a licence number is 17 digits starting with 1, or the 12-digit legacy form', () => {
  assert.equal(licenceProblem('12101201910123456'), '')
  assert.equal(licenceProblem('210120101234'), '')
  assert.match(licenceProblem('22101201910123456'), /17位/)
  assert.match(licenceProblem('1210120191012345'), /17位/)
  assert.match(licenceProblem('12101201910A23456'), /17位/)
})

test('a mobile is 11 digits starting with 1; a password has 10 characters, a letter and a digit', () => {
  assert.equal(mobileProblem('13812345678'), '')
  assert.notEqual(mobileProblem('23812345678'), '')
  assert.notEqual(mobileProblem('1381234567'), '')
  assert.equal(passwordProblem('lawyer2026pass'), '')
  assert.match(passwordProblem('short1a'), /10位/)
  assert.match(passwordProblem('onlyletters'), /字母和数字/)
  assert.match(passwordProblem('1234567890'), /字母和数字/)
})

test('the form names every problem by field, and the passwords must agree', () => {
  const form = { name: '周明', id_card: VALID_ID, licence_no: '12101201910123456', firm: '辽宁法正律师事务所',
    mobile: '13812345678', password: 'lawyer2026pass', password_again: 'lawyer2026pass' }
  assert.deepEqual(registrationProblems(form), {})
  assert.deepEqual(Object.keys(registrationProblems({ ...form, password_again: 'other2026pass' })), ['password_again'])
  assert.deepEqual(Object.keys(registrationProblems({})).sort(),
    ['firm', 'id_card', 'licence_no', 'mobile', 'name', 'password'])
})
