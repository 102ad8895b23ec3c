// SPDX-License-Identifier: Apache-2.0
// The page's session as reactive state: useSession() → { user, token, logout() }. Filled by the
// login (login/ensure-session.js), cleared by logout() and by any 401 (api.js).
import { reactive } from 'vue'
import { readSession, writeSession, forgetSession } from './session-store.js'
import { serverNow } from './clock.js'

const state = reactive({
  user: null,
  token: null,
  expires_at: null,
  logout,
})

function storage() {
  return globalThis.localStorage
}

// The stored session, if still valid on the host's clock; it becomes the page's.
export function restoreSession() {
  const s = readSession(storage(), serverNow())
  if (s) Object.assign(state, s)
  return s
}

export function startSession(login) {
  Object.assign(state, writeSession(storage(), login))
  return state
}

export function endSession() {
  forgetSession(storage())
  Object.assign(state, { user: null, token: null, expires_at: null })
}

// Logs out and shows the login again (the dev-login picker, or DingTalk's silent login).
export function logout() {
  endSession()
  globalThis.location?.reload()
}

export function useSession() {
  return state
}
