// SPDX-License-Identifier: Apache-2.0
// Field errors from a host error's `details`, keyed the way a page names its inputs. Both shapes
// the plugins send are read: {"fields":[{"field":"/start","message":…}]} (rooms) and
// [{"field":"template","message":…}] (approvals). A key drops its leading "/" and turns "/" into
// "." ("/form/days" → "form.days"), decoding JSON Pointer's ~1 and ~0. The first message for a
// field wins.

export function fieldKey(field) {
  return String(field)
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
}

export function fieldErrors(details) {
  const list = Array.isArray(details) ? details
    : Array.isArray(details?.fields) ? details.fields : []
  const out = {}
  for (const item of list) {
    if (!item || typeof item !== 'object' || item.field == null) continue
    const key = fieldKey(item.field)
    if (!(key in out)) out[key] = String(item.message ?? item.reason ?? '')
  }
  return out
}
