// SPDX-License-Identifier: Apache-2.0
// DingTalk's 免登 auth code through the DingTalk JSAPI (npm dingtalk-jsapi). Loaded by a dynamic
// import only inside DingTalk, so other browsers never download it.
import 'dingtalk-jsapi/entry/union'
import requestAuthCode from 'dingtalk-jsapi/api/runtime/permission/requestAuthCode'

// How long DingTalk may take to answer; a page opened in a browser that only claims to be
// DingTalk gets no answer at all.
export const AUTH_CODE_TIMEOUT_MS = 15_000

// Resolves with a one-time auth code for the user DingTalk has signed in, for `corpId`; rejects
// when DingTalk refuses or does not answer in time.
export async function dingtalkAuthCode(corpId) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('钉钉没有返回登录授权，请关闭页面后重新打开')),
      AUTH_CODE_TIMEOUT_MS)
  })
  try {
    const { code } = await Promise.race([requestAuthCode({ corpId }), timeout])
    if (!code) throw new Error('钉钉没有返回登录授权码')
    return code
  } finally {
    clearTimeout(timer)
  }
}
