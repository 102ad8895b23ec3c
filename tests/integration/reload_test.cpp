// SPDX-License-Identifier: Apache-2.0
// Reconfiguration without a restart (POST /admin/reload and SIGHUP), refusal of bad files, the
// audit trail, and a graceful SIGTERM.
#include <gtest/gtest.h>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <signal.h>

#include <future>
#include <thread>

#include "host_process.hpp"

namespace courthub::it {
namespace {

std::string with_label(const std::string& label, bool hello_enabled) {
  return test_config("  - name: hello\n    enabled: " + std::string(hello_enabled ? "true" : "false") +
                     "\n  - name: throws_in_handler\n  - name: settings_checker\n    settings:\n"
                     "      rooms: [{capacity: 2}]\n      label: " + label + "\n");
}

std::string label_of(const HostProcess& host) {
  auto r = host.get("/apps/settings_checker/label", kAdminToken);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json()["label"].get<std::string>() : "";
}

bool audited(const HostProcess& host, const std::string& action, const std::string& target) {
  auto r = host.admin_get("/admin/audit?limit=200");
  for (Json doc = r.json(); auto& e : doc["entries"])
    if (e["action"].get<std::string>() == action && e["target"].get<std::string>() == target)
      return true;
  return false;
}

TEST(Reload, AdminReloadReconfiguresEnablesAndDisablesAndIsAudited) {
  HostProcess host(with_label("v1", true));
  EXPECT_EQ(label_of(host), "v1");
  EXPECT_EQ(host.post("/apps/hello/greetings", R"({"to":"a"})", kAdminToken).status, 201);

  host.rewrite_config(with_label("v2", false));
  auto r = host.admin_post("/admin/reload");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(label_of(host), "v2");
  EXPECT_EQ(host.post("/apps/hello/greetings", R"({"to":"a"})", kAdminToken).status, 404);
  EXPECT_TRUE(audited(host, "plugin.reconfigured", "settings_checker"));
  EXPECT_TRUE(audited(host, "plugin.disabled", "hello"));
  EXPECT_TRUE(audited(host, "config.reload", host.config_path()));

  // SIGHUP does the same.
  host.rewrite_config(with_label("v3", true));
  host.send_signal(SIGHUP);
  for (int i = 0; i < 200 && label_of(host) != "v3"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  EXPECT_EQ(label_of(host), "v3");
  EXPECT_EQ(host.post("/apps/hello/greetings", R"({"to":"a"})", kAdminToken).status, 201);
  EXPECT_TRUE(audited(host, "plugin.enabled", "hello"));
}

TEST(Reload, BadFileIsRefusedWithItsErrorsAndTheRunningConfigurationStays) {
  HostProcess host(with_label("v1", true));
  host.rewrite_config(with_label("v2", true) + "bogus_section: 1\n");
  auto r = host.admin_post("/admin/reload");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["error"]["code"], "invalid_config");
  EXPECT_NE(r.body.find("bogus_section"), std::string::npos);
  EXPECT_EQ(label_of(host), "v1");

  // Settings the plugin rejects are refused too, naming file:line.
  host.rewrite_config(test_config("  - name: settings_checker\n    settings:\n      rooms:\n"
                                  "        - capacity: -3\n"));
  r = host.admin_post("/admin/reload");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("courthub.yaml:17: plugins.settings_checker.settings/rooms/0/capacity"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(label_of(host), "v1");
  EXPECT_TRUE(audited(host, "config.reload", host.config_path()));
}

TEST(Reload, RequestsInFlightFinishOnTheOldInstance) {
  HostProcess host(with_label("v1", true));
  std::vector<std::future<HttpResponse>> calls;
  for (int i = 0; i < 12; ++i) {
    calls.push_back(std::async(std::launch::async, [&] {
      return host.get("/apps/throws_in_handler/slow", kAdminToken);
    }));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  host.rewrite_config(with_label("v2", true) + "");
  // Reconfigure throws_in_handler too: give it settings, so its instance is swapped.
  std::string cfg = with_label("v2", true);
  cfg.replace(cfg.find("  - name: throws_in_handler\n"), 28,
              "  - name: throws_in_handler\n    settings: {generation: 2}\n");
  host.rewrite_config(cfg);
  auto reload = host.admin_post("/admin/reload");
  EXPECT_EQ(reload.status, 200) << reload.body;
  for (auto& c : calls) EXPECT_EQ(c.get().status, 200);
}

TEST(Lifecycle, SigtermDrainsTheRequestInFlightAndExitsCleanly) {
  auto host = std::make_unique<HostProcess>(with_label("v1", true));
  auto slow = std::async(std::launch::async, [&] {
    return host->get("/apps/throws_in_handler/slow", kAdminToken);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(15));
  host->send_signal(SIGTERM);
  EXPECT_EQ(slow.get().status, 200);
  EXPECT_EQ(host->wait_exit(20000), 0);
  EXPECT_NE(host->log().find("stopped"), std::string::npos);
}

TEST(Lifecycle, SigtermClosesIdleKeepAliveConnectionsInsteadOfWaitingForThem) {
  auto host = std::make_unique<HostProcess>(with_label("v1", true));
  // One request answered, the connection kept open and idle: its worker waits for the next
  // request (for up to the 15 s keep-alive timeout) until the host stops.
  Poco::Net::StreamSocket idle(Poco::Net::SocketAddress("127.0.0.1", host->port()));
  idle.setReceiveTimeout(Poco::Timespan(20, 0));
  const std::string get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  idle.sendBytes(get.data(), static_cast<int>(get.size()));
  char buf[4096];
  int n = idle.receiveBytes(buf, sizeof buf);
  ASSERT_GT(n, 0);
  ASSERT_EQ(std::string(buf, n).rfind("HTTP/1.1 200", 0), 0u);

  host->send_signal(SIGTERM);
  EXPECT_EQ(host->wait_exit(5000), 0) << "the host waited for an idle connection";
  // The connection was closed by the host, not left to time out.
  int rest = 0;
  try {
    rest = idle.receiveBytes(buf, sizeof buf);
  } catch (const Poco::Exception&) {
    rest = -1;  // reset: closed too
  }
  EXPECT_LE(rest, 0);
}

}  // namespace
}  // namespace courthub::it
