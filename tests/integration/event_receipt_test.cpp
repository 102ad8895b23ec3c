// SPDX-License-Identifier: Apache-2.0
// Delivery receipts across a real restart, with the plugin in the host's process and in a
// runner process: events whose handlers committed (a plain INSERT; a transaction) are not handed
// to them again when the host lost the record that their deliveries were done, as a kill -9
// between the handler's commit and that record leaves it. The lost record is made by hand here
// (the deliveries set back to pending while the host is down), so the test is exact;
// tests/crash/crash_test.cpp shows the same under a real kill.
#include <gtest/gtest.h>
#include <signal.h>

#include "bundled_plugins.hpp"
#include "dingtalk_client.hpp"
#include "host/storage/sqlite_database.hpp"

namespace courthub::it {
namespace {

// The skipped redeliveries /metrics counts for `plugin` (-1: no such sample).
int64_t skipped(const HostProcess& host, const std::string& plugin) {
  const std::string m = host.get("/metrics").body;
  const std::string line =
      "\ncourthub_inbox_redeliveries_skipped_total{plugin=\"" + plugin + "\"} ";
  size_t at = m.find(line);
  if (at == std::string::npos) return -1;
  return std::stoll(m.substr(at + line.size(), m.find('\n', at + 1) - at - line.size()));
}

bool drained(const HostProcess& host) {
  return host.admin_get("/admin/inbox").json()["inbox"]["pending"] == 0;
}

class EventReceipt : public ::testing::TestWithParam<std::string> {};

TEST_P(EventReceipt, AnEventWhoseHandlerCommittedIsNotHandledAgainAfterARestart) {
  auto dt = start_double();
  const std::string config =
      dingtalk_config(*dt, with_isolation("  - name: outbox_sender\n", GetParam()));
  auto first = std::make_unique<HostProcess>(config);
  const Json plugins = first->admin_get("/admin/plugins").json();  // kept: the loop reads into it
  for (auto& p : plugins["plugins"])
    EXPECT_EQ(p["isolation"]["mode"], GetParam()) << p.dump();
  // Handled by a plain INSERT (its own commit), and by one in a transaction.
  ASSERT_EQ(post_event(*first, Json::object({{"EventType", "bpms_instance_change"},
                                             {"processInstanceId", "pi-receipt"},
                                             {"corpId", kCorpId},
                                             {"type", "finish"},
                                             {"result", "agree"}}))
                .status,
            200);
  ASSERT_EQ(post_event(*first,
                       Json::object({{"EventType", "receipt_probe"},
                                     {"eventId", "receipt-1"},
                                     {"corpId", kCorpId}}),
                       0, "n2")
                .status,
            200);
  auto seen = [](const HostProcess& h) {
    return h.get("/apps/outbox_sender/seen", kAdminToken).json()["events"];
  };
  ASSERT_TRUE(eventually([&] { return seen(*first).size() == 2 && drained(*first); }))
      << seen(*first).dump();
  const std::string data = first->data_dir();
  first->send_signal(SIGTERM);
  ASSERT_GE(first->wait_exit(20000), 0);

  {
    // What a kill -9 after the handlers' commits leaves: their deliveries still pending.
    auto db = storage::open_sqlite(data + "/courthub.db", storage::SqliteOptions{});
    ASSERT_TRUE(db.ok()) << db.outcome().message();
    storage::QueryResult r;
    ASSERT_TRUE((*db)
                    ->query("UPDATE inbox_deliveries SET state = 'pending', attempts = 0, "
                            "done_ms = NULL WHERE subscriber = 'outbox_sender'",
                            {}, {}, &r)
                    .ok());
    ASSERT_EQ(r.changes, 2);
  }

  HostProcess second(config, {"--data-dir", data});
  ASSERT_TRUE(eventually([&] { return drained(second); })) << second.admin_get("/admin/inbox").body;
  EXPECT_EQ(seen(second).size(), 2u) << "a handler ran again: " << seen(second).dump();
  EXPECT_EQ(skipped(second, "outbox_sender"), 2);
  EXPECT_NE(second.log().find("handler not called again"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Isolation, EventReceipt, ::testing::Values("in_process", "process"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace courthub::it
