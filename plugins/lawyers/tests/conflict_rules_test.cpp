// SPDX-License-Identifier: Apache-2.0
// Conflict arithmetic: half-open overlaps, the travel buffer between courts and at its edges.
#include "conflict_rules.hpp"

#include <gtest/gtest.h>

namespace lawyers {
namespace {

constexpr int64_t kMin = 60 * 1000;
constexpr int64_t kHour = 60 * kMin;
constexpr int64_t kBuffer = 60 * kMin;
const std::string kHere = "LN-BC-SY-01", kThere = "LN-BC-DL-01";

// The hearing being scheduled: 09:00-11:00 (minutes from an arbitrary midnight) at kHere.
const Engagement kHearing{9 * kHour, 11 * kHour, kHere};

Engagement at(const std::string& court, int64_t from, int64_t to) { return {from, to, court}; }

TEST(ConflictRules, SameCourtIsAPlainOverlap) {
  EXPECT_TRUE(clashes(kHearing, at(kHere, 10 * kHour, 12 * kHour), kBuffer));
  EXPECT_TRUE(clashes(kHearing, at(kHere, 8 * kHour, 9 * kHour + 1), kBuffer));
  EXPECT_FALSE(clashes(kHearing, at(kHere, 11 * kHour, 12 * kHour), kBuffer)) << "back to back";
  EXPECT_FALSE(clashes(kHearing, at(kHere, 8 * kHour, 9 * kHour), kBuffer)) << "ends as it starts";
}

TEST(ConflictRules, AnotherCourtNeedsTheBufferOnEachSide) {
  // After: the other hearing may start 60 minutes after 11:00, not a minute earlier.
  EXPECT_FALSE(clashes(kHearing, at(kThere, 12 * kHour, 13 * kHour), kBuffer));
  EXPECT_TRUE(clashes(kHearing, at(kThere, 12 * kHour - kMin, 13 * kHour), kBuffer));
  // Before: the other hearing must end 60 minutes before 09:00.
  EXPECT_FALSE(clashes(kHearing, at(kThere, 7 * kHour, 8 * kHour), kBuffer));
  EXPECT_TRUE(clashes(kHearing, at(kThere, 7 * kHour, 8 * kHour + kMin), kBuffer));
  // Inside, obviously.
  EXPECT_TRUE(clashes(kHearing, at(kThere, 9 * kHour + 30 * kMin, 10 * kHour), kBuffer));
}

TEST(ConflictRules, NoBufferMeansPlainOverlapsEverywhere) {
  EXPECT_FALSE(clashes(kHearing, at(kThere, 11 * kHour, 12 * kHour), 0));
  EXPECT_TRUE(clashes(kHearing, at(kThere, 10 * kHour, 12 * kHour), 0));
}

TEST(ConflictRules, UnavailabilityHasNoTravel) {
  EXPECT_FALSE(clashes(kHearing, at("", 11 * kHour, 12 * kHour), kBuffer));
  EXPECT_TRUE(clashes(kHearing, at("", 10 * kHour, 10 * kHour + 1), kBuffer));
}

}  // namespace
}  // namespace lawyers
