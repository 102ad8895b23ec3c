// SPDX-License-Identifier: Apache-2.0
// How a day and its checks read (the day JSON of docs/attendance.md): labels, tones and one line
// per check. Pure: no Vue, no kit, so `node --test` checks it. Times come from the server's ISO
// strings, which are in the courts' time (+08:00), so their wall clock is read off the text.

export const CHECK_TYPES = { OnDuty: '上班', OffDuty: '下班' }

export const TIME_RESULTS = {
  Normal: '正常',
  Late: '迟到',
  SeriousLate: '严重迟到',
  Absenteeism: '旷工迟到',
  Early: '早退',
  NotSigned: '缺卡'
}

export const APPROVE_TYPES = { leave: '请假', business_trip: '出差', outing: '外出', punch_fix: '补卡' }

// A day's status: its label and the tone that colours it (a CSS class suffix).
export const DAY_STATUSES = {
  normal: { label: '正常', tone: 'good' },
  exception: { label: '异常', tone: 'warn' },
  open: { label: '进行中', tone: 'none' }, // today, nothing wrong yet: only checks still open are unsigned
  absent: { label: '旷工', tone: 'bad' },
  rest: { label: '休息', tone: 'rest' },
  free: { label: '自由工时', tone: 'free' },
  unassigned: { label: '未分组', tone: 'none' }
}

export function dayStatus (status) {
  return DAY_STATUSES[status] ?? { label: status ?? '', tone: 'none' }
}

// "08:41" from "2026-12-08T08:41:23+08:00" (or from "08:41"); "" for null.
export function clockText (iso) {
  if (!iso) return ''
  const m = String(iso).match(/(?:T|^)(\d{2}:\d{2})/)
  return m ? m[1] : ''
}

// Minutes of the day of an ISO time or "HH:MM", or null.
export function minuteOf (iso) {
  const t = clockText(iso)
  if (!t) return null
  const [h, m] = t.split(':').map(Number)
  return h * 60 + m
}

// The tone of a check's result: good (正常, also by approval), warn (迟到/早退), bad (缺卡, 旷工迟到).
export function checkTone (check) {
  switch (check.timeResult) {
    case 'Normal': return 'good'
    case 'Late': case 'Early': case 'SeriousLate': return 'warn'
    default: return 'bad'
  }
}

// What the check's result says: "迟到 11分钟", "早退 20分钟", "缺卡", "正常", "请假（事假）",
// "补卡", and "外勤" after an outside punch that counted.
export function checkResultText (check) {
  if (check.sourceType === 'APPROVE' && check.approveType) {
    const kind = APPROVE_TYPES[check.approveType] ?? '审批'
    return check.approveSubType ? `${kind}（${check.approveSubType}）` : kind
  }
  let text = TIME_RESULTS[check.timeResult] ?? check.timeResult ?? ''
  if (['Late', 'SeriousLate', 'Absenteeism'].includes(check.timeResult) && check.lateMinutes > 0) {
    text += ` ${check.lateMinutes}分钟`
  }
  if (check.timeResult === 'Early' && check.earlyMinutes > 0) text += ` ${check.earlyMinutes}分钟`
  if (check.locationResult === 'Outside') text += ' · 外勤'
  return text
}

// Whether a check of today is still open at `minute`: not signed and its window not over, so its
// 缺卡 is not final yet.
export function checkOpen (check, minute) {
  const end = minuteOf(check.window?.[1])
  return check.timeResult === 'NotSigned' && check.sourceType !== 'APPROVE' && minute != null && end != null && minute <= end
}

// One check as its row shows it: {label "上班 08:30", punched "打卡 08:41" | "未打卡", result, tone}.
// Today's checks still open at `minute` read 待打卡 instead of 缺卡.
export function checkRow (check, minute = null) {
  const label = `${CHECK_TYPES[check.checkType] ?? check.checkType} ${clockText(check.planCheckTime)}`
  if (checkOpen(check, minute)) return { label, punched: '未打卡', result: '待打卡', tone: 'none' }
  let punched = '未打卡'
  if (check.userCheckTime) {
    punched = check.sourceType === 'APPROVE' ? `补卡 ${clockText(check.userCheckTime)}` : `打卡 ${clockText(check.userCheckTime)}`
  } else if (check.sourceType === 'APPROVE') {
    punched = '审批通过'
  }
  return { label, punched, result: checkResultText(check), tone: checkTone(check) }
}

// The check a punch made now would be for: the one whose window ([from, to] "HH:MM") holds the
// minute, else null (before the first window, after the last, or no checks on a rest day).
export function checkAt (checks, minute) {
  for (const check of checks ?? []) {
    const [from, to] = (check.window ?? []).map(minuteOf)
    if (from != null && to != null && minute >= from && minute <= to) return check
  }
  return null
}

// The big button's caption: "上班打卡" / "下班打卡" for the check of this minute, else "打卡".
export function punchCaption (checks, minute) {
  const check = checkAt(checks, minute)
  return check ? `${CHECK_TYPES[check.checkType]}打卡` : '打卡'
}

// The feedback after a punch (POST /punches answered {punch, day}): {title, detail, tone}.
export function punchFeedback ({ punch, day }) {
  const time = clockText(punch.time)
  if (punch.approval_state === 'pending') {
    return { title: `外勤打卡已提交 ${time}`, detail: '待审批，审批通过后计入考勤', tone: 'warn' }
  }
  const check = (day?.checks ?? []).find((c) => c.punchId === punch.id)
  const outside = punch.location_result === 'Outside' ? '外勤' : ''
  if (!check) {
    const why = day?.status === 'rest' ? '今天休息，' : ''
    return { title: `${outside}打卡成功 ${time}`, detail: `${why}已记录，不计入考勤结果`, tone: 'good' }
  }
  return {
    title: `${CHECK_TYPES[check.checkType]}${outside}打卡成功 ${time}`,
    detail: checkResultText(check),
    tone: checkTone(check)
  }
}

// A punch as listed under a day: "08:41 · 外勤 · 考勤机".
const SOURCES = { USER: '', ATM: '考勤机', BEACON: '蓝牙', DING_ATM: '钉钉考勤机', APPROVE: '审批' }
export function punchLine (punch) {
  const parts = [clockText(punch.time)]
  if (punch.location_result === 'Outside') parts.push('外勤')
  const source = SOURCES[punch.source_type] ?? punch.source_type
  if (source) parts.push(source)
  if (punch.approval_state === 'pending') parts.push('待审批')
  if (punch.approval_state === 'refused' || punch.approval_state === 'rejected') parts.push('审批未通过')
  if (punch.counted === false) parts.push('未计入')
  if (punch.address) parts.push(punch.address)
  return parts.filter(Boolean).join(' · ')
}
