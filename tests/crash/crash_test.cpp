// SPDX-License-Identifier: Apache-2.0
// kill -9 (issue 17 §4, label `crash`): the host dies under event load, or with a backlog of
// queued messages, restarts on the same data directory, and keeps its promises: every event it
// acknowledged reaches its plugin under one stable event id and takes effect there exactly once
// (a delivery the plugin committed before the kill is not handed to it again: its delivery
// receipt), and every message it accepted reaches DingTalk (the double) exactly once.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "dingtalk_client.hpp"

namespace courthub::it {
namespace {

const char* kPlugins = "  - name: outbox_sender\n";

Json bpms(const std::string& instance) {
  return Json::object({{"EventType", "bpms_instance_change"}, {"processInstanceId", instance},
                       {"corpId", kCorpId}, {"type", "finish"}, {"result", "agree"},
                       {"staffId", "T-BC-01-012"}, {"processCode", "PROC-CRASH"}});
}

// Sends from `threads` threads until the host stops answering (or `limit` each); returns what
// the host acknowledged. `send(i)` returns whether request i was acknowledged, and throws when
// the host is gone.
// The redeliveries /metrics counts as skipped for `plugin` (0 when there is no sample yet).
int64_t redeliveries_skipped(const HostProcess& host, const std::string& plugin) {
  const std::string m = host.get("/metrics").body;
  const std::string line =
      "\ncourthub_inbox_redeliveries_skipped_total{plugin=\"" + plugin + "\"} ";
  size_t at = m.find(line);
  if (at == std::string::npos) return 0;
  return std::stoll(m.substr(at + line.size(), m.find('\n', at + 1) - at - line.size()));
}

template <class Send>
std::vector<int> load_until_killed(int threads, int limit, std::atomic<int>& acked, Send send) {
  std::mutex mu;
  std::vector<int> ok;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int i = t; i < limit * threads; i += threads) {
        try {
          if (!send(i)) continue;
        } catch (...) {
          return;  // killed: this request's fate is unknown, and it was not acknowledged
        }
        std::lock_guard lock(mu);
        ok.push_back(i);
        ++acked;
      }
    });
  }
  for (auto& th : pool) th.join();
  return ok;
}

TEST(Crash, EveryAcknowledgedEventIsStoredOnceAndReachesItsPluginAfterAKillUnderLoad) {
  auto dt = start_double();
  const std::string config = dingtalk_config(*dt, kPlugins);
  auto host = std::make_unique<HostProcess>(config);
  std::atomic<int> acked{0};
  std::thread killer([&] {
    // Kill mid-stream, once a good number are acknowledged (or after 20 s whatever the count).
    eventually([&] { return acked.load() >= 1500; }, 20000);
    host->send_signal(SIGKILL);
  });
  std::vector<int> ok = load_until_killed(4, 100000, acked, [&](int i) {
    auto r = post_event(*host, bpms("pi-crash-" + std::to_string(i)), 0, "n" + std::to_string(i));
    return r.status == 200;
  });
  killer.join();
  ASSERT_GT(ok.size(), 100u);
  host->wait_exit(20000);
  const std::string data = host->data_dir();

  HostProcess second(config, {"--data-dir", data});
  std::map<std::string, std::set<int64_t>> ids;  // processInstanceId -> event ids delivered
  std::map<std::string, int> effects;  // processInstanceId -> rows the plugin wrote for it
  size_t rows = 0;
  auto delivered = [&] {
    ids.clear();
    effects.clear();
    Json doc = second.get("/apps/outbox_sender/seen", kAdminToken).json();
    rows = doc["events"].size();
    for (auto& e : doc["events"]) {
      const std::string pi = e["payload"]["processInstanceId"].get<std::string>();
      ids[pi].insert(e["event_id"].get<int64_t>());
      ++effects[pi];
    }
    for (int i : ok)
      if (!ids.count("pi-crash-" + std::to_string(i))) return false;
    // Events stored from requests cut short by the kill are delivered too: wait for all.
    return second.admin_get("/admin/inbox").json()["inbox"]["pending"] == 0 &&
           rows == second.get("/apps/outbox_sender/seen", kAdminToken).json()["events"].size();
  };
  ASSERT_TRUE(eventually(delivered, 60000)) << ok.size() << " acknowledged, " << ids.size()
                                            << " delivered";
  // Stored once: one event id per acknowledged event, and nothing stored twice.
  for (auto& [pi, event_ids] : ids) EXPECT_EQ(event_ids.size(), 1u) << pi;
  // Handled once: the plugin's row of each event exists once, also for the events whose
  // delivery was under way at the kill.
  for (auto& [pi, n] : effects) EXPECT_EQ(n, 1) << pi << ": the plugin's effect, " << n << " times";
  EXPECT_EQ(rows, ids.size());
  EXPECT_EQ(second.admin_get("/admin/inbox").json()["inbox"]["events"].get<size_t>(), ids.size());
  // DingTalk's retries of acknowledged events stay duplicates after the crash.
  for (size_t k = 0; k < ok.size(); k += ok.size() / 10 + 1) {
    std::string pi = "pi-crash-" + std::to_string(ok[k]);
    ASSERT_EQ(post_event(second, bpms(pi), 0, "retry").status, 200);
  }
  EXPECT_EQ(second.admin_get("/admin/inbox").json()["inbox"]["events"].get<size_t>(), ids.size());
  std::printf(
      "[ crash    ] %zu events acknowledged before kill -9, %zu stored (the rest were "
      "in flight), each handled once; %lld redeliveries after the restart skipped on "
      "their receipt\n",
      ok.size(), ids.size(), static_cast<long long>(redeliveries_skipped(second, "outbox_sender")));
}

TEST(Crash, EveryQueuedMessageReachesDingTalkOnceAfterAKillWithABacklog) {
  std::atomic<int64_t> clock_ms{now_ms()};
  auto dt = start_double(20, [&] { return clock_ms.load(); });
  const std::string config = dingtalk_config(*dt, kPlugins);
  auto env = [&] {
    return std::map<std::string, std::string>{{"COURTHUB_TEST_CLOCK_MS",
                                               std::to_string(clock_ms.load())}};
  };
  auto host = std::make_unique<HostProcess>(config, std::vector<std::string>{}, env());
  dt->set_down(true);  // DingTalk refuses: every message stays queued
  std::atomic<int> acked{0};
  std::thread killer([&] {
    eventually([&] { return acked.load() >= 400; }, 20000);
    host->send_signal(SIGKILL);
  });
  auto message = [](int i) {
    return Json::object(
        {{"to", Json::object({{"users", Json::array({"T-BC-01-011"})}})},
         {"msg", Json::object({{"msgtype", "text"},
                               {"text", Json::object({{"content", "crash-msg-" + std::to_string(i) + "."}})}})},
         {"key", "crash-" + std::to_string(i)}});
  };
  std::vector<int> ok = load_until_killed(4, 5000, acked, [&](int i) {
    return host->post("/apps/outbox_sender/send", message(i).dump(), kAdminToken).status == 202;
  });
  killer.join();
  ASSERT_GT(ok.size(), 50u);
  host->wait_exit(20000);
  const std::string data = host->data_dir();

  dt->reset();  // DingTalk is back, and forgets the refused attempts
  clock_ms += 60 * 60'000;  // an hour later: every retry is due
  HostProcess second(config, {"--data-dir", data}, env());
  auto sent_counts = [&] {
    std::map<std::string, int> counts;
    for (auto& r : dt->requests("/topapi/message/corpconversation/asyncsend_v2")) {
      std::string body = r["body"].dump();
      size_t at = body.find("crash-msg-");
      if (at != std::string::npos) ++counts[body.substr(at, body.find('.', at) - at)];
    }
    return counts;
  };
  ASSERT_TRUE(eventually([&] {
    auto c = second.admin_get("/admin/outbox").json()["outbox"];
    return c["pending"] == 0;
  }, 60000)) << second.admin_get("/admin/outbox").body;
  auto counts = sent_counts();
  for (int i : ok) EXPECT_EQ(counts["crash-msg-" + std::to_string(i)], 1) << i;
  for (auto& [marker, n] : counts) EXPECT_EQ(n, 1) << marker;  // in-flight ones too: at most once
  std::printf("[ crash    ] %zu messages accepted before kill -9, %zu delivered after the restart, "
              "each once\n", ok.size(), counts.size());
}

}  // namespace
}  // namespace courthub::it
