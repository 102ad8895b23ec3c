// SPDX-License-Identifier: Apache-2.0
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checksLine, sortedPeople, totalChips } from '../src/department.js'
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
