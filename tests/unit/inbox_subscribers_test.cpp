// SPDX-License-Identifier: Apache-2.0
// The inbox gives each subscriber its own delivery worker: a subscriber stuck in its handler
// delays only its own deliveries; each still gets its events once and in order.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <condition_variable>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "host/jobs/inbox.hpp"
#include "host/storage/host_schema.hpp"
#include "host/storage/migrations.hpp"
#include "host/storage/sqlite_database.hpp"
#include "host/time/clock.hpp"

namespace courthub::jobs {
namespace {

class InboxSubscribers : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "courthub-inbox-subs-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    db_ = std::move(*storage::open_sqlite(dir_ + "/host.db", {}));
    ASSERT_TRUE(storage::migrate(*db_, storage::host_migrations()).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Waits (on the condition variable the handler notifies) until `done` holds; false after a
  // 20 s, so a broken inbox fails the test instead of hanging it.
  bool wait_for(const std::function<bool()>& done) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(20), done);
  }

  std::string dir_;
  std::unique_ptr<storage::Database> db_;
  time::ManualClock clock_{1'750'000'000'000};
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, std::vector<int64_t>> seen_;  // guarded by mu_
};

TEST_F(InboxSubscribers, AStuckSubscriberDelaysOnlyItsOwnDeliveries) {
  auto opened = Inbox::open(*db_, dir_ + "/journal", false, clock_, [](const std::string&) {
    return std::vector<std::string>{"stuck", "quick"};
  });
  ASSERT_TRUE(opened.ok());
  Inbox& inbox = **opened;
  std::promise<void> unstick;
  std::shared_future<void> unstuck = unstick.get_future().share();
  inbox.start([&](const std::string& who, const InboxEvent& e) {
    if (who == "stuck") unstuck.wait();
    {
      std::lock_guard lock(mu_);
      seen_[who].push_back(e.id);
    }
    cv_.notify_all();
    return HandleResult{Handled::Done, ""};
  });
  std::vector<int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    auto stored = inbox.store("dingtalk", "user_add_org", "k" + std::to_string(i), "{}");
    ASSERT_TRUE(stored.ok());
    ids.push_back(stored->id);
  }
  // The quick subscriber gets all three while the stuck one is inside its first.
  bool quick_got_all = wait_for([&] { return seen_["quick"].size() == 3; });
  // Its outcomes are recorded after its handler returned: poll until they are.
  auto backlog = inbox.backlog();
  for (int i = 0; i < 2000 && backlog.ok() && backlog->size() != 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    backlog = inbox.backlog();
  }
  {
    std::lock_guard lock(mu_);
    EXPECT_EQ(seen_["quick"], ids);
    EXPECT_TRUE(seen_["stuck"].empty());
  }
  unstick.set_value();  // before any ASSERT: a failed test must not leave the worker stuck
  ASSERT_TRUE(quick_got_all);
  ASSERT_TRUE(backlog.ok());
  ASSERT_EQ(backlog->size(), 1u);
  EXPECT_EQ(backlog->at(0).subscriber, "stuck");
  EXPECT_EQ(backlog->at(0).pending, 3);

  ASSERT_TRUE(wait_for([&] { return seen_["stuck"].size() == 3; }));
  inbox.stop();
  {
    std::lock_guard lock(mu_);
    EXPECT_EQ(seen_["stuck"], ids);  // in order, each once
    EXPECT_EQ(seen_["quick"], ids);
  }
  auto counts = inbox.counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)["done"], 6);
  EXPECT_EQ((*counts)["pending"], 0);
  EXPECT_TRUE(inbox.backlog()->empty());
}

}  // namespace
}  // namespace courthub::jobs
