// SPDX-License-Identifier: Apache-2.0
// 我的考勤: a month as a calendar (weeks from Monday), each day with its result from GET /results,
// and the month's counts tallied from those days. Pure: `node --test` checks it. Dates are
// "YYYY-MM-DD" strings, handled as calendar dates (UTC arithmetic, no time zone involved).

const pad = (n) => String(n).padStart(2, '0')

export function monthKey (date) {
  return String(date).slice(0, 7)
}

export function daysInMonth (month) {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

export function shiftMonth (month, by) {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`
}

export function monthTitle (month) {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

// The range GET /results is asked for: the month's first day to its last, or to today when the
// month is the current one. null for a month after today's.
export function monthRange (month, today) {
  const from = `${month}-01`
  if (from > today) return null
  const last = `${month}-${pad(daysInMonth(month))}`
  return { from, to: last < today ? last : today }
}

// The calendar's weeks: arrays of 7 cells, Monday first; a cell is null outside the month, else
// {date, day (number), result (the day JSON or null), future, today}.
export function calendarWeeks (month, days, today) {
  const byDate = new Map((days ?? []).map((d) => [d.date, d]))
  const [y, m] = month.split('-').map(Number)
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7
  const cells = Array(lead).fill(null)
  for (let d = 1; d <= daysInMonth(month); d++) {
    const date = `${month}-${pad(d)}`
    cells.push({ date, day: d, result: byDate.get(date) ?? null, future: date > today, today: date === today })
  }
  while (cells.length % 7) cells.push(null)
  const weeks = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

// The month's counts from its days: days by status, and the checks' late, early and missing.
// Today's checks still open are not yet missing, so today counts only once it is over: pass the
// days before today with `upTo` (exclusive) to leave it out.
export function monthCounts (days, { upTo } = {}) {
  const counts = {
    workdays: 0, normal: 0, exception: 0, absent: 0, rest: 0, free: 0,
    late: 0, late_minutes: 0, early: 0, early_minutes: 0, missing: 0, approved: 0
  }
  for (const day of days ?? []) {
    if (upTo && day.date >= upTo) continue
    if (day.status in counts) counts[day.status]++
    if (['normal', 'exception', 'absent'].includes(day.status)) counts.workdays++
    const c = day.counts ?? {}
    counts.late += (c.late ?? 0) + (c.serious_late ?? 0) + (c.absenteeism ?? 0)
    counts.late_minutes += c.late_minutes ?? 0
    counts.early += c.early ?? 0
    counts.early_minutes += c.early_minutes ?? 0
    counts.missing += c.missing ?? 0
    counts.approved += (day.checks ?? []).filter((k) => k.sourceType === 'APPROVE').length
  }
  return counts
}

// Checks of a day that a 补卡 can be asked for: NotSigned ones whose window is over (a day before
// today, or today's checks whose window ended before `nowMinute`).
export function fixableChecks (day, today, nowMinute = 24 * 60) {
  if (!day || day.date > today) return []
  return (day.checks ?? []).filter((c) => {
    if (c.timeResult !== 'NotSigned' || c.sourceType === 'APPROVE') return false
    if (day.date < today) return true
    const end = String(c.window?.[1] ?? '').match(/^(\d{2}):(\d{2})$/)
    return end ? Number(end[1]) * 60 + Number(end[2]) < nowMinute : false
  })
}

// Days away by type, as the month summary counts them: a day's share of a leave, trip or outing
// is its covered checks over the day's checks (a morning's leave on a four-check day is 0.5); a
// leave by its sub type (事假, 病假 …; 请假 without one). → [{type, days}] largest first, then by
// name. `upTo` (exclusive) as for monthCounts.
export function awayDays (days, { upTo } = {}) {
  const KINDS = { business_trip: '出差', outing: '外出' }
  const total = new Map()
  for (const day of days ?? []) {
    if (upTo && day.date >= upTo) continue
    const checks = day.checks ?? []
    for (const c of checks) {
      if (c.sourceType !== 'APPROVE' || !c.approveType || c.approveType === 'punch_fix') continue
      const type = c.approveType === 'leave' ? (c.approveSubType || '请假') : KINDS[c.approveType] ?? c.approveType
      total.set(type, (total.get(type) ?? 0) + 1 / checks.length)
    }
  }
  return [...total.entries()]
    .map(([type, d]) => ({ type, days: Math.round(d * 100) / 100 }))
    .sort((a, b) => b.days - a.days || a.type.localeCompare(b.type, 'zh-CN'))
}
