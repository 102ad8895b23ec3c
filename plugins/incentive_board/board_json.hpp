// SPDX-License-Identifier: Apache-2.0
// The HTTP shapes of a board (docs/incentive_board.md "HTTP"): the indicator catalogue, one
// member, and its change since a previous day. Values are fractions; null where insufficient.
// In no-rank mode nothing carries a rank: "band" replaces "rank" and change has only "composite".
//
// Threading: pure functions; any thread, concurrently. Errors: none.
#pragma once

#include <courthub/json.hpp>

#include "board.hpp"
#include "board_settings.hpp"

namespace board {

// The "indicators" array: [{"id","group","group_name","name","direction":"up|down",
// "unit":"rate|days|cases|ratio","min_sample"}] — all 18, or with `judges` the 8 of the judge
// board. E1's min_sample is null (it has none).
courthub::Json catalogue_json(const BoardSettings& s, bool judges);

// The weights as {"A":25,…,"E":10}.
courthub::Json weights_json(const BoardSettings& s);

// One member: "court_code" (or "user_id" when `judge`), "name", "values", "scores", "tiers"
// (indicator id → value | null; judges: their 8 ids), "group_scores" (A..E; judges A B C E),
// "composite", "rank" (ranked mode) or "band" (no-rank mode), "weakest"
// [{"indicator","value","score","peer_median","peer_best"}]. With `detail` also "peer_group" and
// "indicators" (id → {"value","numerator","denominator","sample","min_sample","score","tier",
// "peer_median","peer_best"}). No "change" (see change_json). `g` is the member's peer group.
courthub::Json member_json(const MemberResult& m, const PeerBoard& g, const BoardSettings& s,
                           bool judge, bool detail);

// {"rank": previous rank − current rank, "composite": current − previous} (each null when either
// side has none); in no-rank mode only {"composite"}. `previous_member_json` is the member_json of
// the previous day (only its "rank" and "composite" are read; not owned); null JSON when nullptr.
courthub::Json change_json(const MemberResult& now, const courthub::Json* previous_member_json,
                           const BoardSettings& s);

}  // namespace board
