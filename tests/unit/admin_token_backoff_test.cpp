// SPDX-License-Identifier: Apache-2.0
// AdminTokenBackoff on a ManualClock: free failures, doubling waits up to the cap, reset on
// success, rate-limited log decisions, bounded memory.
#include "host/http/admin_token_backoff.hpp"

#include <gtest/gtest.h>

namespace courthub::http {
namespace {

constexpr int64_t kStart = 1'700'000'000'000;

TEST(AdminTokenBackoff, FiveFreeFailuresThenDoublingWaitsUpToFifteenMinutes) {
  time::ManualClock clock(kStart);
  AdminTokenBackoff b(clock);
  for (int i = 1; i <= 4; ++i) {
    FailureVerdict v = b.failed("10.0.0.1");
    EXPECT_EQ(v.wait_ms, 0) << i;
    EXPECT_FALSE(v.entered_backoff);
    EXPECT_EQ(b.wait_ms("10.0.0.1"), 0);
  }
  FailureVerdict fifth = b.failed("10.0.0.1");
  EXPECT_TRUE(fifth.entered_backoff);
  EXPECT_EQ(fifth.wait_ms, 1'000);
  EXPECT_EQ(b.wait_ms("10.0.0.1"), 1'000);
  EXPECT_EQ(b.wait_ms("10.0.0.2"), 0);  // another address is not held back
  clock.advance(400);
  EXPECT_EQ(b.wait_ms("10.0.0.1"), 600);
  clock.advance(600);
  EXPECT_EQ(b.wait_ms("10.0.0.1"), 0);

  int64_t expected = 2'000;
  for (int i = 0; i < 12; ++i) {
    FailureVerdict v = b.failed("10.0.0.1");
    EXPECT_FALSE(v.entered_backoff);
    EXPECT_EQ(v.wait_ms, std::min<int64_t>(expected, 15 * 60'000)) << i;
    clock.advance(v.wait_ms);
    expected *= 2;
  }
  EXPECT_EQ(b.failed("10.0.0.1").wait_ms, 15 * 60'000);
}

TEST(AdminTokenBackoff, ASuccessResetsTheAddress) {
  time::ManualClock clock(kStart);
  AdminTokenBackoff b(clock);
  for (int i = 0; i < 5; ++i) (void)b.failed("10.0.0.1");
  EXPECT_GT(b.wait_ms("10.0.0.1"), 0);
  b.succeeded("10.0.0.1");
  EXPECT_EQ(b.wait_ms("10.0.0.1"), 0);
  EXPECT_EQ(b.failed("10.0.0.1").failures, 1);
}

TEST(AdminTokenBackoff, RefusalsThatAreNoGuessDoNotCount) {
  time::ManualClock clock(kStart);
  AdminTokenBackoff b(clock);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(b.failed("10.0.0.1", /*counts=*/false).wait_ms, 0);
  EXPECT_EQ(b.wait_ms("10.0.0.1"), 0);
}

TEST(AdminTokenBackoff, AQuietAddressStartsAfresh) {
  time::ManualClock clock(kStart);
  AdminTokenBackoff b(clock);
  for (int i = 0; i < 4; ++i) (void)b.failed("10.0.0.1");
  clock.advance(60 * 60'000);
  EXPECT_EQ(b.failed("10.0.0.1").failures, 1);
}

TEST(AdminTokenBackoff, OneLogLinePerAddressPerMinuteCountingTheRest) {
  time::ManualClock clock(kStart);
  AdminTokenBackoff b(clock);
  EXPECT_TRUE(b.failed("10.0.0.1").log);
  EXPECT_TRUE(b.failed("10.0.0.2").log);  // per address
  for (int i = 0; i < 7; ++i) {
    clock.advance(1'000);
    EXPECT_FALSE(b.failed("10.0.0.1", i % 2 == 0).log);
  }
  clock.advance(53'000);  // a minute after the first line
  FailureVerdict v = b.failed("10.0.0.1");
  EXPECT_TRUE(v.log);
  EXPECT_EQ(v.unlogged, 7u);
  EXPECT_FALSE(b.failed("10.0.0.1").log);
}

TEST(AdminTokenBackoff, MemoryIsBoundedTheOldestAddressIsForgotten) {
  time::ManualClock clock(kStart);
  BackoffLimits limits;
  limits.max_addresses = 3;
  AdminTokenBackoff b(clock, limits);
  for (int i = 0; i < 5; ++i) (void)b.failed("10.0.0.1");
  clock.advance(10);
  (void)b.failed("10.0.0.2");
  (void)b.failed("10.0.0.3");
  EXPECT_EQ(b.size(), 3u);
  EXPECT_GT(b.wait_ms("10.0.0.1"), 0);
  (void)b.failed("10.0.0.2");  // .2 is now the most recent; .1 the oldest
  (void)b.failed("10.0.0.4");
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b.wait_ms("10.0.0.1"), 0);  // forgotten
  EXPECT_EQ(b.failed("10.0.0.3").failures, 2);  // kept
}

TEST(AdminTokenBackoff, AddressWithoutPort) {
  EXPECT_EQ(address_without_port("127.0.0.2:54321"), "127.0.0.2");
  EXPECT_EQ(address_without_port("[::1]:80"), "::1");
  EXPECT_EQ(address_without_port("10.1.2.3"), "10.1.2.3");
}

}  // namespace
}  // namespace courthub::http
