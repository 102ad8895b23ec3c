// SPDX-License-Identifier: Apache-2.0
// Where the phone is, against the caller's group's places: what the check-in page says before a
// punch ("在考勤范围内：本院办公楼", "外勤", "定位中…", "未授权定位"). The server decides
// Normal or Outside on the punch with the same rule (distance ≤ radius_m on a 6,371,000 m sphere,
// docs/attendance.md); this only tells the user beforehand. Pure: `node --test` checks it.

const EARTH_RADIUS_M = 6371000

export function distanceMetres (a, b) {
  const rad = (d) => (d * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLng = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

// The group's place nearest to `position`: {place, distance} (metres, unrounded: compared with the
// radius as the server does), or null when the group has no place.
export function nearestPlace (locations, position) {
  let best = null
  for (const place of locations ?? []) {
    const distance = distanceMetres(position, place)
    if (!best || distance < best.distance) best = { place, distance }
  }
  return best
}

export function distanceText (metres) {
  return metres >= 1000 ? `${(metres / 1000).toFixed(1)}公里` : `${Math.round(metres)}米`
}

// The location state the page shows. `fix`: {state: 'locating'|'denied'|'failed'|'located',
// position?}; `group`: the caller's group (its locations and outside rules) or null.
// → {kind: 'locating'|'denied'|'failed'|'inside'|'outside'|'no_group', text, place?, distance?,
//    canPunch, remark: 'none'|'optional'|'required', note}
export function locationState (fix, group) {
  if (!group) {
    return { kind: 'no_group', text: '您不在任何考勤组中', canPunch: false, remark: 'none', note: '请联系本院考勤管理员' }
  }
  if (!fix || fix.state === 'locating') {
    return { kind: 'locating', text: '定位中…', canPunch: false, remark: 'none', note: '' }
  }
  if (fix.state === 'denied') {
    return { kind: 'denied', text: '未授权定位', canPunch: false, remark: 'none', note: '请在手机设置中允许钉钉使用位置信息，然后重新定位' }
  }
  if (fix.state === 'failed' || !fix.position) {
    return { kind: 'failed', text: '定位失败', canPunch: false, remark: 'none', note: '请到信号较好的地方重新定位' }
  }
  const near = nearestPlace(group.locations, fix.position)
  if (near && near.distance <= near.place.radius_m) {
    return { kind: 'inside', text: `在考勤范围内：${near.place.title}`, place: near.place, distance: near.distance, canPunch: true, remark: 'none', note: '' }
  }
  const outside = group.outside ?? {}
  const away = near ? `距${near.place.title}${distanceText(near.distance)}` : '本考勤组未设置考勤地点'
  if (!outside.allowed) {
    return { kind: 'outside', text: '不在考勤范围内', place: near?.place, distance: near?.distance, canPunch: false, remark: 'none', note: `${away}，本考勤组不允许外勤打卡` }
  }
  const approval = outside.approval === 'before' || outside.approval === 'after' ? '，外勤打卡需审批' : ''
  return {
    kind: 'outside',
    text: '外勤',
    place: near?.place,
    distance: near?.distance,
    canPunch: true,
    remark: outside.remark_required ? 'required' : 'optional',
    note: `${away}${approval}`
  }
}

// The body of POST /punches from a located fix, the address shown and the remark.
export function punchBody (fix, { address = '', remark = '' } = {}) {
  const body = {}
  if (fix?.position) {
    body.latitude = fix.position.latitude
    body.longitude = fix.position.longitude
    if (Number.isFinite(fix.position.accuracy)) body.accuracy = Math.round(fix.position.accuracy)
  }
  if (address) body.address = address
  if (remark.trim()) body.remark = remark.trim()
  return body
}
