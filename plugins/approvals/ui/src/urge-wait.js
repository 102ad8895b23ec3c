// SPDX-License-Identifier: Apache-2.0
// How long until the originator may 催办 again, from allowed_actions' next_urge_ms, and how the
// disabled button says it.

// Milliseconds still to wait (0: now). `next` is what the server says: 0, a wait in ms, or (read
// the same way, should a server send one) the epoch ms when urging opens again; `nowMs` the
// host's clock; `sinceMs` when the page read `next`.
export function urgeWaitMs(next, nowMs, sinceMs = nowMs) {
  const n = Number(next) || 0
  if (n <= 0) return 0
  if (n > 1e12) return Math.max(0, n - nowMs)
  return Math.max(0, n - (nowMs - sinceMs))
}

// "催办" when allowed, else "催办（12分钟后）" (minutes rounded up, at least 1).
export function urgeButtonText(waitMs) {
  if (waitMs <= 0) return '催办'
  return `催办（${Math.max(1, Math.ceil(waitMs / 60000))}分钟后）`
}
