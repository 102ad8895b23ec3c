// SPDX-License-Identifier: Apache-2.0
// DingTalk's 免登 auth code through the DingTalk JSAPI (npm dingtalk-jsapi). Loaded by a dynamic
// import only inside DingTalk, so other browsers never download it.
import 'dingtalk-jsapi/entry/union'
import requestAuthCode from 'dingtalk-jsapi/api/runtime/permission/requestAuthCode'

// Resolves with a one-time auth code for the user DingTalk has signed in, for `corpId`.
export async function dingtalkAuthCode(corpId) {
  const { code } = await requestAuthCode({ corpId })
  return code
}
