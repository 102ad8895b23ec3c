// SPDX-License-Identifier: Apache-2.0
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { calendarWeeks, fixableChecks, monthCounts, monthRange, monthTitle, shiftMonth } from '../src/month.js'
import { EXAMPLE_DAY, check } from './fixtures.mjs'

test('months step across years', () => {
  assert.equal(shiftMonth('2026-12', 1), '2027-01')
  assert.equal(shiftMonth('2026-01', -1), '2025-12')
  assert.equal(monthTitle('2026-12'), '2026年12月')
})

test('the range asked for ends today in the current month and is null in a future one', () => {
  assert.deepEqual(monthRange('2026-12', '2026-12-07'), { from: '2026-12-01', to: '2026-12-07' })
  assert.deepEqual(monthRange('2026-11', '2026-12-07'), { from: '2026-11-01', to: '2026-11-30' })
  assert.deepEqual(monthRange('2024-02', '2026-12-07'), { from: '2024-02-01', to: '2024-02-29' })
  assert.equal(monthRange('2027-01', '2026-12-07'), null)
})

test('December 2026 starts on a Tuesday: weeks from Monday, the days placed and marked', () => {
  const weeks = calendarWeeks('2026-12', [EXAMPLE_DAY], '2026-12-07')
  assert.equal(weeks.length, 5)
  assert.equal(weeks[0][0], null)
  assert.equal(weeks[0][1].date, '2026-12-01')
  assert.equal(weeks[1][0].date, '2026-12-07')
  assert.equal(weeks[1][0].today, true)
  assert.equal(weeks[1][1].result.status, 'exception')
  assert.equal(weeks[1][1].future, true)
  assert.equal(weeks[4][3].date, '2026-12-31')
  assert.equal(weeks[4][4], null)
  assert.ok(weeks.every((w) => w.length === 7))
})

test('the month\'s counts: days by status and the checks\' classes', () => {
  const absent = { date: '2026-12-01', status: 'absent', counts: { late: 0, missing: 0 }, checks: [] }
  const rest = { date: '2026-12-05', status: 'rest', counts: {}, checks: [] }
  const leave = { date: '2026-12-02', status: 'normal', counts: {}, checks: [check({ timeResult: 'Normal', sourceType: 'APPROVE', approveType: 'leave' })] }
  const serious = { date: '2026-12-03', status: 'exception', counts: { serious_late: 1, late_minutes: 40 }, checks: [] }
  const c = monthCounts([absent, leave, serious, rest, EXAMPLE_DAY])
  assert.deepEqual([c.workdays, c.normal, c.exception, c.absent, c.rest], [4, 1, 2, 1, 1])
  assert.deepEqual([c.late, c.late_minutes, c.early, c.early_minutes, c.missing, c.approved], [2, 51, 1, 20, 1, 1])
  assert.equal(monthCounts([absent, EXAMPLE_DAY], { upTo: '2026-12-08' }).workdays, 1)
})

test('a 补卡 is offered on a missing check once its window is over', () => {
  const day = EXAMPLE_DAY
  assert.deepEqual(fixableChecks(day, '2026-12-09').map((c) => c.planCheckTime), ['2026-12-08T13:30:00+08:00'])
  assert.deepEqual(fixableChecks(day, '2026-12-08', 15 * 60 + 29), [])
  assert.equal(fixableChecks(day, '2026-12-08', 15 * 60 + 30).length, 1)
  assert.deepEqual(fixableChecks(day, '2026-12-07'), [])
})

test('days away: a day\'s share is its covered checks over its checks, by type', async () => {
  const { awayDays } = await import('../src/month.js')
  const cover = (type, sub = null) => check({ timeResult: 'Normal', sourceType: 'APPROVE', approveType: type, approveSubType: sub })
  const plain = check({ timeResult: 'Normal', sourceType: 'USER' })
  const days = [
    { date: '2026-12-01', checks: [cover('leave', '事假'), cover('leave', '事假'), plain, plain] },
    { date: '2026-12-02', checks: [cover('leave', '事假'), cover('leave', '事假'), cover('leave', '事假'), cover('leave', '事假')] },
    { date: '2026-12-03', checks: [cover('business_trip'), cover('business_trip')] },
    { date: '2026-12-04', checks: [cover('outing'), plain, plain, plain, cover('punch_fix')] },
    { date: '2026-12-07', checks: [cover('leave'), cover('leave')] }
  ]
  assert.deepEqual(awayDays(days), [{ type: '事假', days: 1.5 }, { type: '出差', days: 1 }, { type: '请假', days: 1 }, { type: '外出', days: 0.2 }])
  assert.deepEqual(awayDays(days, { upTo: '2026-12-07' }).map((a) => a.type), ['事假', '出差', '外出'])
})
