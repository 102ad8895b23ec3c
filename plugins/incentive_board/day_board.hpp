// SPDX-License-Identifier: Apache-2.0
// One day's board as the routes show it and history keeps it: each member's JSON (member_json of
// that day), its standing (composite, rank, band) and the previous day's, and the peer groups'
// figures. A DayBoard comes either from history (history.hpp) or from the cases now (compute_day).
//
// Threading: DayBoard is a plain value. compute_day takes the state's shared lock itself; the
// other functions touch no shared state. Errors: none beyond std::bad_alloc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <courthub/json.hpp>

#include "board.hpp"
#include "board_settings.hpp"
#include "board_state.hpp"

namespace board {

// A member's composite and rank on some day (rank only in ranked groups).
struct Standing {
  std::optional<double> composite;
  std::optional<int> rank;
};

// Every member's standing on one day, by code (court code or user id), and that day's window.
struct DayStandings {
  Window window;
  std::unordered_map<std::string, Standing> members;
};

struct DayMember {
  std::string code;        // court code or user id
  std::string court_code;  // the member's court (a court's own code for courts)
  PeerGroup group = PeerGroup::Basic;
  Standing standing;
  std::optional<Band> band;         // from rank and the group's ranked count
  std::optional<Standing> previous; // the previous day's, when that day had this member
  courthub::Json detail;            // member_json of that day (courts: detail=true; judges: false)
};

struct DayGroup {
  PeerGroup group = PeerGroup::Basic;
  bool ranked = true;
  int count = 0, ranked_count = 0;
  // Objects indicator id -> number|null (courts: all 18; judges: their 8), and A..E -> number|null.
  courthub::Json medians, best, group_score_medians;
};

struct DayBoard {
  Day as_of = 0;
  Window window;
  bool kept = false;             // read from history (true) or computed now (false)
  courthub::Json indicators;     // catalogue_json as of that day
  courthub::Json weights;        // weights_json as of that day
  std::vector<DayGroup> groups;  // basic, intermediate, special, high (those with members)
  std::vector<DayMember> members;
};

// The group of `g` in `d`, or nullptr.
const DayGroup* find_group(const DayBoard& d, PeerGroup g);
// The member `code` of `d`, or nullptr.
const DayMember* find_member(const DayBoard& d, std::string_view code);

// The standings of a computed board.
DayStandings standings_of(const Board& b);

// A computed board as a DayBoard. `judges` picks the judge shape (member_json without detail);
// `previous` (may be nullptr: no previous day) fills DayMember::previous; a non-empty `court`
// keeps only that court's members (all groups' figures stay).
DayBoard day_board_of(const Board& b, Day as_of, const BoardSettings& s, bool judges,
                      const DayStandings* previous, std::string_view court = {});

// Which judges compute_day turns into JSON.
struct JudgeScope {
  bool none = true;      // no judge board at all
  std::string court;     // "" = every judge; else only this court's
  static JudgeScope no_judges() { return {}; }
  static JudgeScope of_court(std::string court) { return {false, std::move(court)}; }
  static JudgeScope all() { return {false, ""}; }
};

struct ComputedDay {
  DayBoard courts;
  std::optional<DayBoard> judges;  // per JudgeScope
};

// The boards of `as_of` computed from the cases now: window [from, as_of] when `from` is given,
// else per the settings. The previous day's standings come from `kept_courts`/`kept_judges`
// (history's, for as_of − 1) when given and of the same window start if `from` is given; else
// they are computed for as_of − 1 (none when from > as_of − 1). Takes `state`'s shared lock for
// the computation and holds no lock when it returns.
ComputedDay compute_day(const BoardState& state, Day as_of, std::optional<Day> from,
                        const DayStandings* kept_courts, const DayStandings* kept_judges,
                        const JudgeScope& judges);

// JSON of an optional number / an optional int (null when absent).
courthub::Json number_or_null(const std::optional<double>& v);
courthub::Json int_or_null(const std::optional<int>& v);

}  // namespace board
