// SPDX-License-Identifier: Apache-2.0
// The board's API (docs/incentive_board.md): GET /boards/courts, /boards/courts/{code},
// /boards/judges?court=, GET /imports.
import { pluginApi } from '@courthub/kit'

export const board = pluginApi('incentive_board')
