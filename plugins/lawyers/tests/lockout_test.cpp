// SPDX-License-Identifier: Apache-2.0
// The back-off of sign-in after wrong passwords: none for 4, 60 s at 5, doubling, capped at 1 h.
#include <gtest/gtest.h>

#include "lockout.hpp"

namespace lawyers {
namespace {

TEST(Lockout, OpenBelowFiveFailures) {
  for (int f = 0; f < 5; ++f) EXPECT_EQ(lock_duration_ms(f), 0) << f;
}

TEST(Lockout, SixtySecondsAtFiveThenDoubling) {
  EXPECT_EQ(lock_duration_ms(5), 60'000);
  EXPECT_EQ(lock_duration_ms(6), 120'000);
  EXPECT_EQ(lock_duration_ms(7), 240'000);
  EXPECT_EQ(lock_duration_ms(8), 480'000);
  EXPECT_EQ(lock_duration_ms(9), 960'000);
  EXPECT_EQ(lock_duration_ms(10), 1'920'000);
}

TEST(Lockout, CappedAtOneHour) {
  EXPECT_EQ(lock_duration_ms(11), 3'600'000);  // 3,840 s would exceed the hour
  EXPECT_EQ(lock_duration_ms(12), 3'600'000);
  EXPECT_EQ(lock_duration_ms(70), 3'600'000);  // no overflow however many
  EXPECT_EQ(lock_duration_ms(INT64_MAX), 3'600'000);
}

}  // namespace
}  // namespace lawyers
