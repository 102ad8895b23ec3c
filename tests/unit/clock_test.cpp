// SPDX-License-Identifier: Apache-2.0
// Tests for the host clock: the test clock stands still until moved; the system clock is real.
#include "host/time/clock.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace courthub::time {
namespace {

TEST(Clock, ManualClockStandsStillUntilMoved) {
  ManualClock clock(1'771'084'800'000);  // 2026-02-15T00:00:00+08:00 is 2026-02-14T16:00Z
  EXPECT_EQ(clock.now_ms(), 1'771'084'800'000);
  EXPECT_EQ(clock.now_ms(), 1'771'084'800'000);
  EXPECT_EQ(clock.advance(kDayMs), 1'771'084'800'000 + kDayMs);
  EXPECT_EQ(clock.now_ms(), 1'771'084'800'000 + kDayMs);
  clock.set(0);
  EXPECT_EQ(clock.now_ms(), 0);
  clock.advance(-1);
  EXPECT_EQ(clock.now_seconds(), -1);  // rounded towards the past
}

TEST(Clock, SystemClockIsTheMachinesWallClock) {
  const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const int64_t now = system_clock().now_ms();
  EXPECT_GE(now, before);
  EXPECT_LT(now - before, 5000);
  EXPECT_EQ(&system_clock(), &system_clock());
}

}  // namespace
}  // namespace courthub::time
