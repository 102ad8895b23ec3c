// SPDX-License-Identifier: Apache-2.0
// What a failed call is called in zh-CN, and the text showError() puts under it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { headlineFor, describeError } from '../kit/headlines.js'
import { ApiError } from '../kit/api-error.js'
import { buildUrl } from '../kit/api.js'

test('headlines by status', () => {
  const expected = { 0: '网络不可用', 400: '输入有误', 401: '请重新登录', 403: '没有权限', 404: '未找到',
    409: '冲突', 413: '内容过大', 415: '文件类型不支持', 429: '请求过于频繁', 500: '服务暂不可用', 503: '服务暂不可用', 418: '请求失败' }
  for (const [status, text] of Object.entries(expected)) assert.equal(headlineFor(Number(status)), text, status)
})

test('an API error shows the server\'s message, its field errors and, for 5xx, the request id', () => {
  const conflict = new ApiError({ status: 409, code: 'conflict', message: '该时段已被预约：第一法庭 14:00–15:00' })
  assert.deepEqual(describeError(conflict), { title: '冲突', message: '该时段已被预约：第一法庭 14:00–15:00' })
  const invalid = new ApiError({ status: 400, code: 'invalid_argument', message: '表单有误',
    details: [{ field: '/form/days', message: '必须大于 0' }] })
  assert.deepEqual(describeError(invalid), { title: '输入有误', message: '表单有误\nform.days：必须大于 0' })
  const down = new ApiError({ status: 503, code: 'unavailable', message: 'try again', requestId: 'r-9' })
  assert.deepEqual(describeError(down), { title: '服务暂不可用', message: 'try again\n请求编号 r-9' })
})

test('anything else thrown is 出错了 with its message', () => {
  assert.deepEqual(describeError(new TypeError('x is undefined')), { title: '出错了', message: 'x is undefined' })
  assert.deepEqual(describeError('boom'), { title: '出错了', message: 'boom' })
})

test('query strings skip empty values and repeat arrays', () => {
  assert.equal(buildUrl('/apps/rooms', '/free-busy', { date: '2026-12-05', room: undefined, tag: ['a', 'b'] }),
    '/apps/rooms/free-busy?date=2026-12-05&tag=a&tag=b')
  assert.equal(buildUrl('', 'me', null), '/me')
  assert.equal(buildUrl('/apps/x', '/q?a=1', { b: 2 }), '/apps/x/q?a=1&b=2')
})
