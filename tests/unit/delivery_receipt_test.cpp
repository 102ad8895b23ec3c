// SPDX-License-Identifier: Apache-2.0
// Delivery receipts (host/plugins/delivery_receipt.hpp): an event whose handler committed is not
// handed to it again when the host lost the record that the delivery was done (a kill -9
// between the two), through the runtime the server runs and the outbox_sender test plugin in
// the host's process. tests/integration/event_receipt_test.cpp shows the same for both
// isolation modes across a real restart.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "host/config/config.hpp"
#include "host/config/config_loader.hpp"
#include "host/runtime.hpp"
#include "host/time/clock.hpp"

namespace courthub {
namespace {

using storage::int_of;
using storage::int_value;
using storage::text_value;

const std::string kPlugin = "outbox_sender";
constexpr int64_t kDayMs = 24LL * 3600 * 1000;

class DeliveryReceiptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() / "receipts-XXXXXX").string();
    ASSERT_NE(mkdtemp(dir_.data()), nullptr);
    RuntimeOptions o;
    o.storage.data_dir = dir_;
    o.storage.sqlite = storage::SqliteOptions{true, 5000, 2};
    o.sync_journal = false;
    o.calendar_files = config::shipped_calendar_files();
    o.clock = &clock_;
    auto rt = Runtime::open(std::move(o));
    ASSERT_TRUE(rt.ok()) << rt.outcome().message();
    rt_ = std::move(*rt);
    config::Config cfg;
    config::PluginConfig pc;
    pc.name = kPlugin;
    pc.file = std::string(COURTHUB_TEST_PLUGIN_DIR) + "/outbox_sender.so";
    cfg.plugins.push_back(pc);
    for (auto& change : rt_->plugins().apply(cfg))
      ASSERT_NE(change.action, "failed") << change.detail;
  }
  void TearDown() override {
    rt_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  storage::Database& plugin_db() { return **rt_->services().plugin_database(kPlugin); }
  int64_t count(storage::Database& db, const std::string& sql, int64_t event_id) {
    int64_t n = -1;
    ch_value p[] = {int_value(event_id)};
    Outcome o = db.query(sql, p, [&](const ch_str*, const ch_value* v, size_t) {
      n = int_of(v[0]);
      return Outcome::success();
    });
    EXPECT_TRUE(o.ok()) << o.message();
    return n;
  }
  // The handler's effect: rows of the plugin's `seen` table for the event (not distinct ids).
  int64_t seen(int64_t id) {
    return count(plugin_db(), "SELECT COUNT(*) FROM seen WHERE event_id = ?", id);
  }
  int64_t receipts(int64_t id) {
    return count(plugin_db(), "SELECT COUNT(*) FROM courthub_deliveries WHERE event_id = ?", id);
  }
  uint64_t skipped() {
    auto all = rt_->redeliveries_skipped();
    return all.count(kPlugin) ? all.at(kPlugin) : 0;
  }
  // An event stored in the inbox, as the inbox hands it to Runtime::deliver.
  jobs::InboxEvent stored(const std::string& topic, const Json& payload) {
    auto s = rt_->inbox().store("dingtalk", topic, "k" + std::to_string(++keys_), payload.dump());
    EXPECT_TRUE(s.ok());
    jobs::InboxEvent e;
    e.id = s->id;
    e.source = "dingtalk";
    e.topic = topic;
    e.payload = payload.dump();
    e.received_ms = clock_.now_ms();
    return e;
  }

  time::ManualClock clock_{1796605200000};
  std::string dir_;
  std::unique_ptr<Runtime> rt_;
  int keys_ = 0;
};

// The inbox's own path: delivered, then the done record lost (the host died before writing it),
// then due again after the restart.
TEST_F(DeliveryReceiptTest, AHandlerThatCommittedIsNotCalledAgainWhenTheDoneRecordWasLost) {
  auto e = stored("bpms_instance_change", Json::object({{"processInstanceId", "pi-1"}}));
  auto deliver = [&](const std::string& s, const jobs::InboxEvent& ev) {
    return rt_->deliver(s, ev);
  };
  ASSERT_EQ(rt_->inbox().deliver_due(deliver), 1u);
  EXPECT_EQ(seen(e.id), 1);
  EXPECT_EQ(receipts(e.id), 1) << "the plain INSERT committed with its receipt";

  ch_value id[] = {int_value(e.id)};
  ASSERT_TRUE(rt_->host_db()
                  .query("UPDATE inbox_deliveries SET state = 'pending' WHERE event_id = ?", id)
                  .ok());
  ASSERT_EQ(rt_->inbox().deliver_due(deliver), 1u);
  EXPECT_EQ(seen(e.id), 1) << "the handler ran again";
  EXPECT_EQ(skipped(), 1u);
  EXPECT_EQ(
      count(rt_->host_db(),
            "SELECT COUNT(*) FROM inbox_deliveries WHERE state = 'done' AND event_id = ?", e.id),
      1);
}

TEST_F(DeliveryReceiptTest, ATransactionThatRollsBackLeavesNoReceiptAndTheEventComesAgain) {
  auto e = stored("receipt_probe", Json::object({{"fail_on_attempt", 1}}));
  e.attempt = 1;
  EXPECT_EQ(rt_->deliver(kPlugin, e).outcome, jobs::Handled::Retry);
  EXPECT_EQ(seen(e.id), 0);
  EXPECT_EQ(receipts(e.id), 0);

  e.attempt = 2;
  EXPECT_EQ(rt_->deliver(kPlugin, e).outcome, jobs::Handled::Done);
  EXPECT_EQ(seen(e.id), 1) << "the retry reached the handler";
  EXPECT_EQ(receipts(e.id), 1);
  EXPECT_EQ(skipped(), 0u);

  e.attempt = 3;  // the done record of attempt 2 lost
  EXPECT_EQ(rt_->deliver(kPlugin, e).outcome, jobs::Handled::Done);
  EXPECT_EQ(seen(e.id), 1);
  EXPECT_EQ(skipped(), 1u);
}

TEST_F(DeliveryReceiptTest, AHandlerThatOnlyReadsGetsNoReceiptAndStaysAtLeastOnce) {
  auto e = stored("receipt_reader", Json::object());
  EXPECT_EQ(rt_->deliver(kPlugin, e).outcome, jobs::Handled::Done);
  EXPECT_EQ(receipts(e.id), 0);
  EXPECT_EQ(rt_->deliver(kPlugin, e).outcome, jobs::Handled::Done);
  EXPECT_EQ(skipped(), 0u);
}

// A receipt older than its event names an earlier event of that id (courthub.db restored from a
// backup without the plugin's database): the event is delivered.
TEST_F(DeliveryReceiptTest, AReceiptOlderThanItsEventDoesNotCount) {
  auto e = stored("bpms_instance_change", Json::object({{"processInstanceId", "pi-2"}}));
  ch_value row[] = {int_value(e.id), int_value(e.received_ms - 1)};
  ASSERT_TRUE(
      plugin_db()
          .query("INSERT INTO courthub_deliveries(event_id, delivered_at_ms) VALUES (?, ?)", row)
          .ok());
  EXPECT_EQ(rt_->deliver(kPlugin, e).outcome, jobs::Handled::Done);
  EXPECT_EQ(seen(e.id), 1);
  EXPECT_EQ(skipped(), 0u);
}

TEST_F(DeliveryReceiptTest, ReceiptsArePrunedAfterTheirRetentionByTheHostClock) {
  auto first = stored("bpms_instance_change", Json::object({{"processInstanceId", "pi-3"}}));
  ASSERT_EQ(rt_->deliver(kPlugin, first).outcome, jobs::Handled::Done);
  ASSERT_EQ(receipts(first.id), 1);

  clock_.advance(29 * kDayMs);
  auto second = stored("bpms_instance_change", Json::object({{"processInstanceId", "pi-4"}}));
  ASSERT_EQ(rt_->deliver(kPlugin, second).outcome, jobs::Handled::Done);
  EXPECT_EQ(receipts(first.id), 1) << "29 days old: kept";

  clock_.advance(2 * kDayMs);
  auto third = stored("bpms_instance_change", Json::object({{"processInstanceId", "pi-5"}}));
  ASSERT_EQ(rt_->deliver(kPlugin, third).outcome, jobs::Handled::Done);
  EXPECT_EQ(receipts(first.id), 0) << "31 days old: pruned at the day's first delivery";
  EXPECT_EQ(receipts(second.id), 1);
  EXPECT_EQ(receipts(third.id), 1);
}

}  // namespace
}  // namespace courthub
