// SPDX-License-Identifier: Apache-2.0
// What <DateTimeInput> shows over a native date/time input: Chinese text from the input's value,
// the same under any process time zone (ctest runs this with TZ=UTC and TZ=America/New_York).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { inputText, inputRangeText, inputPlaceholder } from '../kit/input-text.js'

test('a date reads as year, month, day and weekday', () => {
  assert.equal(inputText('date', '2026-12-07'), '2026年12月7日 周一')
  assert.equal(inputText('date', '2026-12-08'), '2026年12月8日 周二')
  assert.equal(inputText('date', '2027-01-01'), '2027年1月1日 周五')
})

test('a time reads as 24-hour hours and minutes, seconds dropped', () => {
  assert.equal(inputText('time', '16:00'), '16:00')
  assert.equal(inputText('time', '09:05'), '09:05')
  assert.equal(inputText('time', '00:00'), '00:00')
  assert.equal(inputText('time', '23:59:30'), '23:59')
})

test('a datetime-local value reads as the day and the time, the wall clock kept', () => {
  assert.equal(inputText('datetime-local', '2026-12-08T09:00'), '2026年12月8日 周二 09:00')
  // Late evening stays on its day whatever the process's zone (UTC would make it the next day).
  assert.equal(inputText('datetime-local', '2026-12-08T23:30'), '2026年12月8日 周二 23:30')
  assert.equal(inputText('datetime-local', '2026-12-09T00:15:00'), '2026年12月9日 周三 00:15')
  // The approvals server's own text, with a space, reads the same.
  assert.equal(inputText('datetime-local', '2026-12-08 17:00'), '2026年12月8日 周二 17:00')
})

test('empty or impossible values show nothing, so the placeholder shows', () => {
  for (const type of ['date', 'time', 'datetime-local']) {
    for (const v of ['', null, undefined, 'soon', '2026-13-01', '2026-02-30', '25:00',
      '2026-12-08T24:00', '12/08/2026']) {
      assert.equal(inputText(type, v), '', `${type} ${v}`)
    }
  }
})

test('each type has its own placeholder', () => {
  assert.equal(inputPlaceholder('date'), '请选择日期')
  assert.equal(inputPlaceholder('time'), '请选择时间')
  assert.equal(inputPlaceholder('datetime-local'), '请选择日期和时间')
})

test('a range names a shared day once', () => {
  assert.equal(inputRangeText('datetime-local', '2026-12-08 09:00', '2026-12-08 17:00'),
    '2026年12月8日 周二 09:00 至 17:00')
  assert.equal(inputRangeText('datetime-local', '2026-12-08T09:00', '2026-12-09T12:00'),
    '2026年12月8日 周二 09:00 至 2026年12月9日 周三 12:00')
  assert.equal(inputRangeText('date', '2026-12-08', '2026-12-10'),
    '2026年12月8日 周二 至 2026年12月10日 周四')
})

test('a range with an end missing or unreadable still shows what it has', () => {
  assert.equal(inputRangeText('date', '2026-12-08', null), '2026年12月8日 周二')
  assert.equal(inputRangeText('date', null, undefined), '')
  assert.equal(inputRangeText('date', '2026-12-08', 'later'), '2026年12月8日 周二 至 later')
})
