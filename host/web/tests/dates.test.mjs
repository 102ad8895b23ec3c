// SPDX-License-Identifier: Apache-2.0
// The kit's date formats: Asia/Shanghai whatever the process's time zone (ctest runs this with
// TZ=America/New_York and TZ=UTC so a browser-local formatter would fail).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  formatDate, formatFullDate, formatTime, formatDateTime, formatRange, dayKey,
} from '../kit/dates.js'

// 2026-12-05 14:30 in Beijing is 06:30 UTC.
const afternoon = Date.UTC(2026, 11, 5, 6, 30)

test('formats a time in Asia/Shanghai as court staff read it', () => {
  assert.equal(formatDate(afternoon), '12月5日 周六')
  assert.equal(formatFullDate(afternoon), '2026年12月5日')
  assert.equal(formatTime(afternoon), '14:30')
  assert.equal(formatDateTime(afternoon), '12月5日 14:30')
  assert.equal(dayKey(afternoon), '2026-12-05')
})

test('takes ISO strings with an offset and numeric strings as well as milliseconds', () => {
  assert.equal(formatDateTime('2026-12-05T14:30:00+08:00'), '12月5日 14:30')
  assert.equal(formatDateTime('2026-12-05T06:30:00Z'), '12月5日 14:30')
  assert.equal(formatDateTime(String(afternoon)), '12月5日 14:30')
})

test('the day is Beijing\'s day, not UTC\'s: 23:30 UTC is the next morning', () => {
  const lateUtc = Date.UTC(2026, 11, 4, 23, 30)  // 2026-12-05 07:30 in Beijing
  assert.equal(dayKey(lateUtc), '2026-12-05')
  assert.equal(formatDate(lateUtc), '12月5日 周六')
  assert.equal(formatTime(Date.UTC(2026, 11, 4, 16, 0)), '00:00')  // midnight is 00:00, not 24:00
})

test('a range within a day names the day once; across days both ends', () => {
  const end = Date.UTC(2026, 11, 5, 7, 30)
  assert.equal(formatRange(Date.UTC(2026, 11, 5, 6, 0), end), '12月5日 14:00–15:30')
  assert.equal(formatRange(afternoon, Date.UTC(2026, 11, 6, 1, 0)), '12月5日 14:30 – 12月6日 09:00')
})

test('every weekday has its Chinese name', () => {
  const names = []
  for (let d = 6; d <= 12; d++) names.push(formatDate(Date.UTC(2026, 11, d, 4)).split(' ')[1])
  assert.deepEqual(names, ['周日', '周一', '周二', '周三', '周四', '周五', '周六'])
})

test('a missing or unreadable value formats as an empty string', () => {
  for (const v of [null, undefined, '', 'not a date', NaN]) {
    assert.equal(formatDate(v), '')
    assert.equal(formatRange(v, v), '')
  }
})
