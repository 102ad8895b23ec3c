// SPDX-License-Identifier: Apache-2.0
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { membersText, outsideText, parseRadius, parseSections, shiftText } from '../src/rules-text.js'

test('outside rules in words', () => {
  assert.equal(outsideText({ allowed: false }), '不允许外勤打卡')
  assert.equal(outsideText({ allowed: true, approval: 'none', remark_required: false }), '允许外勤打卡，无需审批')
  assert.equal(outsideText({ allowed: true, approval: 'after', remark_required: true }), '允许外勤打卡，需事后审批，须填写备注')
})

test('members and shifts in words', () => {
  assert.equal(membersText({ departments: ['d1', 'd2'], users: ['u'] }), '2个部门、1人')
  assert.equal(membersText({}), '未指定成员')
  assert.equal(shiftText({ sections: ['08:30-12:00', '13:30-17:30'], flex_minutes: 10 }), '08:30-12:00 13:30-17:30 · 弹性10分钟')
  assert.equal(shiftText({ sections: ['09:00-17:00'], flex_minutes: 0, serious_late_minutes: 30, absent_late_minutes: 60 }),
    '09:00-17:00 · 严重迟到30分钟起 · 旷工迟到60分钟起')
})

test('sections typed by the admin: HH:MM, strictly increasing within the day', () => {
  assert.deepEqual(parseSections('08:30-12:00\n13:30-17:30'), { sections: ['08:30-12:00', '13:30-17:30'], problem: '' })
  assert.deepEqual(parseSections('08:30～12:00，13:30-17:30').sections, ['08:30-12:00', '13:30-17:30'])
  assert.equal(parseSections('').problem, '请至少填写一个时段')
  assert.equal(parseSections('8:30-12:00').problem, '时段“8:30-12:00”应写作 08:30-12:00')
  assert.equal(parseSections('08:30-12:00 11:30-17:30').problem, '时段须在同一天内依次递增')
  assert.equal(parseSections('12:00-12:00').problem, '时段须在同一天内依次递增')
  assert.equal(parseSections('22:00-24:00').problem, '时段“22:00-24:00”应写作 08:30-12:00')
})

test('a radius is a whole number of metres in range', () => {
  assert.deepEqual(parseRadius('500'), { value: 500, problem: '' })
  assert.equal(parseRadius('5.5').problem, '范围应为10至10000米的整数')
  assert.equal(parseRadius('0').problem, '范围应为10至10000米的整数')
})

test('a roster reads per day: people per shift in the group\'s order, rest last', async () => {
  const { rosterDays } = await import('../src/rules-text.js')
  const shifts = [{ id: 'window', name: '立案窗口班' }, { id: 'duty', name: '值班' }]
  const entries = [
    { user_id: 'a', date: '2026-12-08', shift_id: null },
    { user_id: 'b', date: '2026-12-08', shift_id: 'duty' },
    { user_id: 'c', date: '2026-12-07', shift_id: 'window' },
    { user_id: 'd', date: '2026-12-08', shift_id: 'window' },
    { user_id: 'e', date: '2026-12-08', shift_id: 'window' },
    { user_id: 'f', date: '2026-12-08', shift_id: 'gone' }
  ]
  assert.deepEqual(rosterDays(entries, shifts), [
    { date: '2026-12-07', parts: ['立案窗口班 1人'] },
    { date: '2026-12-08', parts: ['立案窗口班 2人', '值班 1人', 'gone 1人', '休息 1人'] }
  ])
  assert.deepEqual(rosterDays([], shifts), [])
})
