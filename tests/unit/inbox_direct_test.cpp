// SPDX-License-Identifier: Apache-2.0
// The inbox without a journal (what a PostgreSQL host runs): an event is in the tables when
// store() returns, the database assigns its id, and a dedup key is stored once however many
// hosts receive it at the same moment. On both engines (the direct path is engine-neutral SQL).
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "host/jobs/inbox.hpp"
#include "host/time/clock.hpp"
#include "tests/support/backend_test.hpp"

namespace courthub::jobs {
namespace {

using storage::int_of;

class DirectInbox : public testing_postgres::TwoHostsTest {
 protected:
  std::unique_ptr<Inbox> open_inbox(storage::Database& db) {
    auto inbox = Inbox::open(db, "", true, clock_, [](const std::string& topic) {
      return topic == "quiet" ? std::vector<std::string>{}
                              : std::vector<std::string>{"approvals", "@directory"};
    });
    EXPECT_TRUE(inbox.ok()) << inbox.outcome().message();
    return inbox ? std::move(*inbox) : nullptr;
  }
  int64_t count(storage::Database& db, const std::string& sql) {
    int64_t n = -1;
    EXPECT_TRUE(db.query(sql, {}, [&](const ch_str*, const ch_value* v, size_t) {
                    n = int_of(v[0]);
                    return Outcome::success();
                  }).ok());
    return n;
  }
  time::ManualClock clock_{1'750'000'000'000};
};
COURTHUB_BOTH_BACKENDS(DirectInbox);

TEST_P(DirectInbox, AStoredEventIsInTheTablesWithItsDeliveriesWhenStoreReturns) {
  auto inbox = open_inbox(*db_);
  ASSERT_TRUE(inbox);
  auto first = inbox->store("dingtalk", "user_add_org", "k1", R"({"x":1})");
  ASSERT_TRUE(first.ok()) << first.outcome().message();
  EXPECT_FALSE(first->duplicate);
  EXPECT_GT(first->id, 0);
  // Another connection (no flush, no mover): it is there already, with one delivery each.
  EXPECT_EQ(count(*other_, "SELECT COUNT(*) FROM inbox"), 1);
  EXPECT_EQ(count(*other_, "SELECT COUNT(*) FROM inbox_deliveries WHERE state = 'pending'"), 2);
  EXPECT_EQ(count(*other_, "SELECT received_ms FROM inbox"), clock_.now_ms());

  auto again = inbox->store("dingtalk", "user_add_org", "k1", R"({"x":2})");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(count(*other_, "SELECT COUNT(*) FROM inbox_deliveries"), 2) << "nothing new queued";

  auto quiet = inbox->store("dingtalk", "quiet", "k2", "{}");
  ASSERT_TRUE(quiet.ok());
  EXPECT_NE(quiet->id, first->id);
  EXPECT_EQ((*inbox->counts())["events"], 2);
  EXPECT_EQ(inbox->journal_groups(), inbox->journal_events()) << "one at a time: one each";
}

TEST_P(DirectInbox, DeliversWhatItStoredAndRecordsTheOutcome) {
  auto inbox = open_inbox(*db_);
  ASSERT_TRUE(inbox);
  ASSERT_TRUE(inbox->store("dingtalk", "user_add_org", "k1", "{}").ok());
  std::vector<std::string> seen;
  auto handler = [&](const std::string& subscriber, const InboxEvent& e) {
    seen.push_back(subscriber + ":" + e.topic);
    return HandleResult{};
  };
  EXPECT_EQ(inbox->deliver_due(handler), 2u);
  EXPECT_EQ(inbox->deliver_due(handler), 0u);
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_EQ((*inbox->counts())["done"], 2);
}

TEST_P(DirectInbox, TwoHostsReceivingTheSameEventsStoreEachOnce) {
  auto a = open_inbox(*db_);
  auto b = open_inbox(*other_);
  ASSERT_TRUE(a && b);
  // DingTalk retries an event at whichever host the balancer picks: both hosts see every key,
  // from two threads each, at once.
  constexpr int kKeys = 150;
  std::mutex mu;
  std::map<std::string, std::set<int64_t>> ids;  // key -> the ids the stores answered
  std::atomic<int> fresh{0}, failures{0};
  auto sender = [&](Inbox& inbox, int offset) {
    for (int i = 0; i < kKeys; ++i) {
      const std::string key = "evt-" + std::to_string((i + offset) % kKeys);
      auto r = inbox.store("dingtalk", "user_add_org", key, "{}");
      if (!r) {
        ++failures;
        continue;
      }
      if (!r->duplicate) ++fresh;
      std::lock_guard lock(mu);
      ids[key].insert(r->id);
    }
  };
  std::vector<std::thread> threads;
  threads.emplace_back(sender, std::ref(*a), 0);
  threads.emplace_back(sender, std::ref(*a), 37);
  threads.emplace_back(sender, std::ref(*b), 0);
  threads.emplace_back(sender, std::ref(*b), 91);
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(fresh.load(), kKeys) << "each key stored as new exactly once";
  ASSERT_EQ(ids.size(), static_cast<size_t>(kKeys));
  std::set<int64_t> distinct;
  for (auto& [key, answered] : ids) {
    EXPECT_EQ(answered.size(), 1u) << key << ": every store answered the same id";
    distinct.insert(*answered.begin());
  }
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kKeys));
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM inbox"), kKeys);
  EXPECT_EQ(count(*db_, "SELECT COUNT(*) FROM inbox_deliveries"), 2 * kKeys);
}

}  // namespace
}  // namespace courthub::jobs
