// SPDX-License-Identifier: Apache-2.0
// Telling the user how a call went: showError(err) opens a dialog headed by what the status means
// in zh-CN with the server's message below; showSuccess(text) a short toast.
import { showDialog, showSuccessToast } from 'vant'
import { describeError } from './headlines.js'

// An error that already sent the user back to the login (a 401 on a call with a token) is not
// shown again.
export function showError(err) {
  if (err?.relogin) return Promise.resolve()
  const { title, message } = describeError(err)
  return showDialog({ title, message, confirmButtonText: '知道了', messageAlign: 'left' })
}

export function showSuccess(text) {
  return showSuccessToast(text)
}
