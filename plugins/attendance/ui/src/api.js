// SPDX-License-Identifier: Apache-2.0
// The attendance API (docs/attendance.md): /me, /punches, /results, /punch-fixes,
// /departments/{id}/day, /admin/groups, /admin/shifts. The kit's client has no PUT (the admin
// routes use it), so `put` is a fetch with the session's token that rejects with the kit's
// ApiError like the others; a 401 reloads the page into the login.
import { ApiError, logout, pluginApi, useSession } from '@courthub/kit'

const client = pluginApi('attendance')

async function put (path, body) {
  const res = await fetch(`/apps/attendance${path}`, {
    method: 'PUT',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${useSession().token}` },
    body: JSON.stringify(body)
  }).catch(() => { throw new ApiError({ status: 0, code: 'network', message: '无法连接服务器，请检查网络后重试' }) })
  const text = await res.text()
  let parsed = null
  try { parsed = text ? JSON.parse(text) : null } catch { parsed = null }
  if (res.ok) return parsed
  const err = ApiError.fromResponse(res.status, parsed, res.headers.get('X-Request-Id'))
  if (res.status === 401) {
    err.relogin = true
    logout()
  }
  throw err
}

export const attendance = { ...client, put }
