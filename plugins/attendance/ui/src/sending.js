// SPDX-License-Identifier: Apache-2.0
// How the pages' forms send: `busy` while waiting; a 400's field errors go to `errors` (shown by
// their fields), anything else to a toast; `refused(err)` may take an error first (return true:
// handled). One copy for the editors and the 补卡 form.
import { ref } from 'vue'
import { showError, showSuccess } from '@courthub/kit'

export function useSending () {
  const busy = ref(false)
  const errors = ref({})
  // `request` returns a promise of the answer; `done(answer)` runs after the success toast.
  async function send (request, { success, done, refused } = {}) {
    busy.value = true
    try {
      const answer = await request()
      if (success) showSuccess(typeof success === 'function' ? success(answer) : success)
      if (done) done(answer)
    } catch (err) {
      if (refused && refused(err)) return
      errors.value = err.fields ?? {}
      showError(err)
    } finally {
      busy.value = false
    }
  }
  return { busy, errors, send }
}
