// SPDX-License-Identifier: Apache-2.0
// The server's date texts ("2026-12-05 09:00") and a native input's ("2026-12-05T09:00").
export const toInput = (v) => (typeof v === 'string' ? v.replace(' ', 'T').slice(0, 16) : '')
export const fromInput = (v) => (v ? v.replace('T', ' ') : null)
