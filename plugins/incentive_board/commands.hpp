// SPDX-License-Identifier: Apache-2.0
// The board's robot command:
//   board                 the caller's court: standing, change, three weakest (high court: the
//                         province digest)
//   board <name or code>  that court (several name matches: the list to pick from)
//   board weakest [court] the three weakest indicators with peer median, best value and gap
// Replies are short markdown with the notices' wording rules (notices.hpp): the disclaimer, and
// no ordinal rank in no-rank mode. Callers must be staff of the directory.
//
// Threading: handlers may run concurrently; they read the board through court_day()
// (notices.hpp): the kept day, else computed.
// Errors: an unknown caller gets PermissionDenied (sign in first), a name that matches no court
// InvalidArgument with what to send instead.
#pragma once

#include <string_view>
#include <vector>

#include <courthub/host.hpp>
#include <courthub/plugin.hpp>

#include "board_state.hpp"
#include "day_board.hpp"

namespace board {

// The courts of `d` that `query` names, sorted by code: the court whose code (any case) or full
// name equals the query; else every court whose name contains it; else every court whose name
// holds its characters in order ("沈阳中院" → 沈阳市中级人民法院). Empty query: none.
std::vector<const DayMember*> match_courts(const DayBoard& d, std::string_view query);

// Registers the command "board". See the top of this file.
void register_board_commands(courthub::Registrar& r, courthub::Host& host, BoardState& state);

}  // namespace board
