// SPDX-License-Identifier: Apache-2.0
// Changes to the demo configuration's text that a suite runs its host on (browserSuite's
// host.config), each leaving the text as it is when the demo already says so.
import assert from 'node:assert/strict'

// The leave's 请假天数 computed from 请假时间 in workdays (docs/approvals.md, from_period).
export function daysFromPeriod (text) {
  const days = '- {name: days, label: 请假天数, type: number, required: true, min: 0.5, max: 180'
  const at = text.indexOf(days)
  assert.ok(at >= 0, 'the demo leave has its 请假天数 field')
  const end = text.indexOf('}', at)
  if (text.slice(at, end).includes('from_period')) return text
  return `${text.slice(0, end)},\n               from_period: {field: period, count: workdays}${text.slice(end)}`
}

// The leave's first step (直属主管) may edit 请假事由 (docs/approvals.md, editable fields).
export function editableReason (text) {
  const leave = text.indexOf('- code: leave')
  const plain = '- {type: supervisor, level: 1}'
  const step = text.indexOf(plain, leave)
  if (step < 0 || text.indexOf('- code:', leave + 1) < step) return text // already changed
  return `${text.slice(0, step)}- {type: supervisor, level: 1, editable: [reason]}${text.slice(step + plain.length)}`
}

// A 科技法庭 for 沈阳市和平区人民法院's in-person hearings, when the demo has none.
export function withCourtroom (text) {
  if (/court: LN-BC-SY-01, name: [^,]+, kind: 科技法庭/.test(text)) return text
  const room = '        - {id: hp-kj1, court: LN-BC-SY-01, name: 第一科技法庭, kind: 科技法庭, capacity: 60,\n' +
    '           location: 审判楼1楼, equipment: [庭审录音录像, 投屏]}\n'
  return text.replace(/( *- \{id: hp-301, court: LN-BC-SY-01,)/, `${room}$1`)
}
