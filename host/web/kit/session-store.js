// SPDX-License-Identifier: Apache-2.0
// The login kept across page loads: localStorage "courthub.session" = {token, expires_at, user}.
// `expires_at` is the host's epoch seconds (milliseconds are accepted too). A session is over a
// minute before it expires, so a page does not start work with a token about to lapse.

export const SESSION_KEY = 'courthub.session'
export const EXPIRY_MARGIN_MS = 60_000

export function expiresAtMs(expiresAt) {
  const n = Number(expiresAt)
  if (!Number.isFinite(n)) return 0
  return n < 1e12 ? n * 1000 : n
}

// The stored session if it is readable and still valid at `nowMs`; otherwise null (and an
// unusable entry is removed).
export function readSession(storage, nowMs) {
  let raw = null
  try {
    raw = storage.getItem(SESSION_KEY)
  } catch {
    return null
  }
  if (!raw) return null
  let s = null
  try {
    s = JSON.parse(raw)
  } catch {
    s = null
  }
  const usable = s && typeof s.token === 'string' && s.token && s.user &&
    expiresAtMs(s.expires_at) - EXPIRY_MARGIN_MS > nowMs
  if (!usable) {
    forgetSession(storage)
    return null
  }
  return { token: s.token, expires_at: s.expires_at, user: s.user }
}

// Keeps the answer of /auth/dingtalk or /auth/dev ({token, expires_at, user, …}).
export function writeSession(storage, login) {
  const s = { token: login.token, expires_at: login.expires_at, user: login.user }
  try {
    storage.setItem(SESSION_KEY, JSON.stringify(s))
  } catch {
    // Private mode without storage: the session lasts as long as the page.
  }
  return s
}

export function forgetSession(storage) {
  try {
    storage.removeItem(SESSION_KEY)
  } catch {
    // nothing kept, nothing to forget
  }
}
