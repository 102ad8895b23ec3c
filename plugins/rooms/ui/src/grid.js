// SPDX-License-Identifier: Apache-2.0
// What the day grid shows (DayGrid.vue): its hour columns, and each room's hour as free (with
// the part of it one may book), busy (with the booking), closed, past or locked. Pure.
import { dayStart, hhmm, minuteOfDay, parseHours } from './day.js'

// From the earliest opening to the latest closing of the rooms that day (8–18 when all closed).
export function gridHours(rooms) {
  let from = 24
  let to = 0
  for (const r of rooms) {
    const h = parseHours(r.hours)
    if (!h) continue
    from = Math.min(from, Math.floor(h[0] / 60))
    to = Math.max(to, Math.ceil(h[1] / 60))
  }
  if (from >= to) [from, to] = [8, 18]
  return Array.from({ length: to - from }, (_, i) => from + i)
}

// The cell of `room` (a GET /schedule room) at `hour` of `day`, seen at `nowMs`. A free cell
// offers the open part of the hour from now on (rounded up to 5 minutes), at least 15 minutes.
// `firstHour`: the grid's first column, where a booking that began earlier shows its title.
export function cellOf(room, hour, day, nowMs, firstHour = 0) {
  const start = hour * 60
  const end = start + 60
  const b = room.bookings.find(
    (x) => minuteOfDay(day, x.start) < end && minuteOfDay(day, x.end) > start,
  )
  if (b) {
    const first = minuteOfDay(day, b.start) >= start || hour === firstHour
    return { state: 'busy', booking: b, text: first ? (b.title || '占用').slice(0, 2) : '' }
  }
  const open = parseHours(room.hours)
  if (!open) return { state: 'closed' }
  let from = Math.max(start, open[0])
  const to = Math.min(end, open[1])
  if (to - from < 15) return { state: 'closed' }
  const now = Math.ceil(Math.ceil((nowMs - dayStart(day)) / 60000) / 5) * 5
  from = Math.max(from, now)
  if (to - from < 15) return { state: 'past' }
  if (!room.may_book) return { state: 'locked' }
  return { state: 'free', from: hhmm(from), to: hhmm(to) }
}
