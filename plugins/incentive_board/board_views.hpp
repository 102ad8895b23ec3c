// SPDX-License-Identifier: Apache-2.0
// The HTTP answers of GET /boards/… (docs/incentive_board.md "Boards") from DayBoards, kept or
// computed alike. The current mode decides what shows: "rank" (ranked) or "band" (no_rank) on
// each member, the order of members, "change" with or without its rank, the trend's rank line.
// In no-rank mode no "rank" key appears anywhere.
//
// Threading: pure functions; any thread, concurrently. Errors: none.
#pragma once

#include <string_view>
#include <vector>

#include <courthub/json.hpp>

#include "day_board.hpp"
#include "history.hpp"
#include "org.hpp"

namespace board {

// One member as listed: the member's JSON with the mode's rank or band and "change"; with
// `detail`, also "peer_group" and "indicators" (courts only keep those).
courthub::Json member_view(const DayMember& m, const BoardSettings& s, bool detail);

// The members of `group` in `d`, in the mode's order: ranked by rank then code (unranked last);
// no-rank by band then code (no band last).
std::vector<const DayMember*> members_in_order(const DayBoard& d, PeerGroup group, Mode mode);

// GET /boards/courts.
courthub::Json courts_view(const DayBoard& d, const BoardSettings& s);

// GET /boards/courts/{code} without "judges": `m` is the court's member of `d`; `trend` its kept
// days of the 30 ending d.as_of (the as_of point is taken from `m`).
courthub::Json court_view(const DayBoard& d, const DayMember& m, const BoardSettings& s,
                          const std::vector<TrendPoint>& trend);

// GET /boards/judges for `court`: `d` holds that court's judges (and every group's figures);
// `only_user` non-empty keeps only that judge.
courthub::Json judges_view(const DayBoard& d, const OrgCourt& court, const BoardSettings& s,
                           std::string_view only_user);

// The judges' peer group of a court: by its directory level (high, intermediate, else basic).
PeerGroup judge_group_of(const OrgCourt& court);

}  // namespace board
