// SPDX-License-Identifier: Apache-2.0
// The signed-in lawyer: {token, expires_at (Unix s), lawyer: LawyerView}, kept in sessionStorage
// (gone when the tab closes; never in localStorage, where the staff's session lives). `portal`
// calls /apps/lawyers/... with `Authorization: Bearer <token>`; a 401 ends the session and shows
// the sign-in again. `publicApi` calls the anonymous /public/... routes.
import { reactive } from 'vue'
import { ApiError, createClient, serverNow } from '@courthub/kit'

const KEY = 'courthub.lawyer'
const MARGIN_S = 60

function restore() {
  try {
    const s = JSON.parse(globalThis.sessionStorage.getItem(KEY))
    if (s?.token && s.expires_at * 1000 > serverNow() + MARGIN_S * 1000) return s
  } catch { /* nothing stored, or not ours */ }
  globalThis.sessionStorage.removeItem(KEY)
  return null
}

export const lawyerSession = reactive({ token: null, expires_at: 0, lawyer: null, ended: '' })

export function loadSession() {
  Object.assign(lawyerSession, { token: null, expires_at: 0, lawyer: null }, restore() ?? {})
}

export function startSession({ token, expires_at, lawyer }) {
  globalThis.sessionStorage.setItem(KEY, JSON.stringify({ token, expires_at, lawyer }))
  Object.assign(lawyerSession, { token, expires_at, lawyer, ended: '' })
}

export function endSession(why = '') {
  globalThis.sessionStorage.removeItem(KEY)
  Object.assign(lawyerSession, { token: null, expires_at: 0, lawyer: null, ended: why })
}

export function rememberLawyer(lawyer) {
  lawyerSession.lawyer = lawyer
  if (lawyerSession.token) startSession(lawyerSession)
}

export const portal = createClient('/apps/lawyers', {
  token: () => lawyerSession.token,
  unauthorized: () => endSession('登录已失效，请重新登录'),
})

export const publicApi = createClient('/apps/lawyers', { token: () => null })

// POST /public/login. Resolves with the grant; rejects with ApiError, which for a lockout (429)
// also carries `retryAfterS` (the body's retry_after_s, else the Retry-After header).
export async function signIn(licence_no, password) {
  let res
  try {
    res = await fetch('/apps/lawyers/public/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ licence_no, password }),
    })
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' })
  }
  const body = await res.json().catch(() => null)
  if (res.ok) return body
  const err = ApiError.fromResponse(res.status, body, res.headers.get('X-Request-Id'))
  const after = Number(body?.retry_after_s ?? body?.error?.details?.retry_after_s ??
    res.headers.get('Retry-After'))
  if (res.status === 429 && after > 0) err.retryAfterS = after
  throw err
}
