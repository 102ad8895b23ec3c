// SPDX-License-Identifier: Apache-2.0
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checksLine, dayNow, sortedPeople, statusNow, totalChips } from '../src/department.js'
import { EXAMPLE_DAY } from './fixtures.mjs'

test('the totals as chips, those needing attention first, empty ones left out', () => {
  assert.deepEqual(totalChips({ normal: 5, exception: 1, absent: 2, rest: 0, free: 0, unassigned: 1 }).map((c) => `${c.label}${c.count}`),
    ['旷工2', '异常1', '正常5', '未分组1'])
})

test('people: absent, then exceptions, then normal; a status filter keeps one', () => {
  const people = [
    { user_id: 'c', name: '丙', status: 'normal' },
    { user_id: 'a', name: '甲', status: 'absent' },
    { user_id: 'b', name: '乙', status: 'exception' },
    { user_id: 'd', name: '丁', status: 'rest' }
  ]
  assert.deepEqual(sortedPeople(people).map((p) => p.user_id), ['a', 'b', 'c', 'd'])
  assert.deepEqual(sortedPeople(people, 'exception').map((p) => p.user_id), ['b'])
})

test('a person\'s checks on one line', () => {
  assert.equal(checksLine(EXAMPLE_DAY.checks), '上班 08:41 迟到 11分钟 · 下班 12:03 正常 · 上班 缺卡 · 下班 17:10 早退 20分钟 · 外勤')
  assert.equal(checksLine([]), '')
})

test('on today the checks still open read 待打卡', () => {
  const [, , afternoon] = EXAMPLE_DAY.checks
  assert.equal(checksLine([afternoon], 12 * 60 + 45), '上班 待打卡')
  assert.equal(checksLine([afternoon], 15 * 60 + 30), '上班 缺卡')
})

// Four checks of the example shift, none signed: what the server says of a day with no punch.
const unsigned = (windows) => windows.map(([from, to], i) => ({
  checkType: i % 2 ? 'OffDuty' : 'OnDuty', timeResult: 'NotSigned', sourceType: null, window: [from, to]
}))
const WINDOWS = [['06:30', '10:14'], ['10:15', '12:44'], ['12:45', '15:29'], ['15:30', '21:30']]

test('today, a day whose only shortfalls are checks still open is 进行中, not 旷工 or 异常', () => {
  const nobody = { user_id: 'a', status: 'absent', checks: unsigned(WINDOWS) }
  assert.equal(statusNow(nobody, 8 * 60 + 25), 'open')
  // the morning's check closed unsigned at 10:14: missing so far, not yet a 旷工 day
  assert.equal(statusNow(nobody, 10 * 60 + 15), 'exception')
  // every window over: the server's 旷工 stands
  assert.equal(statusNow(nobody, 21 * 60 + 31), 'absent')
  // another day (no minute): the server's word
  assert.equal(statusNow(nobody, null), 'absent')
  const onTime = { user_id: 'b', status: 'exception',
    checks: [{ ...unsigned(WINDOWS)[0], timeResult: 'Normal', sourceType: 'USER' }, ...unsigned(WINDOWS).slice(1)] }
  assert.equal(statusNow(onTime, 8 * 60 + 25), 'open')
  const late = { user_id: 'c', status: 'exception',
    checks: [{ ...unsigned(WINDOWS)[0], timeResult: 'Late', sourceType: 'USER' }, ...unsigned(WINDOWS).slice(1)] }
  assert.equal(statusNow(late, 8 * 60 + 45), 'exception')
  assert.deepEqual(dayNow([nobody, onTime, late], 8 * 60 + 45).totals, { open: 2, exception: 1 })
})
