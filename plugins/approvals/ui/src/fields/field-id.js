// SPDX-License-Identifier: Apache-2.0
// A DOM id for a field's control, unique on the page ("f-items-1-amount"), so labels point at it.
export function fieldId(path) {
  return `f-${path.replace(/[^a-zA-Z0-9_-]+/g, '-')}`
}
