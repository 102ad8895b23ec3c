// SPDX-License-Identifier: Apache-2.0
// Dates and times as court staff read them, always on the courts' clock (Asia/Shanghai), whatever
// the browser's time zone: "12月5日 周六", "2026年12月5日", "14:30", "12月5日 14:30",
// "12月5日 14:00–15:30", "2026-12-05". A value is epoch milliseconds or an ISO 8601 string; a
// missing or unreadable value formats as "".

export const COURT_TIME_ZONE = 'Asia/Shanghai'
const WEEKDAYS = { Sun: '周日', Mon: '周一', Tue: '周二', Wed: '周三', Thu: '周四', Fri: '周五', Sat: '周六' }

const fields = new Intl.DateTimeFormat('en-US', {
  timeZone: COURT_TIME_ZONE,
  year: 'numeric', month: 'numeric', day: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  weekday: 'short',
})

// The wall-clock fields of `v` in Asia/Shanghai, or null when `v` is not a time.
export function courtParts(v) {
  if (v === null || v === undefined || v === '') return null
  const date = new Date(typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v)
  if (Number.isNaN(date.getTime())) return null
  const p = {}
  for (const { type, value } of fields.formatToParts(date)) p[type] = value
  return {
    year: Number(p.year), month: Number(p.month), day: Number(p.day),
    hour: p.hour, minute: p.minute, weekday: WEEKDAYS[p.weekday],
  }
}

const pad = (n) => String(n).padStart(2, '0')

export function formatDate(v) {
  const p = courtParts(v)
  return p ? `${p.month}月${p.day}日 ${p.weekday}` : ''
}

export function formatFullDate(v) {
  const p = courtParts(v)
  return p ? `${p.year}年${p.month}月${p.day}日` : ''
}

export function formatTime(v) {
  const p = courtParts(v)
  return p ? `${p.hour}:${p.minute}` : ''
}

export function formatDateTime(v) {
  const p = courtParts(v)
  return p ? `${p.month}月${p.day}日 ${p.hour}:${p.minute}` : ''
}

// "12月5日 14:00–15:30" within one day; "12月5日 14:00 – 12月6日 09:00" across days.
export function formatRange(a, b) {
  const start = courtParts(a)
  const end = courtParts(b)
  if (!start || !end) return start ? formatDateTime(a) : ''
  if (dayKey(a) === dayKey(b)) return `${formatDateTime(a)}–${end.hour}:${end.minute}`
  return `${formatDateTime(a)} – ${formatDateTime(b)}`
}

export function dayKey(v) {
  const p = courtParts(v)
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : ''
}
