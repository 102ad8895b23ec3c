// SPDX-License-Identifier: Apache-2.0
// The day grid's cells: what is offered, what is busy, closed, past or not mine to book. ctest
// runs it under TZ=America/New_York too: the courts' clock must not follow the machine's.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cellOf, gridHours } from '../src/grid.js'
import { addDays, dayStart, minuteOfDay } from '../src/day.js'

const day = '2026-12-07' // a Monday
const at = (hhmm) => Date.parse(`${day}T${hhmm}:00+08:00`)
const yesterday = at('00:00') - 12 * 3600e3
const room = (extra = {}) => ({ id: 'hp-301', hours: '07:30-21:00', may_book: true, bookings: [], ...extra })
const booking = (from, to, title = '党支部学习') => ({
  id: 41, title, start: `${day}T${from}:00+08:00`, end: `${day}T${to}:00+08:00`, status: '已预订',
})

test('the columns run from the earliest opening to the latest closing', () => {
  assert.deepEqual(gridHours([room(), room({ hours: '08:00-18:00' })]), [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
  assert.deepEqual(gridHours([room({ hours: null })]), [8, 9, 10, 11, 12, 13, 14, 15, 16, 17])
})

test('a free hour offers its open part', () => {
  assert.deepEqual(cellOf(room(), 9, day, yesterday), { state: 'free', from: '09:00', to: '10:00' })
  assert.deepEqual(cellOf(room(), 7, day, yesterday), { state: 'free', from: '07:30', to: '08:00' })
  assert.equal(cellOf(room(), 21, day, yesterday).state, 'closed')
  assert.equal(cellOf(room({ hours: null }), 9, day, yesterday).state, 'closed', 'closed that day')
})

test('any overlap makes the hour busy; the title starts where the booking does', () => {
  const r = room({ bookings: [booking('09:30', '10:30')] })
  const nine = cellOf(r, 9, day, yesterday)
  assert.equal(nine.state, 'busy')
  assert.equal(nine.booking.id, 41)
  assert.equal(nine.text, '党支')
  assert.equal(cellOf(r, 10, day, yesterday).text, '')
  assert.equal(cellOf(r, 11, day, yesterday).state, 'free', 'back to back is free')
  assert.equal(cellOf(r, 8, day, yesterday).state, 'free')
})

test('the current hour offers what is left of it; a past hour nothing', () => {
  assert.deepEqual(cellOf(room(), 9, day, at('09:12')), { state: 'free', from: '09:15', to: '10:00' })
  assert.equal(cellOf(room(), 9, day, at('09:46')).state, 'past', 'less than 15 minutes left')
  assert.equal(cellOf(room(), 8, day, at('09:12')).state, 'past')
})

test('a room the caller may not book is shown but not offered', () => {
  assert.equal(cellOf(room({ may_book: false }), 9, day, yesterday).state, 'locked')
  assert.equal(cellOf(room({ may_book: false, bookings: [booking('09:00', '10:00')] }), 9, day, yesterday).state, 'busy')
})

test('days are the courts\u2019 whatever the machine\u2019s time zone', () => {
  assert.equal(dayStart(day), Date.UTC(2026, 11, 6, 16, 0))
  assert.equal(addDays(day, 1), '2026-12-08')
  assert.equal(addDays('2026-12-31', 1), '2027-01-01')
  assert.equal(addDays('2026-03-01', -1), '2026-02-28')
  assert.equal(minuteOfDay(day, `${day}T09:30:00+08:00`), 570)
})
