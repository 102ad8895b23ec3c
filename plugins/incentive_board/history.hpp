// SPDX-License-Identifier: Apache-2.0
// The kept days (history): each day's court board (every member's detail JSON, peer group,
// composite, rank, the previous day's standing, the peer groups' figures) and judge board
// (composite and rank per judge for settings.judge_history_days; every judge's JSON for the
// latest kept day only). A kept day is served as kept — never recomputed; any other day is
// computed on the fly (day_board.hpp) and not kept.
//
// Threading: every function may be called from any handler or job thread concurrently. store_day
// takes the state's shared lock for the computation and writes after releasing it; call it
// WITHOUT holding state.mutex. The read functions read only the database and take no lock, except
// kept_court_board, which takes its copy's own mutex briefly.
// Errors: database failures throw courthub::Error (from the SDK).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <courthub/database.hpp>
#include <courthub/host.hpp>

#include "board_state.hpp"
#include "day_board.hpp"

namespace board {

// The history tables (migration versions 10–19 are history's). The plugin class appends them to
// its own migrations.
std::vector<courthub::Migration> history_migrations();

// Computes the court and judge boards for `as_of` (the settings' window) and replaces that kept
// day, in one transaction; then drops judge days older than judge_history_days before the latest
// kept day. The previous day's standings (for "change") are the kept ones of as_of − 1, else
// computed. For the importer, the settings reload, the demo load and the daily job.
void store_day(courthub::Host& host, const BoardState& state, Day as_of);

// Yesterday on the host clock in Asia/Shanghai: the last complete day.
Day latest_day(courthub::Host& host, const BoardSettings& s);
// Today on the host clock in Asia/Shanghai.
Day today(courthub::Host& host);

// The kept court board of `as_of` with every court, or nullptr when the day is not kept. Served
// from state.kept_courts while the day's revision in the database is the one it was read at (one
// indexed read), else read and parsed again: a day kept again (here, or by another host on the
// same database) is never served stale. Shared and immutable: callers keep it as long as they
// like. Threading: any thread; takes state.kept_courts.mutex briefly, never state.mutex.
std::shared_ptr<const DayBoard> kept_court_board(courthub::Host& host, const BoardState& state,
                                                 Day as_of);

// The kept court board of `as_of` with only the member `court` (the groups' figures are all
// read), or nullopt when the day is not kept. Read from the database each time.
std::optional<DayBoard> kept_court_day(courthub::Host& host, Day as_of, std::string_view court);

// The kept judge board of `as_of` with the members of `court` only, or nullopt when the day is
// not kept or its judges' JSON is no longer kept (only the latest kept day has it).
std::optional<DayBoard> kept_judge_day(courthub::Host& host, Day as_of, std::string_view court);

// The standings of a kept day (courts, or judges), or nullopt when it is not kept.
std::optional<DayStandings> kept_standings(courthub::Host& host, Day as_of, bool judges);

// One kept day of a court, for its trend.
struct TrendPoint {
  Day as_of = 0;
  Standing standing;
  courthub::Json values;  // indicator id -> value|null, as kept
};
// The kept days of `court` in [first, last], oldest first (days not kept are absent).
std::vector<TrendPoint> kept_trend(courthub::Host& host, std::string_view court, Day first, Day last);

}  // namespace board
