// SPDX-License-Identifier: Apache-2.0
// board_state.hpp — what every handler shares: the cases in memory, the org, the settings, and
// the last whole kept court board read from history.
//
// Ownership: the plugin class owns the one BoardState for its lifetime; routes, jobs and commands
// hold a reference. Threading: take `mutex` shared to compute or read boards, exclusive for an
// import's apply step or a reload of settings/org. Never hold it across a database write or
// store_day() (which takes its own shared lock). `kept_courts` has its own mutex (below).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>

#include "board_settings.hpp"
#include "case_table.hpp"
#include "org.hpp"

namespace board {
struct DayBoard;  // day_board.hpp

// The last whole kept court board read (history.hpp's kept_court_board), served again while its
// day's revision in the database is the one it was read at: every court's detail JSON is parsed
// once per kept day, not once per request. Only history.cpp touches it, under `mutex` (a reader
// on any thread); `board` is immutable once set and shared with whoever is still using it.
struct KeptCourtBoard {
  std::mutex mutex;
  Day as_of = 0;
  int64_t revision = -1;  // court_days.revision it was read at; -1: nothing read yet
  std::shared_ptr<const DayBoard> board;
};

struct BoardState {
  mutable std::shared_mutex mutex;  // shared: computing and reading boards; exclusive: an
                                    // import's apply step, a reload of settings/org
  CaseTable cases;
  Org org;
  BoardSettings settings;
  mutable KeptCourtBoard kept_courts;  // a cache of history's, not state: const readers fill it
};
}  // namespace board
