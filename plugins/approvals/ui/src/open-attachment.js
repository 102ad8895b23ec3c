// SPDX-License-Identifier: Apache-2.0
// Opens an attachment: an <a href> cannot send the session's bearer header, so the file is
// fetched with it (the kit's blob()) and shown from a blob: URL in a new window. The window is
// opened before the fetch, while the tap still counts as a user gesture (popup blockers).
import { showError } from '@courthub/kit'
import { approvals } from './api.js'

const KEEP_URL_MS = 5 * 60 * 1000  // the viewer may read the blob again (a PDF's pages)

export async function openAttachment(file) {
  const win = globalThis.open('', '_blank')
  try {
    const blob = await approvals.blob(`/attachments/${file.id}`)
    const url = URL.createObjectURL(blob)
    setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS)
    if (win) {
      win.location.href = url
    } else {
      // No new window (a WebView): the same page shows it; back returns to the approval.
      globalThis.location.assign(url)
    }
  } catch (err) {
    win?.close()
    showError(err)
  }
}
