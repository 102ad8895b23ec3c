// SPDX-License-Identifier: Apache-2.0
// One line of a 409's details.conflicts, in words: a room taken, the judge busy, or (a hearing's
// bench) a person who has another hearing or a meeting then. Pure: the time is formatted by the
// caller (ConflictDialog.vue), from conflictTimes().

const ROLE = { judge: '承办法官', clerk: '书记员', panel: '合议庭成员' }

// [start, end] of what is in the way.
export function conflictTimes(c) {
  if (c.with) return [c.with.start, c.with.end]
  return [c.start, c.end]
}

// Whether any conflict is a person's (the hearing's bench), not a room's.
export function aboutPeople(conflicts) {
  return (conflicts ?? []).some((c) => c.role && c.with)
}

// The words for one conflict; `time(iso)` formats a time of a booking in the way ("10:00").
export function conflictText(c, time = (v) => v) {
  if (c.role && c.with) {
    const w = c.with
    const what = w.hearing_id ? `已有庭审 #${w.hearing_id}` : `已预约会议 #${w.booking_id}`
    return `${ROLE[c.role] ?? c.role} ${c.name || c.user_id} 该时段${what}${w.title ? `：${w.title}` : ''}`
  }
  const b = c.booking
  if (c.reason === 'booked' && b) {
    const who = [b.organizer_name, b.status, `${time(b.start)}–${time(b.end)}`]
      .filter(Boolean).join('，')
    return `已被占用：${b.title ? `#${b.id} ${b.title}` : `#${b.id}`}（${who}）`
  }
  if (c.reason === 'judge_busy') {
    return `法官在该时段已有庭审${c.case_number ? `：${c.case_number}` : ''}`
  }
  return c.message || '不可预订'
}
