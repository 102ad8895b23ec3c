// SPDX-License-Identifier: Apache-2.0
// CallLane: plugin code on the lane's own threads, the bulkhead, the deadline, and late results.
// Waits are on futures the tests release; the only real time is a deadline of a few ms that a
// blocked task is sure to miss.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "host/plugins/call_lane.hpp"

namespace courthub::plugins {
namespace {

using namespace std::chrono_literals;
using Mode = CallLane::Mode;
using Ending = CallLane::Ending;

CallLane::Limits limits(int concurrent, int queued, std::chrono::milliseconds deadline = 60s) {
  return CallLane::Limits{deadline, concurrent, queued};
}

// A task that blocks until released, and says when it started.
struct Gate {
  std::promise<void> started;
  std::promise<void> opener;
  std::shared_future<void> open = opener.get_future().share();
  std::function<void()> task() {
    return [this] {
      started.set_value();
      open.wait();
    };
  }
};

TEST(CallLane, RunsTheTaskOnALaneThreadAndWaitsForIt) {
  CallLane lane(limits(2, 2));
  std::thread::id ran_on;
  auto ran = lane.run([&] { ran_on = std::this_thread::get_id(); }, Mode::Request);
  EXPECT_EQ(ran.ending, Ending::Done);
  EXPECT_NE(ran_on, std::thread::id());
  EXPECT_NE(ran_on, std::this_thread::get_id());
}

TEST(CallLane, RefusesARequestWhenRunningAndQueuedAreFull) {
  CallLane lane(limits(1, 1));
  Gate first, second;
  auto a = std::async(std::launch::async, [&] { return lane.run(first.task(), Mode::Request); });
  first.started.get_future().wait();
  std::atomic<bool> second_ran{false};
  auto b = std::async(std::launch::async, [&] {
    return lane.run([&] { second_ran = true; }, Mode::Request);
  });
  while (lane.queued() != 1) std::this_thread::yield();
  EXPECT_EQ(lane.running(), 1);
  // Full: one running, one waiting.
  bool third_ran = false;
  auto refused = lane.run([&] { third_ran = true; }, Mode::Request);
  EXPECT_EQ(refused.ending, Ending::Refused);
  EXPECT_FALSE(third_ran);
  first.opener.set_value();
  EXPECT_EQ(a.get().ending, Ending::Done);
  EXPECT_EQ(b.get().ending, Ending::Done);
  EXPECT_TRUE(second_ran);
}

TEST(CallLane, NeverRunsMoreThanMaxConcurrentAtOnce) {
  CallLane lane(limits(3, 100));
  std::atomic<int> inside{0}, most{0};
  std::promise<void> go;
  std::shared_future<void> open = go.get_future().share();
  std::vector<std::future<CallLane::Ran>> calls;
  for (int i = 0; i < 12; ++i) {
    calls.push_back(std::async(std::launch::async, [&] {
      return lane.run(
          [&] {
            int now = ++inside;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            open.wait();
            --inside;
          },
          Mode::Request);
    }));
  }
  while (lane.running() + lane.queued() != 12) std::this_thread::yield();
  EXPECT_EQ(lane.running(), 3);
  go.set_value();
  for (auto& c : calls) EXPECT_EQ(c.get().ending, Ending::Done);
  EXPECT_EQ(most.load(), 3);
}

TEST(CallLane, ARequestPastItsDeadlineIsAbandonedAndItsLateEndCounted) {
  std::atomic<int> late{0};
  CallLane lane(limits(1, 1, 200ms), [&] { ++late; });
  Gate gate;
  auto ran = lane.run(gate.task(), Mode::Request);
  EXPECT_EQ(ran.ending, Ending::Abandoned);
  EXPECT_EQ(lane.running(), 1);  // still running on the lane
  EXPECT_EQ(late.load(), 0);
  gate.opener.set_value();
  lane.drain();
  EXPECT_EQ(lane.running(), 0);
  // on_late runs after the lane's bookkeeping: wait for it through the destructor.
  while (late.load() == 0) std::this_thread::yield();
  EXPECT_EQ(late.load(), 1);
}

TEST(CallLane, ARequestWhoseDeadlinePassesInTheQueueNeverRuns) {
  CallLane lane(limits(1, 4, 200ms));
  Gate gate;
  auto first = std::async(std::launch::async, [&] { return lane.run(gate.task(), Mode::Request); });
  gate.started.get_future().wait();
  bool ran = false;
  auto queued = lane.run([&] { ran = true; }, Mode::Request);
  EXPECT_EQ(queued.ending, Ending::Expired);
  EXPECT_EQ(lane.queued(), 0);  // taken out: it holds no place in the bulkhead
  EXPECT_EQ(first.get().ending, Ending::Abandoned);
  gate.opener.set_value();
  lane.drain();
  EXPECT_FALSE(ran);
}

TEST(CallLane, ADeliveryIsNeitherRefusedNorAbandoned) {
  CallLane lane(limits(1, 0, 1ms));
  Gate gate;
  auto blocker =
      std::async(std::launch::async, [&] { return lane.run(gate.task(), Mode::Delivery); });
  gate.started.get_future().wait();
  // The lane is full for requests...
  EXPECT_EQ(lane.run([] {}, Mode::Request).ending, Ending::Refused);
  // ...but a delivery waits its turn, and the one past its deadline ran to its end.
  bool ran = false;
  auto waiting =
      std::async(std::launch::async, [&] { return lane.run([&] { ran = true; }, Mode::Delivery); });
  while (lane.queued() != 1) std::this_thread::yield();
  gate.opener.set_value();
  auto first = blocker.get();
  EXPECT_EQ(first.ending, Ending::Done);
  EXPECT_GE(first.elapsed, 1ms);
  EXPECT_EQ(waiting.get().ending, Ending::Done);
  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace courthub::plugins
