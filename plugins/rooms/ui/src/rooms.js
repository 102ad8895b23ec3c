// SPDX-License-Identifier: Apache-2.0
// The rooms plugin's API (docs/rooms.md), and today on the host's clock.
import { pluginApi, dayKey, serverNow } from '@courthub/kit'

export { addDays, dayStart, hhmm, minuteOfDay, parseHours } from './day.js'

export const rooms = pluginApi('rooms')

// Today on the host's clock, "2026-12-05".
export function today() {
  return dayKey(serverNow())
}
