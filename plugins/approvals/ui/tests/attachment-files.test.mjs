// SPDX-License-Identifier: Apache-2.0
// An attachment field's accepted kinds, types from extensions, sizes as read.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ACCEPT, mediaTypeOf, fileSize, kindText } from '../src/attachment-files.js'

test('the accept list names the allowed extensions and types', () => {
  for (const part of ['.pdf', '.heic', '.docx', 'application/pdf', 'image/webp'])
    assert.ok(ACCEPT.split(',').includes(part), part)
  assert.ok(!ACCEPT.includes('html'))
})

test('a file\'s type is the browser\'s when allowed, else taken from its extension', () => {
  assert.equal(mediaTypeOf({ name: '函.pdf', type: 'application/pdf' }), 'application/pdf')
  assert.equal(mediaTypeOf({ name: 'IMG_1.HEIC', type: '' }), 'image/heic')
  assert.equal(mediaTypeOf({ name: '报告.docx', type: 'application/octet-stream' }),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  assert.equal(mediaTypeOf({ name: 'a.html', type: 'text/html' }), null)
  assert.equal(mediaTypeOf({ name: 'a.exe', type: '' }), null)
})

test('sizes and kinds read as people read them', () => {
  assert.equal(fileSize(812), '812 B')
  assert.equal(fileSize(3482), '3.4 KB')
  assert.equal(fileSize(1.25 * 1024 * 1024), '1.3 MB')
  assert.equal(kindText('application/pdf'), 'PDF')
  assert.equal(kindText('image/png'), '图片')
  assert.equal(kindText('application/vnd.ms-excel'), 'Excel')
})
