// SPDX-License-Identifier: Apache-2.0
// The API's field errors in Chinese beside the page's fields.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { zhField, zhFields } from '../src/fieldText.js'

test('the English the API writes for developers reads as Chinese', () => {
  assert.equal(zhField('is required'), '必填')
  assert.equal(zhField('must be between 1 and 100'), '须在 1 到 100 之间')
  assert.equal(zhField("'LN-X-1' is not a person in the directory"), '通讯录中没有此人（LN-X-1）')
  assert.equal(zhField('is not a phone number (13812345678 or 024-12345678)'), '不是有效的电话号码（如 13812345678 或 024-12345678）')
})

test('rule messages already in Chinese pass unchanged; unknown English is marked', () => {
  assert.equal(zhField('2号会议室 最多容纳 10 人，预订为 50 人'), '2号会议室 最多容纳 10 人，预订为 50 人')
  assert.equal(zhField('something new'), '格式不正确（something new）')
})

test('a list item\u2019s error also shows beside the list', () => {
  assert.deepEqual(zhFields({ 'attendees.1': 'is listed twice', title: 'is required' }), {
    'attendees.1': '重复选择了同一人', attendees: '重复选择了同一人', title: '必填',
  })
})
