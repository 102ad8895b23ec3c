// SPDX-License-Identifier: Apache-2.0
// GET /boards/courts, /boards/courts/{code} and /boards/judges (docs/incentive_board.md
// "Boards"), who may see which judge board, and the 06:00 daily job that keeps yesterday's board.
//
// Threading: the handlers and the job run on any host thread concurrently; they take `state`'s
// shared lock only while computing or copying settings, never the exclusive one.
// Errors: bad parameters -> 400 naming them, unknown court -> 404, a judge board the caller may
// not see -> 403 (courthub::Error, turned into the host's JSON error by the SDK).
#pragma once

#include <courthub/plugin.hpp>

#include "board_state.hpp"

namespace board {

// Registers the three routes and the job "board-history" (06:00 every day, Asia/Shanghai: keeps
// yesterday's board). `host` and `state` must outlive the registration (the plugin owns both).
void register_board_routes(courthub::Registrar& r, courthub::Host& host, BoardState& state);

}  // namespace board
