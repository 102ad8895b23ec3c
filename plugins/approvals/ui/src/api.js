// SPDX-License-Identifier: Apache-2.0
// The approvals plugin's API (docs/approvals.md, "Mini-app API").
import { pluginApi } from '@courthub/kit'

export const approvals = pluginApi('approvals')
