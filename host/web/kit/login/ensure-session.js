// SPDX-License-Identifier: Apache-2.0
// Makes sure the page has a session before the app starts (docs/pages.md, "Login"):
//   1. GET /auth/config: the corp id, whether dev login is on, and the host's clock;
//   2. a stored session still valid on the host's clock is reused;
//   3. inside DingTalk: requestAuthCode({corpId}) → POST /auth/dingtalk {code};
//   4. outside, with dev login on: the 选择演示用户 picker → POST /auth/dev {user_id};
//   5. otherwise a page saying 请在钉钉中打开 (the promise never settles).
import { createClient } from '../api.js'
import { learnServerTime } from '../clock.js'
import { restoreSession, startSession } from '../session.js'
import { mountScreen } from './screen.js'
import LoginNotice from './LoginNotice.vue'
import DevLoginPicker from './DevLoginPicker.vue'

const host = createClient('', { token: () => null })
const never = () => new Promise(() => {})

export function insideDingTalk(userAgent = globalThis.navigator?.userAgent || '') {
  return /DingTalk/i.test(userAgent)
}

async function loadConfig() {
  const sentAt = Date.now()
  const config = await host.get('/auth/config')
  learnServerTime(config?.now_ms, (sentAt + Date.now()) / 2)
  return config || {}
}

async function dingtalkLogin(corpId) {
  const { dingtalkAuthCode } = await import('./dingtalk-auth.js')
  const code = await dingtalkAuthCode(corpId)
  return host.post('/auth/dingtalk', { code })
}

function devLogin() {
  return new Promise((resolve) => {
    const remove = mountScreen(DevLoginPicker, {
      onLogin: (login) => {
        remove()
        resolve(login)
      },
    })
  })
}

function fail(title, err) {
  // DingTalk rejects with {errorCode, errorMessage}, the kit with an Error or an ApiError.
  mountScreen(LoginNotice, { title, text: err?.message || err?.errorMessage || '', retry: true })
  return never()
}

// Resolves with the session once someone is logged in. With `login: false` only the clock is
// learned and a stored session restored (pages that also work without one, e.g. the console).
export async function ensureSession({ login = true } = {}) {
  let config
  try {
    config = await loadConfig()
  } catch (err) {
    return fail('无法连接服务器', err)
  }
  const stored = restoreSession()
  if (stored || !login) return stored
  if (insideDingTalk()) {
    try {
      return startSession(await dingtalkLogin(config.corp_id))
    } catch (err) {
      return fail('钉钉登录失败', err)
    }
  }
  if (config.dev_login) return startSession(await devLogin())
  mountScreen(LoginNotice, { title: '请在钉钉中打开', text: '请从钉钉工作台打开本应用' })
  return never()
}
