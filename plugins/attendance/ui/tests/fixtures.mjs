// SPDX-License-Identifier: Apache-2.0
// Contract-shaped answers (docs/attendance.md): the rules doc's worked example as a day.
export const check = (over) => ({
  checkType: 'OnDuty', planCheckTime: '2026-12-08T08:30:00+08:00', window: ['06:30', '10:14'],
  userCheckTime: null, timeResult: 'NotSigned', locationResult: 'NotSigned', sourceType: null,
  lateMinutes: 0, earlyMinutes: 0, punchId: null, approveId: null, approveType: null,
  approveSubType: null, ...over
})

// Tuesday 8 December 2026: punches 08:41, 12:03, 17:10 (rules doc §6).
export const EXAMPLE_DAY = {
  date: '2026-12-08', weekday: '周二', workday: true, status: 'exception',
  group: { id: 'ln-bc-sy-01-default', name: '和平区法院考勤', type: 'FIXED' },
  shift: { id: 'winter', name: '冬季作息', sections: ['08:30-12:00', '13:30-17:30'] },
  counts: { late: 1, serious_late: 0, absenteeism: 0, early: 1, missing: 1, late_minutes: 11, early_minutes: 20 },
  checks: [
    check({ userCheckTime: '2026-12-08T08:41:23+08:00', timeResult: 'Late', locationResult: 'Normal', sourceType: 'USER', lateMinutes: 11, punchId: 1 }),
    check({ checkType: 'OffDuty', planCheckTime: '2026-12-08T12:00:00+08:00', window: ['10:15', '12:44'], userCheckTime: '2026-12-08T12:03:00+08:00', timeResult: 'Normal', locationResult: 'Normal', sourceType: 'USER', punchId: 2 }),
    check({ planCheckTime: '2026-12-08T13:30:00+08:00', window: ['12:45', '15:29'] }),
    check({ checkType: 'OffDuty', planCheckTime: '2026-12-08T17:30:00+08:00', window: ['15:30', '21:30'], userCheckTime: '2026-12-08T17:10:00+08:00', timeResult: 'Early', locationResult: 'Outside', sourceType: 'USER', earlyMinutes: 20, punchId: 3 })
  ],
  punches: [],
  approvals: []
}

export const GROUP = {
  id: 'ln-bc-sy-01-default', name: '和平区法院考勤', type: 'FIXED',
  locations: [
    { title: '本院办公楼', address: '沈阳市和平区', latitude: 41.7896, longitude: 123.4012, radius_m: 500 },
    { title: '派出法庭', address: '沈阳市和平区', latitude: 41.7600, longitude: 123.4300, radius_m: 300 }
  ],
  wifis: [],
  outside: { allowed: true, approval: 'none', remark_required: true }
}
