// SPDX-License-Identifier: Apache-2.0
// 部门考勤: the department's day (GET /departments/{id}/day) as its head reads it: the totals as
// chips, the people with an exception first, and each person's checks on one line. Pure.
import { CHECK_TYPES, checkOpen, checkResultText, clockText, dayStatus } from './day-text.js'

const ORDER = ['absent', 'exception', 'open', 'normal', 'free', 'rest', 'unassigned']

// [{status, label, tone, count}] in ORDER, the statuses with nobody left out.
export function totalChips (totals) {
  return ORDER.filter((s) => (totals?.[s] ?? 0) > 0)
    .map((s) => ({ status: s, ...dayStatus(s), count: totals[s] }))
}

// A person's status as their head should read it at `minute` of today (null: another day, the
// server's word stands). The server judges every check, open or not; before the day is over a
// check still open is not missing yet: a day whose only shortfalls are open checks is 'open', and
// a day without a punch so far is not 旷工 while a check is still open ('exception' once one has
// closed unsigned).
export function statusNow (person, minute) {
  if (minute == null || !['absent', 'exception'].includes(person.status)) return person.status
  const checks = person.checks ?? []
  const settledShortfall = checks.some((c) => c.timeResult !== 'Normal' && !checkOpen(c, minute))
  if (!settledShortfall) return 'open'
  if (person.status === 'absent' && checks.some((c) => checkOpen(c, minute))) return 'exception'
  return person.status
}

// The day's people with statusNow, and their totals by status.
export function dayNow (people, minute) {
  const now = (people ?? []).map((p) => ({ ...p, status: statusNow(p, minute) }))
  const totals = {}
  for (const p of now) totals[p.status] = (totals[p.status] ?? 0) + 1
  return { people: now, totals }
}

// The people, those needing attention first (旷工, 异常, then the rest), by name within a status;
// `only` keeps one status.
export function sortedPeople (people, only = '') {
  const rank = (p) => { const i = ORDER.indexOf(p.status); return i < 0 ? ORDER.length : i }
  return (people ?? [])
    .filter((p) => !only || p.status === only)
    .slice()
    .sort((a, b) => rank(a) - rank(b) || String(a.name).localeCompare(String(b.name), 'zh-CN') ||
      String(a.user_id).localeCompare(String(b.user_id)))
}

// "上班 08:41 迟到 11分钟 · 下班 缺卡": a person's checks on one line ("" on a day without checks);
// on today, `minute` makes the checks still open read 待打卡.
export function checksLine (checks, minute = null) {
  return (checks ?? []).map((c) => {
    const at = c.userCheckTime && c.sourceType !== 'APPROVE' ? ` ${clockText(c.userCheckTime)}` : ''
    return `${CHECK_TYPES[c.checkType] ?? c.checkType}${at} ${checkOpen(c, minute) ? '待打卡' : checkResultText(c)}`
  }).join(' · ')
}
