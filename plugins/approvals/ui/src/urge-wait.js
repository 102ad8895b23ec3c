// SPDX-License-Identifier: Apache-2.0
// How long until the originator may 催办 again, from allowed_actions' next_urge_ms, and how the
// disabled button says it.

// Milliseconds still to wait (0: now). `next` is allowed_actions' next_urge_ms: 0 when an urge
// is accepted now, else the host-clock instant (Unix ms) from which it is; `nowMs` the host's
// clock as the page knows it (serverNow()).
export function urgeWaitMs(next, nowMs) {
  const n = Number(next) || 0
  return n <= 0 ? 0 : Math.max(0, n - nowMs)
}

// "催办" when allowed, else "催办（12分钟后）" (minutes rounded up, at least 1).
export function urgeButtonText(waitMs) {
  if (waitMs <= 0) return '催办'
  return `催办（${Math.max(1, Math.ceil(waitMs / 60000))}分钟后）`
}
