// SPDX-License-Identifier: Apache-2.0
// What a native date, time or datetime-local input shows court staff, whatever the browser's
// locale (a desktop en-US browser would draw "12/08/2026, 09:00 AM"): the input's own value
// ("2026-12-08", "09:00", "2026-12-08T09:00") read as a wall-clock time on the courts' clock
// → "2026年12月8日 周二", "09:00", "2026年12月8日 周二 09:00". Pure; used by <DateTimeInput>.
import { courtParts } from './dates.js'

const DATE = /^(\d{4}-\d{2}-\d{2})$/
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/
const TIME = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/

// "2026-12-08" → "2026年12月8日 周二"; null when that is not a calendar day.
function dayText(day) {
  const p = courtParts(`${day}T12:00:00+08:00`)
  return p && dayKeyOf(p) === day ? `${p.year}年${p.month}月${p.day}日 ${p.weekday}` : null
}
const dayKeyOf = (p) => `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
const clock = (h, m) => (Number(h) < 24 && Number(m) < 60 ? `${h}:${m}` : null)

// The text for an input of `type` ('date' | 'time' | 'datetime-local') holding `value`; "" when
// the value is empty or not one the input could hold (the browser empties such an input too).
export function inputText(type, value) {
  if (typeof value !== 'string' || value === '') return ''
  if (type === 'date') {
    const m = DATE.exec(value)
    return (m && dayText(m[1])) || ''
  }
  if (type === 'time') {
    const m = TIME.exec(value)
    return (m && clock(m[1], m[2])) || ''
  }
  if (type === 'datetime-local') {
    const m = DATE_TIME.exec(value)
    const day = m && dayText(m[1])
    const time = m && clock(m[2], m[3])
    return day && time ? `${day} ${time}` : ''
  }
  return value
}

// A range of two such values, the day named once when both ends share it:
// "2026年12月8日 周二 09:00 至 17:00", "2026年12月8日 周二 至 2026年12月10日 周四". An
// unreadable end shows as it came; both missing give "".
export function inputRangeText(type, start, end) {
  const a = inputText(type, start) || (start ? String(start) : '')
  const b = inputText(type, end) || (end ? String(end) : '')
  if (!a || !b) return a || b
  const [dayA, dayB] = [DATE_TIME.exec(start)?.[1], DATE_TIME.exec(end)?.[1]]
  if (type === 'datetime-local' && dayA && dayA === dayB && inputText(type, end)) {
    return `${a} 至 ${b.slice(b.lastIndexOf(' ') + 1)}`
  }
  return `${a} 至 ${b}`
}

// What an empty input of `type` asks for.
export function inputPlaceholder(type) {
  if (type === 'time') return '请选择时间'
  if (type === 'datetime-local') return '请选择日期和时间'
  return '请选择日期'
}
