// SPDX-License-Identifier: Apache-2.0
// What a form shows when the server refuses it: a 409 in the conflict dialog (with the server's
// explanation), field errors beside their fields (in Chinese), anything else in the kit's error
// dialog. Returns { conflict: ApiError | null, errors: { field: message } }.
import { ApiError, showError } from '@courthub/kit'
import { zhFields } from './fieldText.js'

export function explainFailure(err) {
  if (err instanceof ApiError && err.status === 409) return { conflict: err, errors: {} }
  if (err instanceof ApiError && err.status === 400 && Object.keys(err.fields || {}).length) {
    const errors = zhFields(err.fields)
    // Time problems come back on /start: show them beside the date and time fields too.
    if (errors.start) {
      errors.date ??= errors.start
      errors.from ??= errors.start
    }
    return { conflict: null, errors }
  }
  showError(err)
  return { conflict: null, errors: {} }
}
