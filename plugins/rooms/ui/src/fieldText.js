// SPDX-License-Identifier: Apache-2.0
// The rooms API writes its field errors for developers, partly in English ("is required"); the
// pages show them in Chinese. Messages already in Chinese (the booking rules) pass unchanged.
const RULES = [
  [/^is required.*$/, '必填'],
  [/^must not be empty$/, '不能为空'],
  [/^is longer than (\d+) characters$/, '不能超过 $1 个字'],
  [/^must be between (\d+) and (\d+)$/, '须在 $1 到 $2 之间'],
  [/^must be a whole number$/, '须为整数'],
  [/^'(.+)' is not a person in the directory$/, '通讯录中没有此人（$1）'],
  [/^is listed twice$/, '重复选择了同一人'],
  [/^must be HH:MM.*$/, '时间格式应为 09:00'],
  [/^must be after (start|from)$/, '结束时间须晚于开始时间'],
  [/^must be a date such as .*$/, '请选择日期'],
  [/^give exactly one of until and count$/, '请选择重复次数或截止日期（二选一）'],
  [/^is not a phone number.*$/, '不是有效的电话号码（如 13812345678 或 024-12345678）'],
  [/^needs a phone or a user_id.*$/, '请填写电话，以便通知当事人'],
  [/^must list at least one party.*$/, '至少填写一位当事人'],
  [/^give start and end .*$/, '请选择日期和时间'],
]

const CJK = /[\u4e00-\u9fff]/

export function zhField(message) {
  const text = String(message ?? '')
  for (const [re, zh] of RULES) if (re.test(text)) return text.replace(re, zh)
  return CJK.test(text) ? text : `格式不正确（${text}）`
}

// ApiError.fields with Chinese messages; keys as the kit gives them ("attendees.0" → also
// "attendees", so a list's errors show beside the list's field).
export function zhFields(fields) {
  const out = {}
  for (const [key, message] of Object.entries(fields || {})) {
    const text = zhField(message)
    out[key] = text
    const head = key.split('.')[0]
    if (!(head in out)) out[head] = text
  }
  return out
}
