// SPDX-License-Identifier: Apache-2.0
// The attendance API (docs/attendance.md): /me, /punches, /results, /punch-fixes,
// /departments/{id}/day, /admin/groups, /admin/shifts.
import { pluginApi } from '@courthub/kit'

export const attendance = pluginApi('attendance')
