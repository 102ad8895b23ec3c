// SPDX-License-Identifier: Apache-2.0
// A whole board from measures: every member's values, scores, tiers, group scores, composite,
// rank (or band) and weakest three, per peer group (spec §4).
//
// Threading: pure functions over their arguments; any thread, concurrently (the caller holds the
// state's shared lock while it reads the Org and settings it passes). Errors: none.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "board_settings.hpp"
#include "indicators.hpp"
#include "org.hpp"
#include "scoring.hpp"

namespace board {

struct IndicatorResult {
  std::optional<double> value;    // nullopt = insufficient sample
  Measure measure;                // the counts behind the value (shown even when insufficient)
  int64_t min_sample = 0;         // the minimum sample applied (0 for E1, which has none)
  std::optional<double> score;    // nullopt: no value, or an unscored group (the high court)
  std::optional<Tier> tier;
};

// One of a member's weakest indicators, with the peer group's median and best VALUES of it.
struct Weak { int indicator; double value, score, peer_median, peer_best; };

struct MemberResult {
  std::string code, name, court_code;            // code = court code or judge user_id
  std::array<IndicatorResult, 18> indicators;     // judges: only kJudgeIndicators are filled
  std::array<std::optional<double>, 5> group_scores;   // A..E
  std::optional<double> composite;
  std::optional<int> rank;                         // always computed for ranked groups
  std::optional<Band> band;                        // from rank and ranked_count, in any mode
  std::vector<Weak> weakest;                       // up to 3
};

struct PeerBoard {
  PeerGroup group;            // for judge boards: Basic/Intermediate/High by the court's level
  bool ranked = true;         // false for the high court's group on the court board
  std::vector<MemberResult> members;              // order: rank asc, then code; unranked last
  std::array<std::optional<double>, 18> median, best;   // over members with a value
  std::array<std::optional<double>, 5> group_score_median;   // radar reference
  int ranked_count = 0;       // members with a rank
};

// Groups in the order basic, intermediate, special, high; a group without members is left out.
struct Board { Window window; std::vector<PeerBoard> groups; };

// The court board: every court of `org` (measures parallel to org.courts) in its peer group; the
// high court's group is shown with values only (nothing scored, tiered or ranked).
// `m.courts.size()` must equal `org.courts.size()`. `w` is copied into the result.
Board court_board(const MeasureSet& m, const Org& org, const BoardSettings& s, Window w);

// The judge board: every judge of `org` (measures parallel to org.judges), peers = the judges of
// courts of the same directory level (high / intermediate / basic, so a maritime court's judges sit
// with the intermediate courts'), over kJudgeIndicators only. A judge whose court is not in the
// Org is left out. `m.judges.size()` must equal `org.judges.size()`.
Board judge_board(const MeasureSet& m, const Org& org, const BoardSettings& s, Window w);

// The member with `code` (court code or user id) and, through `group`, its peer group; nullptr when
// none. Linear in the board's size. The pointers live as long as `b` is unchanged.
const MemberResult* find_member(const Board& b, std::string_view code,
                                const PeerBoard** group = nullptr);

}  // namespace board
