// SPDX-License-Identifier: Apache-2.0
// The registration form's checks, before anything is sent (the server checks again, and its
// answer is shown by field too): the ID number's check digit (GB 11643), the licence number
// (执业证号: 17 digits starting with 1, or the 12-digit legacy form), the mobile, the password.
// Each check answers '' when the value is fine, else a zh-CN sentence.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_DIGITS = '10X98765432'

export function idCardProblem(value) {
  const v = String(value ?? '').trim().toUpperCase()
  if (!v) return '请填写身份证号'
  if (!/^\d{17}[\dX]$/.test(v)) return '身份证号应为18位（最后一位可为X）'
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(v[i]), 0)
  if (CHECK_DIGITS[sum % 11] !== v[17]) return '身份证号校验位不正确，请核对'
  return ''
}

export function licenceProblem(value) {
  const v = String(value ?? '').trim()
  if (!v) return '请填写执业证号'
  if (!/^1\d{16}$/.test(v) && !/^\d{12}$/.test(v)) return '执业证号应为17位数字（以1开头），或12位旧版证号'
  return ''
}

export function mobileProblem(value) {
  const v = String(value ?? '').trim()
  if (!v) return '请填写手机号'
  if (!/^1\d{10}$/.test(v)) return '手机号应为以1开头的11位数字'
  return ''
}

export function passwordProblem(value) {
  const v = String(value ?? '')
  if (v.length < 10) return '密码至少10位'
  if (!/[A-Za-z]/.test(v) || !/\d/.test(v)) return '密码须同时包含字母和数字'
  return ''
}

// Every problem of the registration form {name, id_card, licence_no, firm, mobile, password,
// password_again}, by field; {} when it may be sent.
export function registrationProblems(form) {
  const out = {}
  const add = (field, problem) => { if (problem) out[field] = problem }
  add('name', String(form.name ?? '').trim() ? '' : '请填写姓名')
  add('id_card', idCardProblem(form.id_card))
  add('licence_no', licenceProblem(form.licence_no))
  add('firm', String(form.firm ?? '').trim() ? '' : '请填写执业机构（律师事务所）')
  add('mobile', mobileProblem(form.mobile))
  add('password', passwordProblem(form.password))
  if (!out.password && form.password !== form.password_again) out.password_again = '两次输入的密码不一致'
  return out
}
