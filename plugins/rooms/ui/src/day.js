// SPDX-License-Identifier: Apache-2.0
// Days and minutes of the courts' clock (Asia/Shanghai, +08:00 all year: China has no daylight
// saving). Pure: no imports, so node --test runs it (plugins/rooms/ui/tests).

const MINUTE_MS = 60 * 1000
const DAY_MS = 24 * 60 * MINUTE_MS

// Midnight of a "2026-12-05" day in the courts' time zone, as epoch ms.
export function dayStart(day) {
  return Date.parse(`${day}T00:00:00+08:00`)
}

// The day `n` days after `day` (calendar arithmetic on the date itself).
export function addDays(day, n) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

// "09:30" for a number of minutes after midnight (1440 → "24:00").
export function hhmm(minutes) {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

// "07:30-21:00" → [450, 1260]; null for null or anything else.
export function parseHours(text) {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text || '')
  if (!m) return null
  return [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])]
}

// Minutes after the midnight of `day` of an instant (ISO string or ms); negative before it.
export function minuteOfDay(day, v) {
  const ms = typeof v === 'number' ? v : Date.parse(v)
  return Math.round((ms - dayStart(day)) / MINUTE_MS)
}
