// SPDX-License-Identifier: Apache-2.0
// What every rooms form keeps while it is sent: the field errors, the 409 the conflict dialog
// shows, and whether a request is on its way. send(problems, request) shows the page's own
// problems and stops there, or runs request() and puts a refusal where it belongs (failure.js).
import { ref } from 'vue'
import { explainFailure } from './failure.js'

export function useFormSubmission() {
  const errors = ref({})
  const conflict = ref(null)
  const sending = ref(false)

  async function send(problems, request) {
    errors.value = problems
    if (Object.keys(problems).length) return
    sending.value = true
    try {
      await request()
    } catch (err) {
      const shown = explainFailure(err)
      conflict.value = shown.conflict
      errors.value = shown.errors
    } finally {
      sending.value = false
    }
  }

  return { errors, conflict, sending, send }
}
