// SPDX-License-Identifier: Apache-2.0
// Scoring as pure functions over numbers (spec §4 + the DECISIONS of docs/incentive_board.md):
// T-scores, tiers, ranks, no-rank bands, medians. board.hpp applies them to peer groups.
//
// Threading: pure functions; any thread, concurrently. Errors: none (no exceptions beyond
// std::bad_alloc); inputs of mismatched sizes are a programming error (checked by assert).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indicators.hpp"

namespace board {

enum class Tier : uint8_t { Red, Yellow, Green };
std::string_view id_of(Tier t);                         // "red" "yellow" "green"

enum class Band : uint8_t { Top25, Upper, Lower, Bottom25 };
std::string_view id_of(Band b);                         // "top_25" "25_50" "50_75" "bottom_25"

// Two composites closer than this share a rank.
inline constexpr double kRankTolerance = 1e-9;

// T-scores of the values that are present (nullopt stays nullopt): μ and population σ over the
// present values; z = (x − μ) / σ, negated for Direction::Down, clamped to [−3, 3]; s = 50 + 10z.
// σ ≤ 1e-12·max(1, |μ|) counts as 0 and gives every present value 50 (so does a single value).
std::vector<std::optional<double>> t_scores(const std::vector<std::optional<double>>& values,
                                            Direction d);

// Tiers of the members with a score (nullopt stays nullopt). With n members scored, ordered by
// (score asc, code asc): the first ⌈n·red%/100⌉ are red, the next ⌈n·yellow%/100⌉ yellow, the rest
// green (ceil in integer arithmetic). `codes` is parallel to `scores`.
std::vector<std::optional<Tier>> tiers(const std::vector<std::optional<double>>& scores,
                                       const std::vector<std::string>& codes,
                                       int32_t red_percent, int32_t yellow_percent);

// Competition ranks (1, 2, 2, 4) of the members with a composite, highest first: sorted by
// composite descending, a member whose composite is within kRankTolerance of the one before it
// shares that one's rank, else its rank is its 1-based position. Members without a composite get
// nullopt. The numbers do not depend on the order of the input.
std::vector<std::optional<int>> ranks(const std::vector<std::optional<double>>& composites);

// The no-rank band of `rank` among `ranked_count` members: p = rank / n; p ≤ 0.25 top_25,
// ≤ 0.5 25_50, ≤ 0.75 50_75, else bottom_25 (compared exactly, in integers). nullopt when
// rank < 1 or ranked_count < rank.
std::optional<Band> band_of(int rank, int ranked_count);

// The median (mean of the two middle values for an even count); nullopt for no values.
std::optional<double> median(std::vector<double> values);

}  // namespace board
