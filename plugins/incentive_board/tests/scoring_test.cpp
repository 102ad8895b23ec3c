// SPDX-License-Identifier: Apache-2.0
// The numbers of spec §4 on their own: T-scores, tiers, ranks, bands, medians, each against
// values worked out by hand (closed forms in the comments).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "scoring.hpp"

namespace board {
namespace {

using Values = std::vector<std::optional<double>>;
constexpr double kEps = 1e-9;

TEST(TScore, FourValuesAgainstTheirMeanAndPopulationSigma) {
  // μ = 0.75; deviations ±0.05, ±0.15 → σ = √((2·0.0025 + 2·0.0225)/4) = √0.0125 = 0.05·√5.
  // z = d/σ: ±0.15/σ = ±3/√5, ±0.05/σ = ±1/√5.
  auto s = t_scores({0.6, 0.7, 0.8, 0.9}, Direction::Up);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_NEAR(*s[0], 50 - 30 / std::sqrt(5.0), kEps);  // 36.583592135
  EXPECT_NEAR(*s[1], 50 - 10 / std::sqrt(5.0), kEps);  // 45.527864045
  EXPECT_NEAR(*s[2], 50 + 10 / std::sqrt(5.0), kEps);  // 54.472135955
  EXPECT_NEAR(*s[3], 50 + 30 / std::sqrt(5.0), kEps);  // 63.416407865
}

TEST(TScore, LowerIsBetterNegatesZ) {
  auto s = t_scores({0.6, 0.7, 0.8, 0.9}, Direction::Down);
  EXPECT_NEAR(*s[0], 50 + 30 / std::sqrt(5.0), kEps);
  EXPECT_NEAR(*s[3], 50 - 30 / std::sqrt(5.0), kEps);
}

TEST(TScore, ZIsClampedToThree) {
  // Ten zeros and one 10: μ = 10/11, Σ(x−μ)² = 10·(10/11)² + (100/11)² = 11000/121, σ = √(1000/121)
  // = 10√10/11. z(10) = (100/11)/σ = √10 ≈ 3.16 → 3; z(0) = −(10/11)/σ = −1/√10.
  Values v(10, 0.0);
  v.push_back(10.0);
  auto up = t_scores(v, Direction::Up);
  EXPECT_NEAR(*up[10], 80.0, kEps);
  EXPECT_NEAR(*up[0], 50 - 10 / std::sqrt(10.0), kEps);  // 46.837722340
  auto down = t_scores(v, Direction::Down);
  EXPECT_NEAR(*down[10], 20.0, kEps);
  EXPECT_NEAR(*down[0], 50 + 10 / std::sqrt(10.0), kEps);
}

TEST(TScore, SigmaZeroAndASingleMemberScoreFifty) {
  for (double x : {0.5, 0.0, 7.0})
    for (auto s : t_scores({x, x, x}, Direction::Up)) EXPECT_EQ(*s, 50.0);
  EXPECT_EQ(*t_scores({0.7}, Direction::Down)[0], 50.0);
  // σ = 5e-8 is below 1e-12·|μ| = 1e-6 (rounding noise of large values), so it counts as 0;
  // without the tolerance these would be 40 and 60.
  auto s = t_scores({1e6, 1e6 + 1e-7}, Direction::Up);
  EXPECT_EQ(*s[0], 50.0);
  EXPECT_EQ(*s[1], 50.0);
  // σ = 0.05 is far above it: z = ±1.
  auto t = t_scores({0.4, 0.5}, Direction::Up);
  EXPECT_NEAR(*t[0], 40.0, kEps);
  EXPECT_NEAR(*t[1], 60.0, kEps);
}

TEST(TScore, MissingValuesAreLeftOutOfMeanAndSigma) {
  auto s = t_scores({std::nullopt, 0.6, 0.7, std::nullopt, 0.8, 0.9}, Direction::Up);
  EXPECT_FALSE(s[0]);
  EXPECT_FALSE(s[3]);
  EXPECT_NEAR(*s[1], 50 - 30 / std::sqrt(5.0), kEps);
  EXPECT_NEAR(*s[5], 50 + 30 / std::sqrt(5.0), kEps);
  EXPECT_TRUE(std::ranges::all_of(t_scores({std::nullopt, std::nullopt}, Direction::Up),
                                  [](auto v) { return !v; }));
}

// Scores 1, 2, …, n with codes "m01"…: counts of each tier.
std::array<int, 3> tier_counts(int n, int red, int yellow) {
  Values scores;
  std::vector<std::string> codes;
  for (int i = 0; i < n; ++i) {
    scores.push_back(i + 1.0);
    codes.push_back("m" + std::to_string(100 + i));
  }
  std::array<int, 3> count{};
  for (auto t : tiers(scores, codes, red, yellow)) ++count[static_cast<int>(*t)];
  return count;
}

TEST(Tiers, CeilOfTenAndTwentyPercentInIntegers) {
  using C = std::array<int, 3>;  // red, yellow, green
  EXPECT_EQ(tier_counts(1, 10, 20), (C{1, 0, 0}));    // ⌈0.1⌉ = 1: a lone member is red
  EXPECT_EQ(tier_counts(2, 10, 20), (C{1, 1, 0}));    // ⌈0.2⌉, ⌈0.4⌉
  EXPECT_EQ(tier_counts(10, 10, 20), (C{1, 2, 7}));
  EXPECT_EQ(tier_counts(11, 10, 20), (C{2, 3, 6}));   // ⌈1.1⌉, ⌈2.2⌉
  EXPECT_EQ(tier_counts(30, 10, 20), (C{3, 6, 21}));
  // Floating ceil would be wrong here: 0.14·50 = 7.000000000000001 and 0.28·50 =
  // 14.000000000000002 in doubles, so ceil gives 8 and 15.
  EXPECT_EQ(tier_counts(50, 14, 28), (C{7, 14, 29}));
  EXPECT_EQ(tier_counts(30, 0, 0), (C{0, 0, 30}));
  EXPECT_EQ(tier_counts(3, 50, 50), (C{2, 1, 0}));    // ⌈1.5⌉ = 2 red, ⌈1.5⌉ = 2 but only 1 left
}

TEST(Tiers, LowestScoresFirstEqualScoresByCode) {
  Values scores = {50, 50, 50, std::nullopt, 40};
  std::vector<std::string> codes = {"C", "A", "B", "0", "Z"};
  // n = 4 scored (the null is not counted): red ⌈0.4⌉ = 1, yellow ⌈0.8⌉ = 1.
  auto t = tiers(scores, codes, 10, 20);
  EXPECT_EQ(t[4], Tier::Red);     // lowest score, whatever its code
  EXPECT_EQ(t[1], Tier::Yellow);  // A before B before C among the equal 50s
  EXPECT_EQ(t[2], Tier::Green);
  EXPECT_EQ(t[0], Tier::Green);
  EXPECT_FALSE(t[3]);
}

TEST(Ranks, EqualCompositesShareARankAndTheNextSkips) {
  auto r = ranks({70.0, 80.0, 90.0, 80.0, std::nullopt});
  EXPECT_EQ(r[2], 1);
  EXPECT_EQ(r[1], 2);
  EXPECT_EQ(r[3], 2);
  EXPECT_EQ(r[0], 4);
  EXPECT_FALSE(r[4]);
}

TEST(Ranks, EqualMeansWithinOneBillionth) {
  auto within = ranks({60.0, 60.0 + 0.9e-9, 59.0});
  EXPECT_EQ(within[1], 1);
  EXPECT_EQ(within[0], 1);
  EXPECT_EQ(within[2], 3);
  auto apart = ranks({60.0, 60.0 + 2e-9});
  EXPECT_EQ(apart[1], 1);
  EXPECT_EQ(apart[0], 2);
}

TEST(Bands, QuartersOfTheRankedMembers) {
  EXPECT_EQ(band_of(1, 4), Band::Top25);     // p = 0.25
  EXPECT_EQ(band_of(2, 4), Band::Upper);     // 0.5
  EXPECT_EQ(band_of(3, 4), Band::Lower);     // 0.75
  EXPECT_EQ(band_of(4, 4), Band::Bottom25);  // 1
  EXPECT_EQ(band_of(2, 10), Band::Top25);    // 0.2
  EXPECT_EQ(band_of(3, 10), Band::Upper);    // 0.3
  EXPECT_EQ(band_of(5, 10), Band::Upper);    // 0.5
  EXPECT_EQ(band_of(6, 10), Band::Lower);    // 0.6
  EXPECT_EQ(band_of(7, 10), Band::Lower);    // 0.7
  EXPECT_EQ(band_of(8, 10), Band::Bottom25);  // 0.8
  EXPECT_FALSE(band_of(0, 10));
  EXPECT_FALSE(band_of(11, 10));
  EXPECT_EQ(id_of(Band::Upper), "25_50");
  EXPECT_EQ(id_of(Band::Bottom25), "bottom_25");
}

TEST(Median, OddEvenAndEmpty) {
  EXPECT_EQ(median({3, 1, 2}), 2.0);
  EXPECT_EQ(median({4, 1, 3, 2}), 2.5);  // mean of the middle two
  EXPECT_EQ(median({0.7}), 0.7);
  EXPECT_FALSE(median({}));
}

}  // namespace
}  // namespace board
