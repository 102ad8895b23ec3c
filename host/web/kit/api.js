// SPDX-License-Identifier: Apache-2.0
// JSON calls to the host with the session's bearer token. `api` takes host paths ("/me"),
// pluginApi(name) paths below /apps/<name>. Each method resolves with the parsed body (null for
// an empty one) or rejects with ApiError; a 401 on a call that carried a token ends the session
// and shows the login again.
import { ApiError } from './api-error.js'
import { useSession, endSession } from './session.js'

let onUnauthorized = () => globalThis.location?.reload()

// Replaces what a 401 does after the session is cleared (createCourtApp: log in again).
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler
}

export function buildUrl(base, path, query) {
  let url = base + (path.startsWith('/') || path === '' ? path : `/${path}`)
  if (query) {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null) continue
      for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item))
    }
    const qs = params.toString()
    if (qs) url += (url.includes('?') ? '&' : '?') + qs
  }
  return url
}

// The request of a call: JSON `body` (undefined: none), or `send.file` sent raw with its type and
// its name in X-File-Name (percent-encoded UTF-8, as encodeURIComponent writes it).
function requestInit(method, body, send, bearer) {
  const headers = { Accept: send.blob ? '*/*' : 'application/json' }
  if (bearer) headers.Authorization = `Bearer ${bearer}`
  const init = { method, headers }
  if (send.file) {
    headers['Content-Type'] = send.file.type || 'application/octet-stream'
    headers['X-File-Name'] = encodeURIComponent(send.file.name || 'file')
    init.body = send.file
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  return init
}

// One call. `token`: a function returning the bearer token to send (or null for none);
// `unauthorized`: what a 401 on a call that sent a token does (null: end the session, log in);
// `send`: {file} to upload one, {blob: true} to resolve with the body as a Blob.
async function call(method, url, body, token, unauthorized, send = {}) {
  const bearer = token()
  const init = requestInit(method, body, send, bearer)
  let res
  try {
    res = await fetch(url, init)
  } catch (e) {
    throw new ApiError({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' })
  }
  if (res.ok && send.blob) return res.blob()
  const text = await res.text()
  let parsed = null
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
  }
  if (!res.ok) {
    const err = ApiError.fromResponse(res.status, parsed, res.headers.get('X-Request-Id'))
    if (res.status === 401 && bearer) {
      // The login that follows is the answer; showError() says nothing more.
      err.relogin = true
      if (unauthorized) {
        unauthorized(err)
      } else {
        endSession()
        onUnauthorized(err)
      }
    }
    throw err
  }
  return parsed
}

// A client for the paths below `base`. `token` returns the bearer token (the session's by
// default); `unauthorized(err)` replaces what a 401 does (by default: the session ends and the
// login shows). The console uses both for the operator's pasted admin token.
export function createClient(base = '', options = {}) {
  const { token = () => useSession().token, unauthorized = null } = options
  const send = (method, url, body, how) => call(method, url, body, token, unauthorized, how)
  return {
    get: (path, query) => send('GET', buildUrl(base, path, query), undefined),
    // Without a body, none is sent (not "{}"): an endpoint that takes none gets none.
    post: (path, body) => send('POST', buildUrl(base, path), body),
    patch: (path, body) => send('PATCH', buildUrl(base, path), body),
    del: (path, query) => send('DELETE', buildUrl(base, path, query), undefined),
    // POSTs a File or Blob as the raw body: its type as Content-Type, its name (a Blob's: "file")
    // in X-File-Name. Resolves with the parsed answer, rejects with ApiError like the others.
    upload: (path, file) => send('POST', buildUrl(base, path), undefined, { file }),
    // GETs a file with the session's token and resolves with it as a Blob (for a blob: URL, as
    // an <a href> cannot send the bearer header); errors as the others.
    blob: (path, query) => send('GET', buildUrl(base, path, query), undefined, { blob: true }),
  }
}

export const api = createClient('')

export function pluginApi(name) {
  return createClient(`/apps/${encodeURIComponent(name)}`)
}
