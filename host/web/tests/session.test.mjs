// SPDX-License-Identifier: Apache-2.0
// The stored session: reused while valid on the host's clock, dropped when expired or unreadable.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  SESSION_KEY, EXPIRY_MARGIN_MS, readSession, writeSession, forgetSession, expiresAtMs,
} from '../kit/session-store.js'

function memoryStorage() {
  const m = new Map()
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k),
    raw: m,
  }
}

const user = { user_id: 'zhang', name: '张法官' }
const now = Date.UTC(2026, 11, 5, 6, 30)
const expiresAt = now / 1000 + 3600  // the host's epoch seconds

test('a written session is read back while it is valid', () => {
  const storage = memoryStorage()
  writeSession(storage, { token: 'tok', token_type: 'Bearer', expires_at: expiresAt, user })
  assert.deepEqual(JSON.parse(storage.getItem(SESSION_KEY)), { token: 'tok', expires_at: expiresAt, user })
  assert.deepEqual(readSession(storage, now), { token: 'tok', expires_at: expiresAt, user })
})

test('an expired session is dropped, a minute before its end', () => {
  const storage = memoryStorage()
  writeSession(storage, { token: 'tok', expires_at: expiresAt, user })
  const end = expiresAt * 1000
  assert.ok(readSession(storage, end - EXPIRY_MARGIN_MS - 1))
  assert.equal(readSession(storage, end - EXPIRY_MARGIN_MS), null)
  assert.equal(storage.getItem(SESSION_KEY), null)
})

test('expiry in milliseconds is read as well as seconds', () => {
  assert.equal(expiresAtMs(1_800_000_000), 1_800_000_000_000)
  assert.equal(expiresAtMs(1_800_000_000_000), 1_800_000_000_000)
  assert.equal(expiresAtMs('nope'), 0)
})

test('an unreadable or incomplete entry is dropped', () => {
  for (const raw of ['{not json', '"a string"', '{}', JSON.stringify({ token: 'tok', expires_at: expiresAt }),
    JSON.stringify({ token: '', expires_at: expiresAt, user })]) {
    const storage = memoryStorage()
    storage.setItem(SESSION_KEY, raw)
    assert.equal(readSession(storage, now), null, raw)
    assert.equal(storage.getItem(SESSION_KEY), null, raw)
  }
})

test('forgetting removes it; storage that throws is survived', () => {
  const storage = memoryStorage()
  writeSession(storage, { token: 'tok', expires_at: expiresAt, user })
  forgetSession(storage)
  assert.equal(readSession(storage, now), null)
  const broken = { getItem() { throw new Error('denied') }, setItem() { throw new Error('denied') },
    removeItem() { throw new Error('denied') } }
  assert.equal(readSession(broken, now), null)
  assert.deepEqual(writeSession(broken, { token: 't', expires_at: expiresAt, user }).token, 't')
  forgetSession(broken)
})
