// SPDX-License-Identifier: Apache-2.0
// Who the console acts as: the operator's admin token, pasted on the sign-in panel and kept in
// sessionStorage (gone with the tab), else the staff session (a court_admin's). The /admin calls
// send whichever there is.
import { createClient, useSession } from '@courthub/kit'

const TOKEN_KEY = 'courthub.admin_token'
const STAFF_LOGIN_KEY = 'courthub.console.staff_login'

function store() {
  return globalThis.sessionStorage
}

export function adminToken() {
  return store().getItem(TOKEN_KEY) || ''
}

export function useAdminToken(token) {
  store().setItem(TOKEN_KEY, token)
}

export function forgetAdminToken() {
  store().removeItem(TOKEN_KEY)
}

// 员工登录: the next load of the console logs in (picker or DingTalk) before it starts.
export function askStaffLogin() {
  store().setItem(STAFF_LOGIN_KEY, '1')
  globalThis.location.reload()
}

export function wantsStaffLogin() {
  const wanted = store().getItem(STAFF_LOGIN_KEY) === '1'
  store().removeItem(STAFF_LOGIN_KEY)
  return wanted
}

// The client for /admin and /me. A refused admin token is forgotten and `onRefused(err)` is told;
// a refused session ends the usual way (the page logs in again).
export function adminClient(onRefused) {
  const session = useSession()
  return createClient('', {
    token: () => adminToken() || session.token,
    unauthorized: (err) => {
      if (adminToken()) {
        forgetAdminToken()
        onRefused(err)
      } else {
        session.logout()
      }
    },
  })
}
