// SPDX-License-Identifier: Apache-2.0
// The host's clock as seen from the page. GET /auth/config answers `now_ms`; the difference to the
// browser's clock is kept, so "today" on a page is the host's today even when the host runs a
// test clock. Pages use serverNow(), never Date.now().

let offsetMs = 0

// Learns the offset from a host time `hostNowMs` read at browser time `localNowMs`.
export function learnServerTime(hostNowMs, localNowMs = Date.now()) {
  if (Number.isFinite(hostNowMs)) offsetMs = hostNowMs - localNowMs
}

export function serverNow() {
  return Date.now() + offsetMs
}
