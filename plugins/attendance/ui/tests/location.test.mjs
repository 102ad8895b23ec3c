// SPDX-License-Identifier: Apache-2.0
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { distanceMetres, locationState, nearestPlace, punchBody } from '../src/location.js'
import { GROUP } from './fixtures.mjs'

// 0.001° of latitude is 111.19 m on the 6,371,000 m sphere.
const north = (place, metres) => ({ latitude: place.latitude + metres / 111194.93, longitude: place.longitude })
const HOME = GROUP.locations[0]

test('distance on the 6,371,000 m sphere', () => {
  assert.equal(Math.round(distanceMetres(HOME, north(HOME, 500))), 500)
  assert.equal(distanceMetres(HOME, HOME), 0)
})

test('in range up to the radius inclusive, then 外勤', () => {
  assert.equal(locationState({ state: 'located', position: north(HOME, 499.6) }, GROUP).kind, 'inside')
  const at = locationState({ state: 'located', position: north(HOME, 499.6) }, GROUP)
  assert.equal(at.text, '在考勤范围内：本院办公楼')
  assert.equal(at.remark, 'none')
  const away = locationState({ state: 'located', position: north(HOME, 501) }, GROUP)
  assert.equal(away.kind, 'outside')
  assert.equal(away.text, '外勤')
  assert.equal(away.remark, 'required')
  assert.equal(away.note, '距本院办公楼501米')
  assert.equal(away.canPunch, true)
})

test('the nearest place names the state', () => {
  const second = GROUP.locations[1]
  assert.equal(nearestPlace(GROUP.locations, north(second, 10)).place.title, '派出法庭')
  assert.equal(locationState({ state: 'located', position: north(second, 10) }, GROUP).text, '在考勤范围内：派出法庭')
  assert.equal(nearestPlace([], HOME), null)
})

test('outside rules: not allowed, approval, optional remark', () => {
  const far = { state: 'located', position: north(HOME, 3000) }
  const refused = locationState(far, { ...GROUP, outside: { allowed: false } })
  assert.equal(refused.canPunch, false)
  assert.equal(refused.note, '距本院办公楼3.0公里，本考勤组不允许外勤打卡')
  const approval = locationState(far, { ...GROUP, outside: { allowed: true, approval: 'after', remark_required: false } })
  assert.equal(approval.remark, 'optional')
  assert.match(approval.note, /外勤打卡需审批$/)
})

test('locating, denied, failed and no group cannot punch', () => {
  for (const [fix, kind, text] of [[{ state: 'locating' }, 'locating', '定位中…'], [{ state: 'denied' }, 'denied', '未授权定位'],
    [{ state: 'failed' }, 'failed', '定位失败']]) {
    const s = locationState(fix, GROUP)
    assert.equal(s.kind, kind)
    assert.equal(s.text, text)
    assert.equal(s.canPunch, false)
  }
  assert.equal(locationState({ state: 'located', position: HOME }, null).kind, 'no_group')
})

test('the punch body carries the position, the accuracy in metres and a trimmed remark', () => {
  assert.deepEqual(punchBody({ state: 'located', position: { latitude: 41.1, longitude: 123.2, accuracy: 12.6 } }, { remark: ' 开庭 ' }),
    { latitude: 41.1, longitude: 123.2, accuracy: 13, remark: '开庭' })
  assert.deepEqual(punchBody({ state: 'located', position: { latitude: 41.1, longitude: 123.2 } }, { remark: '  ' }),
    { latitude: 41.1, longitude: 123.2 })
})

test('the radius is compared unrounded, as the server compares it', () => {
  assert.equal(locationState({ state: 'located', position: north(HOME, 500.4) }, GROUP).kind, 'outside')
  assert.equal(locationState({ state: 'located', position: north(HOME, 499.9) }, GROUP).kind, 'inside')
})
