// SPDX-License-Identifier: Apache-2.0
// A hearing's path on its card: 测试通过 only where a test slot is.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { hearingPath } from '../src/hearing-path.js'

test('with a test slot the path passes 测试通过', () => {
  assert.deepEqual(hearingPath({ mode: 'online', status: '已通知', test_slot: { id: 4 } }),
    ['已预约', '已通知', '测试通过', '进行中', '已结束'])
})

test('in person, or with no free test slot, 进行中 follows 已通知', () => {
  assert.deepEqual(hearingPath({ mode: 'in_person', status: '进行中', test_slot: null }),
    ['已预约', '已通知', '进行中', '已结束'])
  assert.deepEqual(hearingPath({ mode: 'online', status: '已通知', test_slot: null }),
    ['已预约', '已通知', '进行中', '已结束'])
})
