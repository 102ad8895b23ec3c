// SPDX-License-Identifier: Apache-2.0
// Hosts sharing one PostgreSQL: delivery leases (one host at a time per subscriber, taken over
// when its holder is gone), the inbox delivering each stored event once across hosts, and the
// outbox sending each message once however many hosts poll it. Two Database handles on one
// schema stand for two hosts. The leases are plain SQL and hold on SQLite too.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "host/jobs/inbox.hpp"
#include "host/jobs/inbox_lease.hpp"
#include "host/jobs/outbox.hpp"
#include "host/storage/group_commit.hpp"
#include "host/time/clock.hpp"
#include "tests/support/backend_test.hpp"

namespace courthub::jobs {
namespace {

class SharedQueues : public testing_postgres::TwoHostsTest {
 protected:
  time::ManualClock clock_{1'750'000'000'000};
};
COURTHUB_BOTH_BACKENDS(SharedQueues);

TEST_P(SharedQueues, ALeaseHasOneHolderUntilGivenUpOrLapsed) {
  InboxLeases a(*db_, "host-a", 30000), b(*other_, "host-b", 30000);
  const int64_t t = clock_.now_ms();
  EXPECT_TRUE(*a.hold("approvals", t));
  EXPECT_FALSE(*b.hold("approvals", t + 1000)) << "a holds it";
  EXPECT_TRUE(*b.hold("rooms", t)) << "leases are per subscriber";
  EXPECT_TRUE(*a.hold("approvals", t + 20000)) << "the holder renews";
  EXPECT_FALSE(*b.hold("approvals", t + 49999)) << "renewed until t + 50 s";
  EXPECT_TRUE(*b.hold("approvals", t + 50000)) << "lapsed: a is gone";
  EXPECT_FALSE(*a.hold("approvals", t + 50001)) << "and a comes back to find it taken";
  b.release("approvals");
  EXPECT_TRUE(*a.hold("approvals", t + 50002)) << "given up: free at once";
  a.release_all();
  EXPECT_TRUE(*b.hold("approvals", t + 50003));
  EXPECT_NE(InboxLeases::new_holder(), InboxLeases::new_holder());
}

std::unique_ptr<Inbox> direct_inbox(storage::Database& db, const time::Clock& clock) {
  auto inbox = Inbox::open(db, "", true, clock, [](const std::string&) {
    return std::vector<std::string>{"approvals", "rooms"};
  });
  EXPECT_TRUE(inbox.ok()) << inbox.outcome().message();
  return inbox ? std::move(*inbox) : nullptr;
}

TEST_P(SharedQueues, TwoRunningHostsDeliverEachEventToEachSubscriberOnce) {
  auto a = direct_inbox(*db_, clock_);
  auto b = direct_inbox(*other_, clock_);
  ASSERT_TRUE(a && b);
  constexpr int kEvents = 120;
  std::mutex mu;
  std::condition_variable all_handled;
  std::map<std::pair<int64_t, std::string>, int> handled;
  std::map<std::string, int> in_handler;  // per subscriber: never two at once
  std::atomic<int> overlaps{0};
  auto handler = [&](const std::string& subscriber, const InboxEvent& e) {
    {
      std::lock_guard lock(mu);
      if (in_handler[subscriber]++ > 0) ++overlaps;
      ++handled[{e.id, subscriber}];
      if (handled.size() == static_cast<size_t>(2 * kEvents)) all_handled.notify_all();
    }
    std::this_thread::yield();
    std::lock_guard lock(mu);
    --in_handler[subscriber];
    return HandleResult{};
  };
  a->start(handler);
  b->start(handler);
  std::thread sa([&] {
    for (int i = 0; i < kEvents; i += 2)
      EXPECT_TRUE(a->store("dingtalk", "t", "e" + std::to_string(i), "{}").ok());
  });
  std::thread sb([&] {
    for (int i = 1; i < kEvents; i += 2)
      EXPECT_TRUE(b->store("dingtalk", "t", "e" + std::to_string(i), "{}").ok());
  });
  sa.join();
  sb.join();
  // The workers run on their own threads: wait (bounded) until every delivery was handled; stop()
  // then lets each worker record the batch it is in.
  {
    std::unique_lock lock(mu);
    all_handled.wait_for(lock, std::chrono::seconds(60),
                         [&] { return handled.size() >= static_cast<size_t>(2 * kEvents); });
  }
  a->stop();
  b->stop();
  EXPECT_EQ((*a->counts())["done"], 2 * kEvents);
  EXPECT_EQ(handled.size(), static_cast<size_t>(2 * kEvents));
  for (auto& [key, n] : handled) EXPECT_EQ(n, 1) << key.first << " to " << key.second;
  EXPECT_EQ(overlaps.load(), 0) << "a subscriber got two events at once";
  int64_t leases = -1;
  ASSERT_TRUE(db_->query("SELECT COUNT(*) FROM inbox_leases", {},
                         [&](const ch_str*, const ch_value* v, size_t) {
                           leases = storage::int_of(v[0]);
                           return Outcome::success();
                         }).ok());
  EXPECT_EQ(leases, 0) << "stopped hosts give their leases up";
}

TEST_P(SharedQueues, AKilledHostsSubscribersMoveOnWhenItsLeaseLapses) {
  auto b = direct_inbox(*other_, clock_);
  ASSERT_TRUE(b);
  ASSERT_TRUE(b->store("dingtalk", "t", "k", "{}").ok());
  // Host a took the approvals lease and died (no stop, no release).
  InboxLeases dead(*db_, "host-a", InboxPolicy{}.lease_ms);
  ASSERT_TRUE(*dead.hold("approvals", clock_.now_ms()));
  std::vector<std::string> seen;
  auto handler = [&](const std::string& subscriber, const InboxEvent&) {
    seen.push_back(subscriber);
    return HandleResult{};
  };
  EXPECT_EQ(b->deliver_due(handler), 1u);
  EXPECT_EQ(seen, std::vector<std::string>{"rooms"}) << "approvals waits for a's lease";
  clock_.advance(InboxPolicy{}.lease_ms);
  EXPECT_EQ(b->deliver_due(handler), 1u);
  EXPECT_EQ(seen, (std::vector<std::string>{"rooms", "approvals"}));
}

// The outbox claims only on PostgreSQL (one host owns a SQLite database).
class SharedOutbox : public SharedQueues {};
INSTANTIATE_TEST_SUITE_P(Backends, SharedOutbox,
                         ::testing::Values(storage::Dialect::kPostgres),
                         testing_postgres::backend_name);

struct CountingCourier : Courier {
  std::mutex mu;
  std::map<int64_t, int> sends;
  Delivery deliver(const OutboxMessage& m) override {
    std::lock_guard lock(mu);
    ++sends[m.id];
    return Delivery{Delivery::Result::Sent, "", 0};
  }
};

Json work_notice(int i) {
  Json text = Json::object({{"content", "第" + std::to_string(i) + "条"}});
  return Json::object({{"to", Json::object({{"users", Json::array({"u" + std::to_string(i)})}})},
                       {"msg", Json::object({{"msgtype", "text"}, {"text", text}})}});
}

TEST_P(SharedOutbox, HostsPollingTogetherSendEachMessageOnce) {
  storage::GroupCommit gc_a(*db_), gc_b(*other_);
  Outbox a(*db_, gc_a, clock_), b(*other_, gc_b, clock_);
  constexpr int kMessages = 200;
  for (int i = 0; i < kMessages; ++i) ASSERT_TRUE((i % 2 ? a : b).queue("p", work_notice(i)).ok());
  CountingCourier courier;
  auto poll = [&](Outbox& o) {
    while (o.deliver_due(courier) > 0) {
    }
  };
  std::thread ta([&] { poll(a); }), tb([&] { poll(b); }), tc([&] { poll(a); });
  ta.join();
  tb.join();
  tc.join();
  EXPECT_EQ(courier.sends.size(), static_cast<size_t>(kMessages));
  for (auto& [id, n] : courier.sends) EXPECT_EQ(n, 1) << "message " << id;
  EXPECT_EQ((*a.counts())["sent"], kMessages);
}

TEST_P(SharedOutbox, AClaimOfAKilledHostLapses) {
  storage::GroupCommit gc_a(*db_), gc_b(*other_);
  Outbox a(*db_, gc_a, clock_), b(*other_, gc_b, clock_);
  ASSERT_TRUE(a.queue("p", work_notice(1)).ok());
  // a claims the message (as its deliver_due does) and dies before sending it.
  ASSERT_TRUE(db_->query("UPDATE outbox SET next_ms = ?", std::vector<ch_value>{
      storage::int_value(clock_.now_ms() + OutboxPolicy{}.claim_ms)}).ok());
  CountingCourier courier;
  EXPECT_EQ(b.deliver_due(courier), 0u) << "claimed by a";
  clock_.advance(OutboxPolicy{}.claim_ms);
  EXPECT_EQ(b.deliver_due(courier), 1u);
  EXPECT_EQ(courier.sends.size(), 1u);
}

}  // namespace
}  // namespace courthub::jobs
