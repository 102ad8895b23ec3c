// SPDX-License-Identifier: Apache-2.0
// The values of native date and time inputs read as the courts' time (Asia/Shanghai, UTC+8, no
// daylight saving), whatever the device's zone: '2026-12-08T09:00' → Unix ms, and back.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000

export function inputToMs(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(String(value ?? ''))
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0'] = m
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) - SHANGHAI_OFFSET_MS
}

export function msToInput(ms, withTime = true) {
  if (ms == null || !Number.isFinite(Number(ms))) return ''
  const t = new Date(Number(ms) + SHANGHAI_OFFSET_MS).toISOString()
  return withTime ? t.slice(0, 16) : t.slice(0, 10)
}
