// SPDX-License-Identifier: Apache-2.0
// 考勤规则 for the court_admin: groups and shifts (GET /admin/groups, /admin/shifts) in words, and
// the checks an edited shift or place must pass before it is sent (the server checks them again).
// Pure: `node --test` checks it.

export const GROUP_TYPES = { FIXED: '固定班制', TURN: '排班制', NONE: '自由工时' }
const APPROVALS = { none: '无需审批', before: '需事前审批', after: '需事后审批' }

// "允许外勤打卡，需事后审批，须填写备注" / "不允许外勤打卡".
export function outsideText (outside) {
  if (!outside?.allowed) return '不允许外勤打卡'
  const parts = ['允许外勤打卡', APPROVALS[outside.approval] ?? APPROVALS.none]
  if (outside.remark_required) parts.push('须填写备注')
  return parts.join('，')
}

// "3个部门、2人" / "未指定成员".
export function membersText (members) {
  const d = members?.departments?.length ?? 0
  const u = members?.users?.length ?? 0
  const parts = []
  if (d) parts.push(`${d}个部门`)
  if (u) parts.push(`${u}人`)
  return parts.length ? parts.join('、') : '未指定成员'
}

// The shift's sections and settings: "08:30-12:00 13:30-17:30 · 弹性10分钟 · 严重迟到30分钟起 ·
// 旷工迟到60分钟起" (the thresholds when the server gives them).
export function shiftText (shift) {
  if (!shift) return ''
  const parts = [(shift.sections ?? []).join(' ')]
  if (shift.flex_minutes) parts.push(`弹性${shift.flex_minutes}分钟`)
  if (shift.serious_late_minutes) parts.push(`严重迟到${shift.serious_late_minutes}分钟起`)
  if (shift.absent_late_minutes) parts.push(`旷工迟到${shift.absent_late_minutes}分钟起`)
  return parts.join(' · ')
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/
const minute = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

// Sections typed one per line or separated by spaces ("08:30-12:00 13:30-17:30") →
// {sections, problem}: problem is "" or why they cannot be a shift (times HH:MM, strictly
// increasing within one day).
export function parseSections (text) {
  const sections = String(text ?? '').split(/[\s,，;；]+/).filter(Boolean)
    .map((s) => s.replace(/[–—~～至]/g, '-'))
  if (!sections.length) return { sections, problem: '请至少填写一个时段' }
  let last = -1
  for (const s of sections) {
    const [from, to, extra] = s.split('-')
    if (extra !== undefined || !HHMM.test(from ?? '') || !HHMM.test(to ?? '')) {
      return { sections, problem: `时段“${s}”应写作 08:30-12:00` }
    }
    if (minute(from) <= last || minute(to) <= minute(from)) {
      return { sections, problem: '时段须在同一天内依次递增' }
    }
    last = minute(to)
  }
  return { sections, problem: '' }
}

// A place's radius typed by the admin: {value, problem}.
export function parseRadius (text) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 10 || value > 10000) return { value, problem: '范围应为10至10000米的整数' }
  return { value, problem: '' }
}

// A TURN group's roster (GET /admin/groups/{id}/roster: entries {user_id, date, shift_id|null}) as
// the week reads: [{date, parts: ["立案窗口班 3人", "休息 1人"]}] by date, the shifts in the
// group's order, rest (a null shift) last.
export function rosterDays (entries, shifts) {
  const names = new Map((shifts ?? []).map((s, i) => [s.id, { name: s.name, order: i }]))
  const byDate = new Map()
  for (const e of entries ?? []) {
    if (!byDate.has(e.date)) byDate.set(e.date, new Map())
    const day = byDate.get(e.date)
    const key = e.shift_id ?? ''
    day.set(key, (day.get(key) ?? 0) + 1)
  }
  const order = (id) => (id === '' ? Infinity : names.get(id)?.order ?? names.size)
  return [...byDate.keys()].sort().map((date) => ({
    date,
    parts: [...byDate.get(date).entries()]
      .sort(([a], [b]) => order(a) - order(b) || String(a).localeCompare(String(b)))
      .map(([id, n]) => `${id === '' ? '休息' : names.get(id)?.name ?? id} ${n}人`)
  }))
}
