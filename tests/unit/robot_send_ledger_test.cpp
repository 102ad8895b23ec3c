// SPDX-License-Identifier: Apache-2.0
// A group robot's 20 messages a minute are the robot's, not a host's: two hosts on one database
// (two Database objects on one store) share them, on both backends.
#include "host/dingtalk/robot_send_ledger.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/support/backend_test.hpp"

namespace courthub::dingtalk {
namespace {

class RobotSends : public testing_postgres::TwoHostsTest {};
COURTHUB_BOTH_BACKENDS(RobotSends);

constexpr int64_t kT0 = 1'780'000'000'000;

TEST_P(RobotSends, TwoHostsTogetherSendAtMostTheRobotsLimitAMinute) {
  RobotSendLedger host_a(*db_), host_b(*other_);
  int granted = 0;
  std::vector<int64_t> waits;
  // 60 messages for one robot, alternately from each host, one a second for 30 s.
  for (int i = 0; i < 60; ++i) {
    RobotSendLedger& host = i % 2 ? host_a : host_b;
    auto wait = host.reserve("法院通知群", 20, kT0 + (i / 2) * 1000);
    ASSERT_TRUE(wait.ok()) << wait.outcome().message();
    if (*wait == 0) {
      ++granted;
    } else {
      waits.push_back(*wait);
    }
  }
  EXPECT_EQ(granted, 20);
  ASSERT_EQ(waits.size(), 40u);
  // The first refused (at kT0 + 10 s) waits until the first send (kT0) is a minute old.
  EXPECT_EQ(waits.front(), 50'000);
  // Another robot has its own minute.
  EXPECT_EQ(*host_b.reserve("审判管理群", 20, kT0 + 30'000), 0);
  // A minute after the first sends, their places free again, one by one.
  EXPECT_EQ(*host_a.reserve("法院通知群", 20, kT0 + 60'000), 0);
  EXPECT_EQ(*host_b.reserve("法院通知群", 20, kT0 + 60'000), 0);
  EXPECT_GT(*host_a.reserve("法院通知群", 20, kT0 + 60'000), 0);
}

TEST_P(RobotSends, ConcurrentSendersNeverTakeMoreThanTheLimit) {
  RobotSendLedger host_a(*db_), host_b(*other_);
  std::atomic<int> granted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      RobotSendLedger& host = t % 2 ? host_a : host_b;
      for (int i = 0; i < 10; ++i) {
        auto wait = host.reserve("法院通知群", 20, kT0);
        EXPECT_TRUE(wait.ok()) << wait.outcome().message();
        if (wait.ok() && *wait == 0) granted++;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(granted.load(), 20);
}

}  // namespace
}  // namespace courthub::dingtalk
