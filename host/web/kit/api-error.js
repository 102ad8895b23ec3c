// SPDX-License-Identifier: Apache-2.0
// The error every kit API call rejects with. From the host's JSON error
// {"error":{"code","message","details"?},"request_id"}: status, code, message, details,
// requestId, and `fields` (field key → message; fields.js).
import { fieldErrors } from './fields.js'

export class ApiError extends Error {
  constructor({ status, code, message, details = null, requestId = null }) {
    super(message || code || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = code || ''
    this.details = details
    this.fields = fieldErrors(details)
    this.requestId = requestId
  }

  // From a response's status, parsed body (or null) and X-Request-Id header.
  static fromResponse(status, body, headerRequestId = null) {
    const err = body && typeof body === 'object' && body.error && typeof body.error === 'object'
      ? body.error : {}
    return new ApiError({
      status,
      code: err.code || (typeof body?.error === 'string' ? body.error : ''),
      message: err.message || body?.message || '',
      details: err.details ?? null,
      requestId: body?.request_id || headerRequestId,
    })
  }
}
