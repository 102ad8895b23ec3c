// SPDX-License-Identifier: Apache-2.0
// Who the console calls /admin/* as: the operator's pasted admin token (kept in sessionStorage,
// so it leaves with the tab) or else the court admin's own session (the kit's `api`).
import { api, ApiError } from '@courthub/kit'

const TOKEN_KEY = 'courthub.admin_token'

export function storedAdminToken() {
  return globalThis.sessionStorage?.getItem(TOKEN_KEY) || ''
}

export function rememberAdminToken(token) {
  globalThis.sessionStorage?.setItem(TOKEN_KEY, token)
}

export function forgetAdminToken() {
  globalThis.sessionStorage?.removeItem(TOKEN_KEY)
}

export function isCourtAdmin(user) {
  return Array.isArray(user?.roles) && user.roles.includes('court_admin')
}

function withQuery(path, query) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

// With the admin token, a 401 means the token is wrong (or was changed): `onRejected` is told and
// the error reported; unlike the kit's client it does not end (and re-open) a staff session.
async function call(token, onRejected, method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` }
  const init = { method, headers }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  let res
  try {
    res = await fetch(path, init)
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' })
  }
  const text = await res.text()
  let parsed = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }
  if (res.status === 401) onRejected()
  if (!res.ok) throw ApiError.fromResponse(res.status, parsed, res.headers.get('X-Request-Id'))
  return parsed
}

// { get(path, query), post(path, body) } for /admin/*: with the operator's `token`, else the
// session's. `onRejected` runs when the host refuses the token.
export function adminClient(token, onRejected = () => {}) {
  if (!token) return api
  return {
    get: (path, query) => call(token, onRejected, 'GET', withQuery(path, query)),
    post: (path, body) => call(token, onRejected, 'POST', path, body ?? {}),
  }
}
