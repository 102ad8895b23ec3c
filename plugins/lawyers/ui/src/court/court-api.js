// SPDX-License-Identifier: Apache-2.0
// The staff routes of the lawyers plugin (docs/lawyers.md), with the staff session.
import { pluginApi } from '@courthub/kit'

export const court = pluginApi('lawyers')
