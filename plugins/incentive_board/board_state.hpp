// SPDX-License-Identifier: Apache-2.0
// board_state.hpp — what every handler shares: the cases in memory, the org, the settings.
//
// Ownership: the plugin class owns the one BoardState for its lifetime; routes, jobs and commands
// hold a reference. Threading: take `mutex` shared to compute or read boards, exclusive for an
// import's apply step or a reload of settings/org. Never hold it across a database write or
// store_day() (which takes its own shared lock).
#pragma once

#include <shared_mutex>

#include "board_settings.hpp"
#include "case_table.hpp"
#include "org.hpp"

namespace board {
struct BoardState {
  mutable std::shared_mutex mutex;  // shared: computing and reading boards; exclusive: an
                                    // import's apply step, a reload of settings/org
  CaseTable cases;
  Org org;
  BoardSettings settings;
};
}  // namespace board
