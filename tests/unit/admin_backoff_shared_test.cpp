// SPDX-License-Identifier: Apache-2.0
// Admin-token guesses counted across hosts that share a database: a guesser who spreads attempts
// over two hosts waits as long as one who sends them all to one, and a success on either host
// starts the address afresh everywhere.
#include <gtest/gtest.h>

#include "host/http/admin_token_backoff.hpp"
#include "host/time/clock.hpp"
#include "tests/support/backend_test.hpp"

namespace courthub::http {
namespace {

class SharedBackoff : public testing_postgres::TwoHostsTest {
 protected:
  time::ManualClock clock_{1'750'000'000'000};
};
COURTHUB_BOTH_BACKENDS(SharedBackoff);

TEST_P(SharedBackoff, GuessesSpreadOverHostsAddUp) {
  BackoffLimits limits;  // 5 free, then 1 s, 2 s, ...
  AdminTokenBackoff a(clock_, limits, db_.get()), b(clock_, limits, other_.get());
  const std::string guesser = "203.0.113.9";
  for (int i = 0; i < 4; ++i) {
    FailureVerdict v = (i % 2 ? a : b).failed(guesser);
    EXPECT_EQ(v.failures, i + 1) << "both hosts' failures in one count";
    EXPECT_EQ(v.wait_ms, 0);
  }
  FailureVerdict fifth = a.failed(guesser);
  EXPECT_EQ(fifth.failures, 5);
  EXPECT_TRUE(fifth.entered_backoff);
  EXPECT_EQ(fifth.wait_ms, 1000);
  EXPECT_EQ(b.wait_ms(guesser), 1000) << "the other host makes it wait too";
  EXPECT_EQ(b.wait_ms("198.51.100.1"), 0) << "per address";
  clock_.advance(1000);
  EXPECT_EQ(b.wait_ms(guesser), 0);
  EXPECT_EQ(b.failed(guesser).wait_ms, 2000) << "doubling on whichever host";

  // A right token on one host: the address starts afresh on both.
  a.succeeded(guesser);
  EXPECT_EQ(b.wait_ms(guesser), 0);
  EXPECT_EQ(b.failed(guesser).failures, 1);

  // Quiet for forget_after_ms: afresh as well.
  clock_.advance(limits.forget_after_ms);
  EXPECT_EQ(a.failed(guesser).failures, 1);
}

}  // namespace
}  // namespace courthub::http
