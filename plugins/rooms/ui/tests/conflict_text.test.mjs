// SPDX-License-Identifier: Apache-2.0
// A 409's conflicts in words: a room taken, the judge busy, a person of the bench busy.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { aboutPeople, conflictText, conflictTimes } from '../src/conflict-text.js'

const at = (hhmm) => `2026-12-10T${hhmm}:00+08:00`
const panel = { user_id: 'LN-BC-SY-01-025', name: '熊河丽', role: 'panel',
  with: { hearing_id: 7, start: at('09:00'), end: at('11:00'), title: '远程庭审 （2026）辽0102民初5号' } }
const clerk = { user_id: 'LN-BC-SY-01-027', name: '', role: 'clerk',
  with: { booking_id: 41, start: at('10:00'), end: at('10:30'), title: '党支部学习' } }

test('a person of the bench: role, name, and the hearing or meeting they have then', () => {
  assert.equal(conflictText(panel), '合议庭成员 熊河丽 该时段已有庭审 #7：远程庭审 （2026）辽0102民初5号')
  assert.equal(conflictText(clerk), '书记员 LN-BC-SY-01-027 该时段已预约会议 #41：党支部学习')
  assert.equal(conflictText({ ...panel, role: 'judge' }).slice(0, 8), '承办法官 熊河丽')
  assert.deepEqual(conflictTimes(panel), [at('09:00'), at('11:00')])
  assert.ok(aboutPeople([panel]))
})

test('a room taken names the booking in the way; its time is the conflict\'s own', () => {
  const room = { reason: 'booked', start: at('10:00'), end: at('11:00'),
    booking: { id: 41, title: '庭务会', organizer_name: '戴婷振', status: '已预订', start: at('10:00'), end: at('11:00') } }
  assert.equal(conflictText(room, (v) => v.slice(11, 16)), '已被占用：#41 庭务会（戴婷振，已预订，10:00–11:00）')
  assert.deepEqual(conflictTimes(room), [at('10:00'), at('11:00')])
  assert.equal(aboutPeople([room]), false)
  assert.equal(conflictText({ reason: 'judge_busy', case_number: '（2026）辽0102民初5号' }),
    '法官在该时段已有庭审：（2026）辽0102民初5号')
  assert.equal(conflictText({ reason: 'closed', message: '周日不开放' }), '周日不开放')
})
