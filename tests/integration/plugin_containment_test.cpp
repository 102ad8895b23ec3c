// SPDX-License-Identifier: Apache-2.0
// A slow plugin cannot take the host with it (issue 17 §2): over real HTTP, with the slowpoke
// test plugin holding its calls until the test creates a file. A deadline answers 504, a full
// bulkhead 503 busy with Retry-After, the counters show in /admin/plugins and /metrics, a plugin
// that is not thread-safe queues only its own callers, and a subscriber stuck in its handler
// delays no other plugin's events.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "bundled_plugins.hpp"
#include "host_process.hpp"

namespace courthub::it {
namespace {

constexpr int64_t kClockStartMs = 1796000000000;  // 2026-11-29, a test clock
const char* kStaff = "T-BC-01-011";

std::string plugin_entry(const std::string& name, const std::string& limits) {
  return "  - name: " + name + "\n    limits: " + limits + "\n";
}

class PluginContainment : public ::testing::Test {
 protected:
  void start(const std::string& plugins_yaml) {
    host_ = std::make_unique<HostProcess>(
        test_config(plugins_yaml), std::vector<std::string>{},
        std::map<std::string, std::string>{{"COURTHUB_TEST_CLOCK_MS",
                                            std::to_string(kClockStartMs)}});
    token_ = session_token(kStaff, kClockStartMs / 1000);
    release_ = host_->dir() + "/release";
  }
  void TearDown() override {
    release();  // no plugin call outlives the test by its whole hold
    host_.reset();
  }
  void release() {
    if (!release_.empty()) std::ofstream(release_) << "go";
  }
  HttpResponse get(const std::string& path) const { return host_->get(path, token_); }
  std::future<HttpResponse> get_async(const std::string& path) const {
    return std::async(std::launch::async, [this, path] { return get(path); });
  }
  std::string hold_path(const std::string& plugin) const {
    return "/apps/" + plugin + "/hold?file=" + release_;
  }
  Json calls_of(const std::string& plugin) const {
    Json all = host_->admin_get("/admin/plugins").json();
    for (auto& p : all["plugins"])
      if (p["name"] == plugin) return p["calls"];
    return Json();
  }
  // The value of one series of /metrics, -1 when absent.
  double metric(const std::string& series) const {
    std::string text = host_->get("/metrics").body;
    size_t at = text.find("\n" + series + " ");
    if (at == std::string::npos) return -1;
    return std::stod(text.substr(at + series.size() + 2));
  }

  std::unique_ptr<HostProcess> host_;
  std::string token_;
  std::string release_;
};

TEST_F(PluginContainment, SixteenSlowCallsLeaveTheHostAndOtherPluginsAnswering) {
  start(plugin_entry("slowpoke", "{deadline_ms: 60000, max_concurrent: 2, max_queued: 2}") +
        plugin_entry("slowpoke_serial", "{deadline_ms: 60000}"));
  std::vector<std::future<HttpResponse>> slow;
  for (int i = 0; i < 16; ++i) slow.push_back(get_async(hold_path("slowpoke")));
  // Two run and two wait; the other twelve were refused at once.
  ASSERT_TRUE(eventually([&] {
    Json c = calls_of("slowpoke");
    return c["in_flight"] == 2 && c["queued"] == 2 && c["rejected"] == 12;
  })) << calls_of("slowpoke").dump();
  // Meanwhile the host and another plugin answer.
  EXPECT_EQ(host_->get("/healthz").status, 200);
  auto other = get("/apps/slowpoke_serial/quick");
  EXPECT_EQ(other.status, 200) << other.body;
  EXPECT_EQ(get("/apps/slowpoke/stats").status, 503);  // its own routes share its bulkhead

  release();
  int held = 0, busy = 0;
  for (auto& f : slow) {
    HttpResponse r = f.get();
    if (r.status == 200) {
      ++held;
      EXPECT_TRUE(r.json()["released"].get<bool>()) << r.body;
      EXPECT_LE(r.json()["max_inside"].get<int>(), 2);
    } else {
      ++busy;
      ASSERT_EQ(r.status, 503) << r.body;
      EXPECT_EQ(r.headers["Retry-After"], "1");
      EXPECT_EQ(r.json()["error"]["code"], "busy");
      EXPECT_EQ(r.json()["error"]["plugin"], "slowpoke");
    }
  }
  EXPECT_EQ(held, 4);
  EXPECT_EQ(busy, 12);
  EXPECT_TRUE(eventually([&] { return calls_of("slowpoke")["in_flight"] == 0; }));
  Json c = calls_of("slowpoke");
  EXPECT_EQ(c["completed"], 4) << c.dump();
  EXPECT_EQ(c["rejected"], 13) << c.dump();  // the twelve and /stats
  EXPECT_EQ(c["limits"]["max_concurrent"], 2);
  EXPECT_EQ(metric("courthub_plugin_rejected_total{plugin=\"slowpoke\"}"), 13);
  EXPECT_EQ(metric("courthub_plugin_calls_total{plugin=\"slowpoke\",outcome=\"rejected\"}"), 13);
  EXPECT_EQ(metric("courthub_plugin_calls_total{plugin=\"slowpoke\",outcome=\"ok\"}"), 4);
  EXPECT_EQ(metric("courthub_plugin_in_flight{plugin=\"slowpoke\"}"), 0);
}

TEST_F(PluginContainment, ACallPastItsDeadlineAnswers504AndRepeatedMissesMarkThePluginSlow) {
  start(plugin_entry("slowpoke", "{deadline_ms: 200}"));
  auto r = host_->get(hold_path("slowpoke"), token_);
  ASSERT_EQ(r.status, 504) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["error"]["code"], "deadline_exceeded");
  EXPECT_EQ(body["error"]["plugin"], "slowpoke");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("200 ms"), std::string::npos);
  EXPECT_EQ(body["request_id"], r.headers["X-Request-Id"]);
  EXPECT_FALSE(body["request_id"].get<std::string>().empty());

  Json c = calls_of("slowpoke");
  EXPECT_EQ(c["deadline_exceeded"], 1) << c.dump();
  EXPECT_EQ(c["in_flight"], 1);  // the abandoned call still runs on the plugin's lane
  EXPECT_FALSE(c["slow"].get<bool>());
  EXPECT_EQ(get(hold_path("slowpoke")).status, 504);
  EXPECT_EQ(get(hold_path("slowpoke")).status, 504);
  c = calls_of("slowpoke");
  EXPECT_EQ(c["deadline_exceeded"], 3) << c.dump();
  EXPECT_TRUE(c["slow"].get<bool>()) << c.dump();
  EXPECT_EQ(metric("courthub_plugin_deadline_exceeded_total{plugin=\"slowpoke\"}"), 3);
  EXPECT_EQ(metric("courthub_plugin_calls_total{plugin=\"slowpoke\",outcome=\"deadline_exceeded\"}"),
            3);
  EXPECT_NE(host_->log().find("plugin 'slowpoke' exceeded its deadline of 200 ms"),
            std::string::npos);

  // Released, the abandoned calls end; their results went nowhere.
  release();
  ASSERT_TRUE(eventually([&] { return calls_of("slowpoke")["late_results"] == 3; }))
      << calls_of("slowpoke").dump();
  EXPECT_EQ(calls_of("slowpoke")["in_flight"], 0);
  EXPECT_EQ(get("/apps/slowpoke/quick").status, 200);
  // Ten minutes on the host clock without a miss: no longer slow.
  auto moved = host_->admin_post("/admin/clock", Json::object({{"advance_ms", 600001}}).dump());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_FALSE(calls_of("slowpoke")["slow"].get<bool>());
}

TEST_F(PluginContainment, APluginThatIsNotThreadSafeQueuesOnlyItsOwnCallers) {
  start(plugin_entry("slowpoke_serial", "{deadline_ms: 60000, max_concurrent: 4, max_queued: 8}") +
        plugin_entry("slowpoke", "{deadline_ms: 60000}"));
  std::vector<std::future<HttpResponse>> serial;
  for (int i = 0; i < 3; ++i) serial.push_back(get_async(hold_path("slowpoke_serial")));
  ASSERT_TRUE(eventually([&] {
    Json c = calls_of("slowpoke_serial");
    return c["in_flight"] == 1 && c["queued"] == 2;
  })) << calls_of("slowpoke_serial").dump();
  EXPECT_EQ(calls_of("slowpoke_serial")["limits"]["max_concurrent"], 1);
  // The thread-safe plugin runs several at once meanwhile.
  auto a = get_async(hold_path("slowpoke"));
  auto b = get_async(hold_path("slowpoke"));
  ASSERT_TRUE(eventually([&] { return calls_of("slowpoke")["in_flight"] == 2; }))
      << calls_of("slowpoke").dump();
  EXPECT_EQ(get("/apps/slowpoke/quick").status, 200);
  EXPECT_EQ(host_->get("/healthz").status, 200);
  release();
  for (auto& f : serial) {
    HttpResponse r = f.get();
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["max_inside"], 1);
  }
  EXPECT_EQ(a.get().status, 200);
  EXPECT_EQ(b.get().status, 200);
}

TEST_F(PluginContainment, ASubscriberStuckInItsHandlerDelaysNoOtherPluginsEvents) {
  start(plugin_entry("slowpoke", "{deadline_ms: 60000}") +
        plugin_entry("slowpoke_serial", "{deadline_ms: 60000}"));
  // Both subscribe to slowpoke.ping; slowpoke's handler holds until released, the other counts.
  std::string event = Json::object({{"file", release_}}).dump();
  for (int i = 0; i < 2; ++i) {
    auto r = host_->post("/apps/slowpoke/publish", event, token_);
    ASSERT_EQ(r.status, 202) << r.body;
  }
  ASSERT_TRUE(eventually([&] {
    return get("/apps/slowpoke_serial/stats").json()["events"] == 2;
  })) << get("/apps/slowpoke_serial/stats").body;
  Json stuck = get("/apps/slowpoke/stats").json();
  EXPECT_EQ(stuck["holding_events"], 1) << stuck.dump();
  EXPECT_EQ(stuck["events"], 0);
  EXPECT_EQ(metric("courthub_inbox_backlog{subscriber=\"slowpoke\"}"), 2);
  EXPECT_EQ(metric("courthub_inbox_backlog{subscriber=\"slowpoke_serial\"}"), -1);
  EXPECT_GE(metric("courthub_inbox_oldest_age_seconds{subscriber=\"slowpoke\"}"), 0);

  // Released, it gets both, each once.
  release();
  ASSERT_TRUE(eventually([&] { return get("/apps/slowpoke/stats").json()["events"] == 2; }));
  EXPECT_TRUE(eventually([&] {
    return metric("courthub_inbox_backlog{subscriber=\"slowpoke\"}") == -1;
  }));
  EXPECT_EQ(get("/apps/slowpoke_serial/stats").json()["events"], 2);
}

TEST_F(PluginContainment, LimitsChangeByReload) {
  std::string before = plugin_entry("slowpoke", "{deadline_ms: 60000, max_queued: 1}");
  start(before);
  EXPECT_EQ(calls_of("slowpoke")["limits"]["max_queued"], 1);
  host_->rewrite_config(test_config(plugin_entry("slowpoke", "{deadline_ms: 250, max_queued: 6}")));
  auto r = host_->admin_post("/admin/reload");
  ASSERT_EQ(r.status, 200) << r.body;
  Json c = calls_of("slowpoke");
  EXPECT_EQ(c["limits"]["deadline_ms"], 250) << c.dump();
  EXPECT_EQ(c["limits"]["max_queued"], 6);
  EXPECT_EQ(get(hold_path("slowpoke")).status, 504);
  // A bad value is refused with its place in the file; the running limits stay.
  host_->rewrite_config(test_config(plugin_entry("slowpoke", "{deadline_ms: 0}")));
  r = host_->admin_post("/admin/reload");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("plugins[0].limits.deadline_ms: must be between 1 and 600000"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(calls_of("slowpoke")["limits"]["deadline_ms"], 250);
}

}  // namespace
}  // namespace courthub::it
