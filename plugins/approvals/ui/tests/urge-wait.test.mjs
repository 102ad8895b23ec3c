// SPDX-License-Identifier: Apache-2.0
// 催办's wait and how the disabled button says it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { urgeButtonText, urgeWaitMs } from '../src/urge-wait.js'

const now = Date.UTC(2026, 11, 7, 1, 0)  // 09:00 in Shanghai

test('0 means now; an instant is when urging opens again, on the host clock', () => {
  assert.equal(urgeWaitMs(0, now), 0)
  assert.equal(urgeWaitMs(undefined, now), 0)
  assert.equal(urgeWaitMs(now + 30 * 60000, now), 30 * 60000)
  assert.equal(urgeWaitMs(now + 30 * 60000, now + 10 * 60000), 20 * 60000)
  assert.equal(urgeWaitMs(now + 30 * 60000, now + 40 * 60000), 0)
  assert.equal(urgeWaitMs(now - 1, now), 0)
})

test('the button names the minutes left, rounded up', () => {
  assert.equal(urgeButtonText(0), '催办')
  assert.equal(urgeButtonText(29 * 60000 + 1), '催办（30分钟后）')
  assert.equal(urgeButtonText(1000), '催办（1分钟后）')
})
