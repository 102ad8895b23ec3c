// SPDX-License-Identifier: Apache-2.0
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkAt, checkResultText, checkRow, clockText, dayStatus, punchCaption, punchFeedback, punchLine } from '../src/day-text.js'
import { EXAMPLE_DAY, check } from './fixtures.mjs'

test('clock text is read off the server\'s +08:00 time', () => {
  assert.equal(clockText('2026-12-08T08:41:23+08:00'), '08:41')
  assert.equal(clockText('17:30'), '17:30')
  assert.equal(clockText(null), '')
})

test('the worked example reads as the rules doc says', () => {
  const rows = EXAMPLE_DAY.checks.map((c) => checkRow(c))
  assert.deepEqual(rows.map((r) => r.label), ['上班 08:30', '下班 12:00', '上班 13:30', '下班 17:30'])
  assert.deepEqual(rows.map((r) => r.punched), ['打卡 08:41', '打卡 12:03', '未打卡', '打卡 17:10'])
  assert.deepEqual(rows.map((r) => r.result), ['迟到 11分钟', '正常', '缺卡', '早退 20分钟 · 外勤'])
  assert.deepEqual(rows.map((r) => r.tone), ['warn', 'good', 'bad', 'warn'])
})

test('approvals read as their kind: a cover without a time, a 补卡 at the plan time', () => {
  const cover = check({ timeResult: 'Normal', locationResult: 'Normal', sourceType: 'APPROVE', approveType: 'leave', approveSubType: '事假', approveId: 'a1' })
  assert.equal(checkResultText(cover), '请假（事假）')
  assert.equal(checkRow(cover).punched, '审批通过')
  assert.equal(checkRow(cover).tone, 'good')
  const fix = check({ userCheckTime: '2026-12-08T08:30:00+08:00', timeResult: 'Normal', locationResult: 'Normal', sourceType: 'APPROVE', approveType: 'punch_fix' })
  assert.equal(checkRow(fix).punched, '补卡 08:30')
  assert.equal(checkRow(fix).result, '补卡')
  assert.equal(checkResultText(check({ timeResult: 'SeriousLate', lateMinutes: 45 })), '严重迟到 45分钟')
  assert.equal(checkResultText(check({ timeResult: 'Absenteeism', lateMinutes: 75 })), '旷工迟到 75分钟')
})

test('the button is for the check whose window holds the minute, at its boundaries', () => {
  const checks = EXAMPLE_DAY.checks
  assert.equal(checkAt(checks, 6 * 60 + 29), null)
  assert.equal(checkAt(checks, 6 * 60 + 30).checkType, 'OnDuty')
  assert.equal(punchCaption(checks, 10 * 60 + 14), '上班打卡')
  assert.equal(punchCaption(checks, 10 * 60 + 15), '下班打卡')
  assert.equal(punchCaption(checks, 21 * 60 + 30), '下班打卡')
  assert.equal(punchCaption(checks, 21 * 60 + 31), '打卡')
  assert.equal(punchCaption([], 9 * 60), '打卡')
})

test('after a punch the page says which check it counted for and how', () => {
  const day = EXAMPLE_DAY
  assert.deepEqual(punchFeedback({ punch: { id: 1, time: '2026-12-08T08:41:23+08:00', location_result: 'Normal' }, day }),
    { title: '上班打卡成功 08:41', detail: '迟到 11分钟', tone: 'warn' })
  assert.deepEqual(punchFeedback({ punch: { id: 3, time: '2026-12-08T17:10:00+08:00', location_result: 'Outside' }, day }),
    { title: '下班外勤打卡成功 17:10', detail: '早退 20分钟 · 外勤', tone: 'warn' })
  assert.equal(punchFeedback({ punch: { id: 9, time: '2026-12-08T22:00:00+08:00' }, day }).detail, '已记录，不计入考勤结果')
  assert.equal(punchFeedback({ punch: { id: 9, time: '2026-12-12T10:00:00+08:00' }, day: { status: 'rest', checks: [] } }).detail,
    '今天休息，已记录，不计入考勤结果')
  const pending = punchFeedback({ punch: { id: 4, time: '2026-12-08T09:00:00+08:00', approval_state: 'pending', location_result: 'Outside' }, day })
  assert.equal(pending.detail, '待审批，审批通过后计入考勤')
})

test('statuses and punches in words', () => {
  assert.deepEqual(dayStatus('absent'), { label: '旷工', tone: 'bad' })
  assert.equal(dayStatus('free').label, '自由工时')
  assert.equal(punchLine({ time: '2026-12-08T08:29:40+08:00', source_type: 'ATM', location_result: 'Normal', counted: true }), '08:29 · 考勤机')
  assert.equal(punchLine({ time: '2026-12-08T09:02:00+08:00', source_type: 'USER', location_result: 'Outside', approval_state: 'pending', counted: false, address: '中级法院' }),
    '09:02 · 外勤 · 待审批 · 未计入 · 中级法院')
})

test('today\'s checks still open read 待打卡 until their window is over', () => {
  const open = check({ checkType: 'OffDuty', planCheckTime: '2026-12-08T12:00:00+08:00', window: ['10:15', '12:44'] })
  assert.deepEqual(checkRow(open, 8 * 60 + 25), { label: '下班 12:00', punched: '未打卡', result: '待打卡', tone: 'none' })
  assert.equal(checkRow(open, 12 * 60 + 44).result, '待打卡')
  assert.equal(checkRow(open, 12 * 60 + 45).result, '缺卡')
  assert.equal(checkRow(open).result, '缺卡')
  assert.equal(checkRow(EXAMPLE_DAY.checks[0], 8 * 60).result, '迟到 11分钟')
})
