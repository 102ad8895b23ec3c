// SPDX-License-Identifier: Apache-2.0
// Opens a file the API serves only with a bearer token: the window is opened at the tap (a
// popup blocker allows it then), the file fetched as a Blob with `load()` and shown from a blob:
// URL; without a new window (a WebView) the page itself goes there.
import { showError } from '@courthub/kit'

const KEEP_URL_MS = 5 * 60 * 1000

export async function openFile(load) {
  const win = globalThis.open('', '_blank')
  try {
    const url = URL.createObjectURL(await load())
    setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS)
    if (win) win.location.href = url
    else globalThis.location.assign(url)
    return true
  } catch (err) {
    win?.close()
    showError(err)
    return false
  }
}
