// SPDX-License-Identifier: Apache-2.0
// Files through the client: upload() sends the file raw with its type and name; blob() fetches
// one with the token. Both reject with ApiError like the JSON calls.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createClient } from '../kit/api.js'
import { ApiError } from '../kit/api-error.js'

function answer(status, body, type = 'application/json') {
  return new Response(body, { status, headers: { 'Content-Type': type } })
}

function recording(reply) {
  const calls = []
  globalThis.fetch = async (url, init) => {
    calls.push({ url, init })
    return reply()
  }
  return calls
}

const client = createClient('/apps/approvals', { token: () => 'tok-1' })

test('upload sends the file as the body with its type, its UTF-8 name and the token', async () => {
  const calls = recording(() => answer(201, '{"id":7,"name":"关于某某的函.pdf","type":"application/pdf","size":9}'))
  const file = new File(['%PDF-1.4\n'], '关于某某的函.pdf', { type: 'application/pdf' })
  const got = await client.upload('/attachments', file)
  assert.deepEqual(got, { id: 7, name: '关于某某的函.pdf', type: 'application/pdf', size: 9 })
  assert.equal(calls.length, 1)
  const { url, init } = calls[0]
  assert.equal(url, '/apps/approvals/attachments')
  assert.equal(init.method, 'POST')
  assert.equal(init.body, file)
  assert.equal(init.headers['Content-Type'], 'application/pdf')
  assert.equal(init.headers['X-File-Name'], '%E5%85%B3%E4%BA%8E%E6%9F%90%E6%9F%90%E7%9A%84%E5%87%BD.pdf')
  assert.equal(decodeURIComponent(init.headers['X-File-Name']), '关于某某的函.pdf')
  assert.equal(init.headers.Authorization, 'Bearer tok-1')
})

test('a Blob without a name or type goes as "file", application/octet-stream', async () => {
  const calls = recording(() => answer(201, '{"id":8}'))
  await client.upload('/attachments', new Blob(['x']))
  assert.equal(calls[0].init.headers['Content-Type'], 'application/octet-stream')
  assert.equal(calls[0].init.headers['X-File-Name'], 'file')
})

test('a refused upload rejects with the server\'s ApiError', async () => {
  recording(() => answer(415, JSON.stringify({ error: { code: 'unsupported_media_type',
    message: 'files of type text/html cannot be attached', plugin: 'approvals' } })))
  await assert.rejects(client.upload('/attachments', new File(['<p>'], 'a.html', { type: 'text/html' })),
    (err) => err instanceof ApiError && err.status === 415 && /text\/html/.test(err.message))
})

test('blob fetches a file with the token and resolves with its bytes and type', async () => {
  const calls = recording(() => answer(200, '%PDF-1.4\n', 'application/pdf'))
  const blob = await client.blob('/attachments/7')
  assert.equal(calls[0].url, '/apps/approvals/attachments/7')
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok-1')
  assert.equal(blob.type, 'application/pdf')
  assert.equal(await blob.text(), '%PDF-1.4\n')
  recording(() => answer(403, '{"error":{"code":"permission_denied","message":"file 7 is not yours"}}'))
  await assert.rejects(client.blob('/attachments/7'), (err) => err instanceof ApiError && err.status === 403)
})
