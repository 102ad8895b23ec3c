// SPDX-License-Identifier: Apache-2.0
// Tests load_config: the full schema, defaults, every error kind with its file:line, secrets.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "host/config/config_loader.hpp"
#include "host/config/yaml_json.hpp"

namespace courthub::config {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAdminToken = "admin-token-0123456789abcdef";
constexpr const char* kSessionSecret = "session-secret-0123456789abcdef";
constexpr const char* kAesKey = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456";  // 43
constexpr const char* kSha = "ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789";

class ConfigLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/courthub-config-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    vars_ = {{"ADMIN_TOKEN", kAdminToken}, {"SESSION_SECRET", kSessionSecret}};
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Writes `text` to dir/relative, creating folders.
  std::string write(const std::string& relative, const std::string& text) {
    fs::path p = fs::path(dir_) / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }

  Env env() const {
    return [vars = vars_](const std::string& name) -> std::optional<std::string> {
      auto it = vars.find(name);
      if (it == vars.end()) return std::nullopt;
      return it->second;
    };
  }

  LoadResult load(const std::string& text) {
    return load_config(write("courthub.yaml", text), env());
  }

  std::string file() const { return dir_ + "/courthub.yaml"; }

  // The minimum a valid file needs, for tests about other sections.
  static std::string required() {
    // Quoted: inside { } a bare ${...} would end the flow mapping at its '}'.
    return "admin: {token: \"${ADMIN_TOKEN}\"}\nsessions: {secret: \"${SESSION_SECRET}\"}\n";
  }

  static std::string all_issues(const LoadResult& r) {
    std::string out;
    for (auto& e : r.errors) out += "error: " + e.to_string() + "\n";
    for (auto& w : r.warnings) out += "warning: " + w.to_string() + "\n";
    return out;
  }

  // True when some error renders exactly as `text`.
  static bool has_error(const LoadResult& r, const std::string& text) {
    for (auto& e : r.errors)
      if (e.to_string() == text) return true;
    return false;
  }
  static bool has_warning(const LoadResult& r, const std::string& text) {
    for (auto& w : r.warnings)
      if (w.to_string() == text) return true;
    return false;
  }

  std::string dir_;
  std::map<std::string, std::string> vars_;
};

#define EXPECT_ERROR(result, text) \
  EXPECT_TRUE(has_error(result, text)) << "wanted: " << (text) << "\ngot:\n" << all_issues(result)
#define EXPECT_WARNING(result, text) \
  EXPECT_TRUE(has_warning(result, text)) << "wanted: " << (text) << "\ngot:\n" << all_issues(result)

// ---- the happy path ------------------------------------------------------------------------

TEST_F(ConfigLoaderTest, FullConfigLandsInEveryField) {
  write("seed/org.yaml", "courts: []\n");
  write("seed/people.csv", "id\n");
  write("plugins-a/attendance.so", "");
  write("plugins-b/attendance.so", "");
  write("plugins-b/rooms.so", "");
  write("custom/approvals-v2.so", "");
  vars_["APP_SECRET"] = "app-secret-value";
  vars_["CB_TOKEN"] = "callback-token";
  vars_["AES_KEY"] = kAesKey;
  vars_["ROUTE_KEY"] = "route_key-0123456789";
  vars_["ROBOT_HOOK"] = "https://oapi.dingtalk.com/robot/send?access_token=abc";
  vars_["ROBOT_SECRET"] = "SEC0123456789";
  LoadResult r = load(R"(server:
  listen: 0.0.0.0:9090
  threads: 32
  max_body_bytes: 2048
  queue_size: 512
storage:
  data_dir: data/../db/
  synchronous: normal
  busy_timeout_ms: 250
admin:
  token: ${ADMIN_TOKEN}
directory:
  seed: [seed/org.yaml, ./seed/people.csv]
sessions:
  secret: ${SESSION_SECRET}
  ttl_seconds: 3600
dingtalk:
  api_base: http://127.0.0.1:7001/
  app_key: dingappkey
  app_secret: ${APP_SECRET}
  corp_id: ding0123
  agent_id: 123456789
  callback:
    token: ${CB_TOKEN}
    aes_key: ${AES_KEY}
    owner_key: suite-key
    timestamp_window_ms: 60000
  robot:
    timestamp_window_ms: 120000
  cards:
    route_key: ${ROUTE_KEY}
  group_robots:
    - name: duty-room
      webhook: ${ROBOT_HOOK}
      secret: ${ROBOT_SECRET}
    - name: plain
      webhook: ${ROBOT_HOOK}
  outbox:
    max_attempts: 5
    robot_per_minute: 10
plugin_search_path: [plugins-a, plugins-b]
plugins:
  - name: attendance
  - name: rooms
    enabled: false
    sha256: )" + std::string(kSha) +
                      R"(
    settings:
      capacity: 12
  - name: approvals
    file: custom/approvals-v2.so
)");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_TRUE(r.warnings.empty()) << all_issues(r);
  const Config& c = *r.config;
  EXPECT_EQ(c.file, file());
  EXPECT_EQ(c.server.host, "0.0.0.0");
  EXPECT_EQ(c.server.port, 9090);
  EXPECT_EQ(c.server.threads, 32);
  EXPECT_EQ(c.server.max_body_bytes, 2048);
  EXPECT_EQ(c.server.queue_size, 512);
  EXPECT_EQ(c.storage.data_dir, dir_ + "/db");
  EXPECT_FALSE(c.storage.synchronous_full);
  EXPECT_EQ(c.storage.busy_timeout_ms, 250);
  EXPECT_EQ(c.admin.token, kAdminToken);
  EXPECT_EQ(c.directory.seed,
            (std::vector<std::string>{dir_ + "/seed/org.yaml", dir_ + "/seed/people.csv"}));
  EXPECT_EQ(c.sessions.secret, kSessionSecret);
  EXPECT_EQ(c.sessions.ttl_seconds, 3600);
  const DingTalkConfig& d = c.dingtalk;
  EXPECT_EQ(d.api_base, "http://127.0.0.1:7001");
  EXPECT_EQ(d.app_key, "dingappkey");
  EXPECT_EQ(d.app_secret, "app-secret-value");
  EXPECT_EQ(d.corp_id, "ding0123");
  EXPECT_EQ(d.agent_id, 123456789);
  EXPECT_EQ(d.callback_token, "callback-token");
  EXPECT_EQ(d.callback_aes_key, kAesKey);
  EXPECT_EQ(d.owner_key, "suite-key");
  EXPECT_EQ(d.callback_window_ms, 60000);
  EXPECT_EQ(d.robot_window_ms, 120000);
  EXPECT_EQ(d.card_route_key, "route_key-0123456789");
  ASSERT_EQ(d.group_robots.size(), 2u);
  EXPECT_EQ(d.group_robots[0].name, "duty-room");
  EXPECT_EQ(d.group_robots[0].webhook, vars_["ROBOT_HOOK"]);
  EXPECT_EQ(d.group_robots[0].secret, "SEC0123456789");
  EXPECT_EQ(d.group_robots[1].name, "plain");
  EXPECT_EQ(d.group_robots[1].secret, "");
  EXPECT_EQ(d.outbox_max_attempts, 5);
  EXPECT_EQ(d.robot_per_minute, 10);
  EXPECT_EQ(c.plugin_search_path,
            (std::vector<std::string>{dir_ + "/plugins-a", dir_ + "/plugins-b"}));
  ASSERT_EQ(c.plugins.size(), 3u);
  EXPECT_EQ(c.plugins[0].name, "attendance");
  EXPECT_TRUE(c.plugins[0].enabled);
  EXPECT_EQ(c.plugins[0].file, dir_ + "/plugins-a/attendance.so");  // first along the path
  EXPECT_EQ(c.plugins[0].sha256, "");
  EXPECT_EQ(c.plugins[0].settings, Json::object());
  EXPECT_EQ(c.plugins[0].location.line, 43);
  EXPECT_EQ(c.plugins[1].name, "rooms");
  EXPECT_FALSE(c.plugins[1].enabled);
  EXPECT_EQ(c.plugins[1].file, dir_ + "/plugins-b/rooms.so");
  EXPECT_EQ(c.plugins[1].sha256,
            "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  EXPECT_EQ(c.plugins[1].settings, Json::object({{"capacity", 12}}));
  EXPECT_EQ(c.plugins[2].file, dir_ + "/custom/approvals-v2.so");
  EXPECT_EQ(c.plugin("rooms"), &c.plugins[1]);
}

TEST_F(ConfigLoaderTest, DefaultsWhenOmitted) {
  LoadResult r = load(required());
  ASSERT_TRUE(r.ok()) << all_issues(r);
  const Config& c = *r.config;
  Config defaults;
  EXPECT_EQ(c.server.host, "127.0.0.1");
  EXPECT_EQ(c.server.port, 8080);
  EXPECT_EQ(c.server.threads, 16);
  EXPECT_EQ(c.server.max_body_bytes, 1048576);
  EXPECT_EQ(c.server.queue_size, 256);
  EXPECT_EQ(c.storage.data_dir, dir_ + "/var");  // "./var", next to the file
  EXPECT_TRUE(c.storage.synchronous_full);
  EXPECT_EQ(c.storage.busy_timeout_ms, 5000);
  EXPECT_TRUE(c.directory.seed.empty());
  EXPECT_EQ(c.sessions.ttl_seconds, 28800);
  EXPECT_EQ(c.dingtalk.app_key, "");  // no dingtalk section: DingTalk is off
  EXPECT_EQ(c.dingtalk.api_base, "https://oapi.dingtalk.com");
  EXPECT_EQ(c.dingtalk.callback_window_ms, 300000);
  EXPECT_EQ(c.dingtalk.robot_window_ms, 3600000);
  EXPECT_EQ(c.dingtalk.outbox_max_attempts, 12);
  EXPECT_EQ(c.dingtalk.robot_per_minute, 20);
  EXPECT_TRUE(c.plugin_search_path.empty());
  EXPECT_TRUE(c.plugins.empty());
  EXPECT_TRUE(r.warnings.empty()) << all_issues(r);
}

TEST_F(ConfigLoaderTest, DingTalkDefaultsAndOwnerKeyFallsBackToAppKey) {
  LoadResult r = load(required() + R"(dingtalk:
  app_key: key1
  app_secret: ${APP_SECRET:-from-default}
  corp_id: ding1
)");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  const DingTalkConfig& d = r.config->dingtalk;
  EXPECT_EQ(d.owner_key, "key1");
  EXPECT_EQ(d.agent_id, 0);
  EXPECT_EQ(d.app_secret, "from-default");
  EXPECT_EQ(d.callback_token, "");
  EXPECT_EQ(d.card_route_key, "");
  EXPECT_EQ(d.outbox_max_attempts, 12);
  EXPECT_FALSE(d.dev_login);
  EXPECT_EQ(d.mode, DingTalkConfig::Mode::kHttp);
  EXPECT_EQ(d.stream_ping_interval_ms, 30000);
  EXPECT_EQ(d.stream_pong_timeout_ms, 10000);
  EXPECT_EQ(d.stream_reconnect_min_ms, 1000);
  EXPECT_EQ(d.stream_reconnect_max_ms, 60000);
}

TEST_F(ConfigLoaderTest, DingTalkStreamModeAndItsTimers) {
  const std::string dingtalk = "dingtalk:\n  app_key: k\n  app_secret: s\n  corp_id: c\n";
  LoadResult both = load(required() + dingtalk +
                         "  mode: both\n  stream: {ping_interval_ms: 5000, pong_timeout_ms: 2000,"
                         " reconnect_min_ms: 500, reconnect_max_ms: 8000}\n");
  ASSERT_TRUE(both.ok()) << all_issues(both);
  const DingTalkConfig& d = both.config->dingtalk;
  EXPECT_EQ(d.mode, DingTalkConfig::Mode::kBoth);
  EXPECT_TRUE(d.stream());
  EXPECT_TRUE(d.http_push());
  EXPECT_EQ(d.stream_ping_interval_ms, 5000);
  EXPECT_EQ(d.stream_pong_timeout_ms, 2000);
  EXPECT_EQ(d.stream_reconnect_min_ms, 500);
  EXPECT_EQ(d.stream_reconnect_max_ms, 8000);
  LoadResult stream = load(required() + dingtalk + "  mode: stream\n");
  ASSERT_TRUE(stream.ok()) << all_issues(stream);
  EXPECT_FALSE(stream.config->dingtalk.http_push());

  LoadResult bad = load(required() + dingtalk +
                        "  mode: websocket\n  stream:\n    reconnect_min_ms: 9000\n"
                        "    reconnect_max_ms: 3000\n    ping_interval_ms: 1\n");
  EXPECT_ERROR(bad, file() + ":7: dingtalk.mode: expected http, stream or both, found "
                             "'websocket'");
  EXPECT_ERROR(bad, file() + ":11: dingtalk.stream.ping_interval_ms: must be between 100 and "
                             "3600000, found 1");
  EXPECT_ERROR(bad, file() + ":10: dingtalk.stream.reconnect_max_ms: must not be less than "
                             "reconnect_min_ms (9000)");
  LoadResult unused = load(required() + dingtalk + "  stream: {ping_interval_ms: 5000}\n");
  ASSERT_TRUE(unused.ok()) << all_issues(unused);
  EXPECT_NE(all_issues(unused).find("warning: " + file() +
                                    ":7: dingtalk.stream: is used only with dingtalk.mode: "
                                    "stream or both (the mode is http)"),
            std::string::npos)
      << all_issues(unused);
}

// The /v1.0/ API (Stream's connections/open, cards) is on api.dingtalk.com, the older one on
// oapi.dingtalk.com: with DingTalk's own api_base the v1.0 calls go to the other host; pointed at
// a double or a proxy, both follow api_base unless api_v1_base says otherwise.
TEST_F(ConfigLoaderTest, TheV1ApiIsOnItsOwnHostUnlessTheBaseIsMoved) {
  const std::string dingtalk = "dingtalk:\n  app_key: k\n  app_secret: s\n  corp_id: c\n";
  LoadResult production = load(required() + dingtalk);
  ASSERT_TRUE(production.ok()) << all_issues(production);
  EXPECT_EQ(production.config->dingtalk.api_base, "https://oapi.dingtalk.com");
  EXPECT_EQ(production.config->dingtalk.v1_base(), "https://api.dingtalk.com");
  LoadResult local = load(required() + dingtalk + "  api_base: http://127.0.0.1:9090/\n");
  ASSERT_TRUE(local.ok()) << all_issues(local);
  EXPECT_EQ(local.config->dingtalk.v1_base(), "http://127.0.0.1:9090");
  LoadResult proxied = load(required() + dingtalk +
                            "  api_base: https://oapi.court.example\n"
                            "  api_v1_base: https://api.court.example/\n");
  ASSERT_TRUE(proxied.ok()) << all_issues(proxied);
  EXPECT_EQ(proxied.config->dingtalk.v1_base(), "https://api.court.example");
  LoadResult bad = load(required() + dingtalk + "  api_v1_base: api.dingtalk.com\n");
  EXPECT_ERROR(bad, file() + ":7: dingtalk.api_v1_base: expected a URL starting with http:// or "
                             "https://, found 'api.dingtalk.com'");
}

TEST_F(ConfigLoaderTest, DevLoginIsABooleanOffByDefault) {
  const std::string dingtalk = "dingtalk:\n  app_key: k\n  app_secret: s\n  corp_id: c\n";
  LoadResult on = load(required() + dingtalk + "  dev_login: true\n");
  ASSERT_TRUE(on.ok()) << all_issues(on);
  EXPECT_TRUE(on.config->dingtalk.dev_login);
  LoadResult bad = load(required() + dingtalk + "  dev_login: sometimes\n");
  EXPECT_ERROR(bad, file() + ":7: dingtalk.dev_login: expected true or false, found 'sometimes'");
  LoadResult typo = load(required() + dingtalk + "  devlogin: true\n");
  EXPECT_FALSE(typo.ok());
  EXPECT_NE(all_issues(typo).find(file() + ":7: dingtalk.devlogin: unknown key; did you mean "
                                           "'dev_login'?"),
            std::string::npos)
      << all_issues(typo);
}

TEST_F(ConfigLoaderTest, SmsNeedsAUrlAndASecretOrIsOff) {
  LoadResult off = load(required());
  ASSERT_TRUE(off.ok()) << all_issues(off);
  EXPECT_FALSE(off.config->sms.configured());

  vars_["SMS_SECRET"] = "sms-secret-value";
  LoadResult on = load(required() +
                       "sms:\n  url: http://127.0.0.1:9090/sms/send\n  secret: ${SMS_SECRET}\n");
  ASSERT_TRUE(on.ok()) << all_issues(on);
  EXPECT_TRUE(on.config->sms.configured());
  EXPECT_EQ(on.config->sms.url, "http://127.0.0.1:9090/sms/send");
  EXPECT_EQ(on.config->sms.secret, "sms-secret-value");

  LoadResult bad = load(required() + "sms:\n  url: gateway.example\n");
  ASSERT_FALSE(bad.ok());
  std::string issues = all_issues(bad);
  EXPECT_NE(issues.find("sms.url"), std::string::npos) << issues;
  EXPECT_NE(issues.find("sms.secret"), std::string::npos) << issues;
}

TEST_F(ConfigLoaderTest, EmptySectionsMeanDefaults) {
  LoadResult r = load(required() + "server:\nstorage:\ndingtalk:\nplugins:\n");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->server.threads, 16);
  EXPECT_EQ(r.config->dingtalk.app_key, "");
}

TEST_F(ConfigLoaderTest, ScalarsAreTypedAfterExpansion) {
  vars_["PORT"] = "7000";
  vars_["EMPTY"] = "";
  LoadResult r = load(required() + R"(server:
  threads: ${T:-4}
  listen: "${HOST:-127.0.0.2}:${PORT}"
  queue_size: ${EMPTY}
  max_body_bytes: "4096"
)");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->server.threads, 4);
  EXPECT_EQ(r.config->server.host, "127.0.0.2");
  EXPECT_EQ(r.config->server.port, 7000);
  EXPECT_EQ(r.config->server.queue_size, 256);  // empty after expansion: the default
  EXPECT_EQ(r.config->server.max_body_bytes, 4096);

  vars_["T"] = "many";
  LoadResult bad = load(required() + "server:\n  threads: ${T:-4}\n");
  EXPECT_ERROR(bad, file() + ":4: server.threads: expected an integer, found 'many'");
}

TEST_F(ConfigLoaderTest, ListenAcceptsPortZeroAndIpv6) {
  LoadResult r = load(required() + "server: {listen: \"[::1]:0\"}\n");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->server.host, "::1");
  EXPECT_EQ(r.config->server.port, 0);
}

// ---- errors, each at its line --------------------------------------------------------------

TEST_F(ConfigLoaderTest, UnsetVariableIsAnErrorAtItsLine) {
  LoadResult r = load(required() + "server:\n  listen: ${LISTEN}\n");
  EXPECT_FALSE(r.config);
  EXPECT_ERROR(r, file() +
                      ":4: server.listen: environment variable LISTEN is not set (set it, or "
                      "write ${LISTEN:-default} to give a default)");
}

TEST_F(ConfigLoaderTest, UnknownKeysSuggestTheClosest) {
  LoadResult r = load(required() + R"(server:
  threds: 4
  colour: red
plugin: []
)");
  EXPECT_ERROR(r, file() +
                      ":4: server.threds: unknown key; did you mean 'threads'? allowed keys: "
                      "listen, threads, max_body_bytes, queue_size, header_timeout_ms, body_timeout_ms, "
                      "body_min_bytes_per_second, idle_timeout_ms, write_timeout_ms, "
                      "max_connections, max_connections_per_address, max_header_bytes, trusted_proxies");
  EXPECT_ERROR(r, file() +
                      ":5: server.colour: unknown key; allowed keys: "
                      "listen, threads, max_body_bytes, queue_size, header_timeout_ms, body_timeout_ms, "
                      "body_min_bytes_per_second, idle_timeout_ms, write_timeout_ms, "
                      "max_connections, max_connections_per_address, max_header_bytes, trusted_proxies");
  EXPECT_ERROR(r, file() +
                      ":6: plugin: unknown key; did you mean 'plugins'? allowed keys: server, "
                      "storage, admin, directory, calendar, sessions, dingtalk, sms, plugins, "
                      "plugin_search_path");
  EXPECT_EQ(r.errors.size(), 3u) << all_issues(r);
}

TEST_F(ConfigLoaderTest, WrongTypesSayWhatWasExpectedAndFound) {
  LoadResult r = load(required() + R"(server:
  threads: many
  listen: [1, 2]
storage: fast
plugins:
  - name: x
    enabled: yes
sessions2: 1
)");
  EXPECT_ERROR(r, file() + ":4: server.threads: expected an integer, found 'many'");
  EXPECT_ERROR(r, file() + ":5: server.listen: expected a string, found a list");
  EXPECT_ERROR(r, file() +
                      ":6: storage: expected a mapping with the keys backend, data_dir, "
                      "synchronous, busy_timeout_ms, postgres, found a scalar");
  EXPECT_ERROR(r, file() + ":9: plugins[0].enabled: expected true or false, found 'yes'");
}

TEST_F(ConfigLoaderTest, TrustedProxiesAreAddressesAndRangesAndAnythingElseIsAnError) {
  LoadResult good = load(required() + R"(server:
  trusted_proxies: ["10.0.0.0/8", 127.0.0.1, "::1", "fd00::/8"]
)");
  ASSERT_TRUE(good.ok()) << all_issues(good);
  const auto& proxies = good.config->server.trusted_proxies;
  ASSERT_EQ(proxies.size(), 4u);
  EXPECT_EQ(proxies[0].text, "10.0.0.0/8");
  EXPECT_TRUE(proxies[0].contains("10.20.30.40"));
  EXPECT_TRUE(proxies[3].contains("fd12::1"));
  EXPECT_TRUE(load(required()).config->server.trusted_proxies.empty());  // the default: none

  LoadResult bad = load(required() + R"(server:
  trusted_proxies:
    - 10.0.0.0/33
    - nginx.internal
    - [1, 2]
    - ""
)");
  const std::string expected = "expected an IP address or CIDR range (e.g. 10.0.0.0/8, "
                               "127.0.0.1, ::1), found ";
  EXPECT_ERROR(bad, file() + ":5: server.trusted_proxies[0]: " + expected + "'10.0.0.0/33'");
  EXPECT_ERROR(bad, file() + ":6: server.trusted_proxies[1]: " + expected + "'nginx.internal'");
  EXPECT_ERROR(bad, file() + ":7: server.trusted_proxies[2]: expected an IP address or CIDR "
                             "range, found a list");
  EXPECT_ERROR(bad, file() + ":8: server.trusted_proxies[3]: " + expected + "''");
  LoadResult scalar = load(required() + "server:\n  trusted_proxies: 10.0.0.1\n");
  EXPECT_ERROR(scalar, file() + ":4: server.trusted_proxies: expected a list of IP addresses or "
                                "CIDR ranges, found a scalar");
}

TEST_F(ConfigLoaderTest, OutOfRangeValues) {
  LoadResult r = load(required() + R"(server:
  threads: 300
  max_body_bytes: 100
  queue_size: 99999999999999999999
  listen: localhost:70000
storage: {busy_timeout_ms: -1, synchronous: off}
sessions: {ttl_seconds: 59}
)");
  EXPECT_ERROR(r, file() + ":4: server.threads: must be between 1 and 256, found 300");
  EXPECT_ERROR(r, file() +
                      ":5: server.max_body_bytes: must be between 1024 and 1073741824, found "
                      "100");
  EXPECT_ERROR(r, file() +
                      ":6: server.queue_size: must be between 1 and 65536, found "
                      "99999999999999999999");
  EXPECT_ERROR(r, file() +
                      ":7: server.listen: the port must be between 0 and 65535, found "
                      "'70000'");
  EXPECT_ERROR(r, file() + ":8: storage.busy_timeout_ms: must be between 0 and 600000, found -1");
  EXPECT_ERROR(r, file() + ":8: storage.synchronous: expected full or normal, found 'off'");
  // A second sessions key is a duplicate; the first one's secret still counts.
  EXPECT_ERROR(r, file() + ":9: sessions: duplicate key (first at line 2)");
}

TEST_F(ConfigLoaderTest, ListenNeedsHostAndPort) {
  LoadResult r = load(required() + "server: {listen: localhost}\n");
  EXPECT_ERROR(r, file() +
                      ":3: server.listen: expected HOST:PORT, e.g. 127.0.0.1:8080 or "
                      "0.0.0.0:8080, found 'localhost'");
}

TEST_F(ConfigLoaderTest, MissingRequiredValuesPointAtTheSection) {
  LoadResult missing_sections = load("server: {threads: 2}\n");
  EXPECT_ERROR(missing_sections,
               file() +
                   ":1: admin.token: is required (at least 16 characters, e.g. token: "
                   "${COURTHUB_ADMIN_TOKEN})");
  EXPECT_ERROR(missing_sections,
               file() +
                   ":1: sessions.secret: is required (at least 16 characters, e.g. secret: "
                   "${COURTHUB_SESSION_SECRET})");

  LoadResult empty_section = load("server: {}\n\nadmin:\nsessions:\n  ttl_seconds: 60\n");
  EXPECT_ERROR(empty_section, file() +
                                  ":3: admin.token: is required (at least 16 characters, e.g. "
                                  "token: ${COURTHUB_ADMIN_TOKEN})");
  EXPECT_ERROR(empty_section, file() +
                                  ":4: sessions.secret: is required (at least 16 characters, "
                                  "e.g. secret: ${COURTHUB_SESSION_SECRET})");
}

TEST_F(ConfigLoaderTest, DingTalkSectionRequiresItsKeys) {
  LoadResult r = load(required() + R"(dingtalk:
  api_base: ftp://example.com
  agent_id: -5
)");
  EXPECT_ERROR(r, file() +
                      ":4: dingtalk.api_base: expected a URL starting with http:// or "
                      "https://, found 'ftp://example.com'");
  EXPECT_ERROR(r, file() + ":3: dingtalk.app_key: is required (the app's AppKey / Client ID)");
  EXPECT_ERROR(r, file() +
                      ":3: dingtalk.app_secret: is required (the app's AppSecret, e.g. "
                      "app_secret: ${COURTHUB_DINGTALK_APP_SECRET})");
  EXPECT_ERROR(r,
               file() + ":3: dingtalk.corp_id: is required (the organisation's CorpId, ding...)");
  EXPECT_ERROR(r, file() + ":5: dingtalk.agent_id: must be at least 0, found -5");
}

TEST_F(ConfigLoaderTest, DingTalkCallbackCardsAndRobotsAreChecked) {
  vars_["SHORT_AES"] = "tooshort";
  vars_["ROUTE"] = "short";
  vars_["HOOK"] = "oapi.dingtalk.com/robot";
  vars_["RSEC"] = "nosec";
  LoadResult r = load(required() + R"(dingtalk:
  app_key: k
  app_secret: ${S:-x}
  corp_id: c
  callback:
    aes_key: ${SHORT_AES}
  cards:
    route_key: ${ROUTE}
  group_robots:
    - name: Duty
      webhook: ${HOOK}
      secret: ${RSEC}
    - name: a
    - name: a
      webhook: https://x
    - just-a-name
  outbox: {max_attempts: 0, robot_per_minute: 1001}
)");
  EXPECT_ERROR(r, file() +
                      ":8: dingtalk.callback.aes_key: must be exactly 43 letters and digits (the "
                      "EncodingAESKey), found 8 characters");
  EXPECT_ERROR(r, file() +
                      ":7: dingtalk.callback.token: is required when callback.aes_key is set "
                      "(give both or neither)");
  EXPECT_ERROR(r, file() +
                      ":10: dingtalk.cards.route_key: must be at least 16 characters of A-Z, "
                      "a-z, 0-9, '_' and '-', found 5 characters");
  EXPECT_ERROR(r, file() +
                      ":12: dingtalk.group_robots[0].name: must match [a-z][a-z0-9_-]* "
                      "(lowercase letters, digits, '_' and '-'), found 'Duty'");
  EXPECT_ERROR(r, file() +
                      ":13: dingtalk.group_robots[0].webhook: must be a URL starting with "
                      "http:// or https://");
  EXPECT_ERROR(r, file() +
                      ":14: dingtalk.group_robots[0].secret: must start with SEC (the signing "
                      "secret DingTalk shows for the robot)");
  EXPECT_ERROR(r, file() +
                      ":15: dingtalk.group_robots[1].webhook: is required (the robot's Webhook "
                      "address, https://...)");
  EXPECT_ERROR(r, file() +
                      ":16: dingtalk.group_robots[2].name: duplicate robot name 'a' (first at "
                      "line 15)");
  EXPECT_ERROR(r, file() +
                      ":18: dingtalk.group_robots[3]: expected a mapping with name, webhook and "
                      "secret, found a scalar");
  EXPECT_ERROR(r, file() + ":19: dingtalk.outbox.max_attempts: must be between 1 and 100, found 0");
  EXPECT_ERROR(r, file() +
                      ":19: dingtalk.outbox.robot_per_minute: must be between 1 and 1000, found "
                      "1001");
}

TEST_F(ConfigLoaderTest, CallbackTokenWithoutAesKeyIsAnError) {
  LoadResult r = load(required() + R"(dingtalk:
  app_key: k
  app_secret: ${S:-x}
  corp_id: c
  callback:
    token: ${T:-t}
)");
  EXPECT_ERROR(r, file() +
                      ":7: dingtalk.callback.aes_key: is required when callback.token is set "
                      "(give both or neither)");
}

TEST_F(ConfigLoaderTest, PluginEntriesAreChecked) {
  LoadResult r = load(required() + R"(plugins:
  - name: Attendance
  - name: rooms
    enabled: false
    sha256: abc
  - name: rooms
    enabled: false
  - attendance
  - enabled: false
  - name: approvals
    enabled: false
    settings: [1, 2]
)");
  EXPECT_ERROR(r, file() +
                      ":4: plugins[0].name: must match [a-z][a-z0-9_]* (lowercase letters, "
                      "digits and '_'), found 'Attendance'");
  EXPECT_ERROR(r, file() +
                      ":7: plugins[1].sha256: expected 64 hexadecimal characters (sha256sum of "
                      "the .so), found 'abc' (3 characters)");
  EXPECT_ERROR(r, file() + ":8: plugins[2].name: duplicate plugin 'rooms' (first at line 5)");
  EXPECT_ERROR(r, file() +
                      ":10: plugins[3]: expected a mapping with name, enabled, file, sha256, limits "
                      "and settings, found a scalar (write - name: ...)");
  EXPECT_ERROR(r, file() +
                      ":11: plugins[4].name: is required (the plugin's name, which is also its "
                      "file name without .so)");
  EXPECT_ERROR(r, file() +
                      ":14: plugins[5].settings: expected a mapping of the plugin's settings, "
                      "found a list");
}

TEST_F(ConfigLoaderTest, CalendarFilesAreResolvedAndTheirMistakesGiveFileAndLine) {
  std::string good = write("calendar/cn-2026.yaml",
                           "year: 2026\nnotice: test\nholidays:\n  - name: 元旦\n    from: 2026-01-01\n");
  std::string bad = write("calendar/cn-2027.yaml",
                          "year: 2027\nnotice: test\nholidays:\n  - name: x\n    from: 2027-02-30\n");
  LoadResult ok = load(required() + "calendar:\n  files: [calendar/cn-2026.yaml]\n");
  ASSERT_TRUE(ok.ok()) << all_issues(ok);
  EXPECT_EQ(ok.config->calendar.files, std::vector<std::string>{good});
  LoadResult r =
      load(required() + "calendar:\n  files: [calendar/cn-2026.yaml, calendar/cn-2027.yaml]\n");
  EXPECT_ERROR(r, bad + ":5: from '2027-02-30' is not a date: write YYYY-MM-DD, e.g. 2026-02-15");
}

TEST_F(ConfigLoaderTest, DocumentThatIsNotAMapping) {
  LoadResult r = load("- server\n- admin\n");
  EXPECT_FALSE(r.config);
  EXPECT_ERROR(r, file() +
                      ":1: the top level must be a mapping of sections (server, storage, admin, "
                      "directory, calendar, sessions, dingtalk, sms, plugins, plugin_search_path), "
                      "found a list");
  ASSERT_EQ(r.errors.size(), 1u) << all_issues(r);
}

TEST_F(ConfigLoaderTest, EmptyFile) {
  for (const char* text : {"", "# only a comment\n", "~\n"}) {
    LoadResult r = load(text);
    EXPECT_FALSE(r.config);
    EXPECT_ERROR(r, file() +
                        ":1: the file is empty; it needs at least the admin and sessions "
                        "sections (see docs/configuration.md)");
  }
}

TEST_F(ConfigLoaderTest, YamlSyntaxErrorNamesItsLine) {
  LoadResult r = load(required() + "server:\n  threads: [1, 2\n  listen: x\n");
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].where.file, file());
  EXPECT_EQ(r.errors[0].where.line, 5);
  EXPECT_EQ(r.errors[0].message.rfind("invalid YAML: ", 0), 0u) << r.errors[0].message;
}

TEST_F(ConfigLoaderTest, UnquotedReferenceInFlowStyleGetsAHint) {
  LoadResult r = load("admin: {token: ${ADMIN_TOKEN}}\n");
  ASSERT_EQ(r.errors.size(), 1u) << all_issues(r);
  EXPECT_NE(r.errors[0].message.find("put ${VAR} in quotes"), std::string::npos) << all_issues(r);
}

TEST_F(ConfigLoaderTest, UnreadableFile) {
  LoadResult r = load_config(dir_ + "/missing.yaml", env());
  EXPECT_FALSE(r.config);
  EXPECT_ERROR(r, dir_ + "/missing.yaml: cannot read: No such file or directory");
  LoadResult d = load_config(dir_, env());
  EXPECT_ERROR(d, dir_ + ": is a directory, not a file");
}

TEST_F(ConfigLoaderTest, DuplicateKeysAreErrors) {
  LoadResult r = load(required() + "server:\n  threads: 2\n  threads: 3\n");
  EXPECT_ERROR(r, file() + ":5: server.threads: duplicate key (first at line 4)");
}

TEST_F(ConfigLoaderTest, SeveralErrorsAreReportedAtOnceInFileOrder) {
  LoadResult r = load(R"(server:
  threads: 0
  queue_size: lots
storage:
  synchronous: sometimes
sessions:
  secret: ${SESSION_SECRET}
  ttl: 5
)");
  EXPECT_FALSE(r.config);
  ASSERT_EQ(r.errors.size(), 5u) << all_issues(r);
  std::vector<int> lines;
  for (auto& e : r.errors) lines.push_back(e.where.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 3, 5, 8})) << all_issues(r);
  EXPECT_EQ(r.errors[0].key, "admin.token");
  EXPECT_EQ(r.errors[1].key, "server.threads");
  EXPECT_EQ(r.errors[2].key, "server.queue_size");
  EXPECT_EQ(r.errors[3].key, "storage.synchronous");
  EXPECT_EQ(r.errors[4].to_string(),
            file() +
                ":8: sessions.ttl: unknown key; did you mean 'ttl_seconds'? allowed keys: "
                "secret, ttl_seconds");
}

// ---- secrets -------------------------------------------------------------------------------

TEST_F(ConfigLoaderTest, SecretsNeverAppearInMessages) {
  const std::vector<std::string> secrets = {
      "adm-SHORT1", "ses-SHORT2",         "app-SECRET-3", "cb-TOKEN-4",   "aes-KEY-5!!",
      "rk-SHORT6",  "https-HOOK-7/robot", "NOTSEC-8",     "sec${Bad-9}x", "adm2${Unfinished"};
  vars_["AES"] = secrets[4];
  vars_["HOOK"] = secrets[6];
  std::string text = "admin:\n  token: " + secrets[0] + "\nsessions:\n  secret: " + secrets[1] +
                     R"(
dingtalk:
  app_key: k
  corp_id: c
  app_secret: )" + secrets[2] +
                     R"(
  callback:
    token: )" + secrets[3] +
                     R"(
    aes_key: ${AES}
  cards:
    route_key: )" + secrets[5] +
                     R"(
  group_robots:
    - name: r1
      webhook: ${HOOK}
      secret: )" + secrets[7] +
                     R"(
    - name: r2
      webhook: https://ok
      secret: )" + secrets[8] +
                     R"(
    - name: r3
      webhook: )" + secrets[9] +
                     "\n";
  LoadResult r = load(text);
  EXPECT_FALSE(r.config);
  EXPECT_GE(r.errors.size(), 8u) << all_issues(r);
  EXPECT_GE(r.warnings.size(), 5u) << all_issues(r);
  std::string everything = all_issues(r);
  for (const std::string& secret : secrets) {
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret << " leaked in:\n"
                                                          << everything;
  }
  for (const char* fragment :
       {"SHORT", "SECRET-3", "TOKEN-4", "KEY-5", "HOOK-7", "NOTSEC", "Bad-9", "Unfinished"}) {
    EXPECT_EQ(everything.find(fragment), std::string::npos) << fragment << " leaked in:\n"
                                                            << everything;
  }
  EXPECT_ERROR(r, file() + ":2: admin.token: must be at least 16 characters, found 10");
}

TEST_F(ConfigLoaderTest, LiteralSecretsWarn) {
  LoadResult r = load(R"(admin:
  token: literal-admin-token-123456
sessions:
  secret: ${SESSION_SECRET}
dingtalk:
  app_key: k
  app_secret: ${APP_SECRET:-default-from-file}
  corp_id: c
  callback: {token: tok, aes_key: )" +
                      std::string(kAesKey) + R"(}
  cards: {route_key: abcdefghijklmnop}
  group_robots:
    - {name: duty-room, webhook: "https://x/robot", secret: SECabc}
)");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_WARNING(r, file() +
                        ":2: admin.token: is written in the file; take it from the environment, "
                        "e.g. token: ${COURTHUB_ADMIN_TOKEN}");
  EXPECT_WARNING(r, file() +
                        ":9: dingtalk.callback.token: is written in the file; take it from the "
                        "environment, e.g. token: ${COURTHUB_DINGTALK_CALLBACK_TOKEN}");
  EXPECT_WARNING(r, file() +
                        ":9: dingtalk.callback.aes_key: is written in the file; take it from the "
                        "environment, e.g. aes_key: ${COURTHUB_DINGTALK_AES_KEY}");
  EXPECT_WARNING(r, file() +
                        ":10: dingtalk.cards.route_key: is written in the file; take it from the "
                        "environment, e.g. route_key: ${COURTHUB_DINGTALK_CARD_ROUTE_KEY}");
  EXPECT_WARNING(r, file() +
                        ":12: dingtalk.group_robots[0].webhook: is written in the file; take it "
                        "from the environment, e.g. webhook: ${COURTHUB_ROBOT_DUTY_ROOM_WEBHOOK}");
  EXPECT_WARNING(r, file() +
                        ":12: dingtalk.group_robots[0].secret: is written in the file; take it "
                        "from the environment, e.g. secret: ${COURTHUB_ROBOT_DUTY_ROOM_SECRET}");
  // Secrets from ${...} (even with a default) do not warn.
  EXPECT_EQ(r.warnings.size(), 6u) << all_issues(r);
  EXPECT_EQ(r.config->admin.token, "literal-admin-token-123456");
}

// ---- paths and plugins ---------------------------------------------------------------------

TEST_F(ConfigLoaderTest, RelativePathsResolveAgainstTheFilesDirectory) {
  write("conf/seed/org.yaml", "");
  write("conf/so/x.so", "");
  LoadResult r =
      load_config(write("conf/courthub.yaml", required() + R"(storage: {data_dir: ../state}
directory: {seed: [seed/./org.yaml]}
plugin_search_path: [so/, /nonexistent-courthub-dir]
plugins: [{name: x}]
)"),
                  env());
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->file, dir_ + "/conf/courthub.yaml");
  EXPECT_EQ(r.config->storage.data_dir, dir_ + "/state");
  EXPECT_EQ(r.config->directory.seed, std::vector<std::string>{dir_ + "/conf/seed/org.yaml"});
  EXPECT_EQ(r.config->plugin_search_path,
            (std::vector<std::string>{dir_ + "/conf/so", "/nonexistent-courthub-dir"}));
  EXPECT_EQ(r.config->plugins[0].file, dir_ + "/conf/so/x.so");
  EXPECT_WARNING(r, dir_ +
                        "/conf/courthub.yaml:5: plugin_search_path[1]: no such directory: "
                        "/nonexistent-courthub-dir");
}

TEST_F(ConfigLoaderTest, MissingSeedFileIsAnError) {
  LoadResult r = load(required() + "directory:\n  seed:\n    - people.csv\n");
  EXPECT_ERROR(r, file() + ":5: directory.seed[0]: no such file: " + dir_ + "/people.csv");
}

TEST_F(ConfigLoaderTest, PluginsResolveAlongTheSearchPath) {
  write("a/other.so", "");
  write("b/x.so", "");
  LoadResult r = load(required() + "plugin_search_path: [a, b]\nplugins:\n  - name: x\n");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->plugins[0].file, dir_ + "/b/x.so");
}

TEST_F(ConfigLoaderTest, ASearchPathEntryThatExpandsToNothingIsSkipped) {
  write("b/x.so", "");
  LoadResult r = load(required() + "plugin_search_path: [\"${MINE:-}\", b]\nplugins:\n  - name: x\n");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->plugin_search_path, std::vector<std::string>{dir_ + "/b"});
  EXPECT_EQ(r.config->plugins[0].file, dir_ + "/b/x.so");
}

TEST_F(ConfigLoaderTest, ExplicitPluginFile) {
  write("lib/custom.so", "");
  LoadResult r = load(required() + "plugins:\n  - name: x\n    file: lib/custom.so\n");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->plugins[0].file, dir_ + "/lib/custom.so");

  LoadResult missing = load(required() + "plugins:\n  - name: x\n    file: lib/gone.so\n");
  EXPECT_ERROR(missing, file() + ":5: plugins[0].file: no such file: " + dir_ + "/lib/gone.so");
}

TEST_F(ConfigLoaderTest, UnknownEnabledPluginIsAnError) {
  fs::create_directories(dir_ + "/a");
  fs::create_directories(dir_ + "/b");
  LoadResult r = load(required() + "plugin_search_path: [a, b]\nplugins:\n  - name: x\n");
  EXPECT_FALSE(r.ok());
  // Only that plugin is affected: `serve` may start the rest, with x in the error state.
  EXPECT_TRUE(r.servable());
  ASSERT_TRUE(r.config);
  EXPECT_EQ(r.errors.at(0).plugin, "x");
  EXPECT_EQ(r.config->plugins.at(0).file, "");
  EXPECT_ERROR(
      r, file() + ":5: plugins[0]: unknown plugin 'x': no x.so in " + dir_ + "/a, " + dir_ + "/b");

  LoadResult no_path = load(required() + "plugins:\n  - name: x\n");
  EXPECT_ERROR(no_path, file() +
                            ":4: plugins[0]: unknown plugin 'x': no x.so in (plugin_search_path "
                            "is empty; add a directory to it or give the plugin a file:)");
}

TEST_F(ConfigLoaderTest, UnknownDisabledPluginOnlyWarns) {
  fs::create_directories(dir_ + "/a");
  LoadResult r = load(required() + R"(plugin_search_path: [a]
plugins:
  - name: x
    enabled: false
  - name: y
    enabled: false
    file: y.so
)");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->plugins[0].file, "");
  EXPECT_FALSE(r.config->plugins[0].enabled);
  EXPECT_WARNING(r, file() + ":5: plugins[0]: unknown plugin 'x': no x.so in " + dir_ +
                        "/a (the plugin is disabled)");
  EXPECT_WARNING(
      r, file() + ":9: plugins[1].file: no such file: " + dir_ + "/y.so (the plugin is disabled)");
}

// ---- plugin settings -----------------------------------------------------------------------

TEST_F(ConfigLoaderTest, SettingsAreTypedJsonWithLocations) {
  write("so/rooms.so", "");
  vars_["CAP"] = "30";
  vars_["NAME"] = "Court 1";
  LoadResult r = load(required() + R"(plugin_search_path: [so]
plugins:
  - name: rooms
    settings:
      rooms:
        - name: ${NAME}
          capacity: ${CAP}
        - name: "007"
          capacity: 8.5
      flags: {a: TRUE, b: false, c: ~, d: null, e: , f: "true"}
      numbers: [-3, +4, 1e3, .5, 99999999999999999999, 1.2.3, 0x1F]
      quoted: '12'
      block: |
        line
      "a/b~c": slash
      price: $$5
)");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  const PluginConfig& p = r.config->plugins[0];
  Json expected = Json::parse(R"({
    "rooms": [{"name": "Court 1", "capacity": 30}, {"name": "007", "capacity": 8.5}],
    "flags": {"a": true, "b": false, "c": null, "d": null, "e": null, "f": "true"},
    "numbers": [-3, 4, 1000.0, 0.5, 1e20, "1.2.3", "0x1F"],
    "quoted": "12",
    "block": "line\n",
    "a/b~c": "slash",
    "price": "$5"})");
  EXPECT_EQ(p.settings, expected) << p.settings.dump();

  auto line_of = [&](const std::string& pointer) {
    auto it = p.settings_locations.find(pointer);
    return it == p.settings_locations.end() ? -1 : it->second.line;
  };
  EXPECT_EQ(line_of(""), 6);
  EXPECT_EQ(line_of("/rooms"), 7);
  EXPECT_EQ(line_of("/rooms/0"), 8);
  EXPECT_EQ(line_of("/rooms/0/name"), 8);
  EXPECT_EQ(line_of("/rooms/0/capacity"), 9);
  EXPECT_EQ(line_of("/rooms/1/capacity"), 11);
  EXPECT_EQ(line_of("/flags/e"), 12);
  EXPECT_EQ(line_of("/numbers/6"), 13);
  EXPECT_EQ(line_of("/a~1b~0c"), 17);
  EXPECT_EQ(p.settings_locations.at("/rooms/0/capacity").file, file());
  EXPECT_EQ(p.settings_locations.at("/rooms/0/capacity").column, 11);
  EXPECT_EQ(p.location.line, 5);
}

TEST_F(ConfigLoaderTest, SettingsErrorsNameTheirKeyPath) {
  write("so/rooms.so", "");
  LoadResult r = load(required() + R"(plugin_search_path: [so]
plugins:
  - name: rooms
    settings:
      rooms:
        - capacity: ${CAPACITY}
      dup: 1
      dup: 2
)");
  EXPECT_FALSE(r.config);
  EXPECT_ERROR(r, file() +
                      ":8: plugins[0].settings.rooms[0].capacity: environment variable CAPACITY "
                      "is not set (set it, or write ${CAPACITY:-default} to give a default)");
  EXPECT_ERROR(r, file() + ":10: plugins[0].settings.dup: duplicate key (first at line 9)");
}

TEST_F(ConfigLoaderTest, LocateSettingUsesTheLongestKnownPrefix) {
  write("so/rooms.so", "");
  LoadResult r = load(required() + R"(plugin_search_path: [so]
plugins:
  - name: rooms
    settings:
      rooms:
        - name: A
          capacity: 3
  - name: bare
    file: so/rooms.so
)");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  const PluginConfig& p = r.config->plugins[0];
  EXPECT_EQ(locate_setting(p, "/rooms/0/capacity").line, 9);
  EXPECT_EQ(locate_setting(p, "/rooms/0/capacity/extra").line, 9);
  EXPECT_EQ(locate_setting(p, "/rooms/0/floor").line, 8);
  EXPECT_EQ(locate_setting(p, "/rooms/5/name").line, 7);
  EXPECT_EQ(locate_setting(p, "/rooms0").line, 6);  // whole segments only: "/rooms" ≠ "/rooms0"
  EXPECT_EQ(locate_setting(p, "/nothing").line, 6);
  EXPECT_EQ(locate_setting(p, "").line, 6);
  EXPECT_EQ(locate_setting(p, "/rooms/0/capacity").file, file());

  const PluginConfig& bare = r.config->plugins[1];
  EXPECT_EQ(bare.settings, Json::object());
  EXPECT_EQ(locate_setting(bare, "/x").line, 10);  // no settings: the plugin's entry

  PluginConfig unmapped;
  unmapped.location = Location{"f.yaml", 42, 3};
  EXPECT_EQ(locate_setting(unmapped, "/a/b").line, 42);
}

// ---- pieces --------------------------------------------------------------------------------

TEST(ConfigYamlJson, TypesPlainScalars) {
  EXPECT_EQ(type_plain_scalar(""), Json());
  EXPECT_EQ(type_plain_scalar("~"), Json());
  EXPECT_EQ(type_plain_scalar("NuLL"), Json());
  EXPECT_EQ(type_plain_scalar("True"), Json(true));
  EXPECT_EQ(type_plain_scalar("FALSE"), Json(false));
  EXPECT_EQ(type_plain_scalar("yes"), Json("yes"));
  EXPECT_EQ(type_plain_scalar("42"), Json(42));
  EXPECT_EQ(type_plain_scalar("-0042"), Json(-42));
  EXPECT_EQ(type_plain_scalar("+7"), Json(7));
  EXPECT_EQ(type_plain_scalar("9223372036854775807"), Json(int64_t{9223372036854775807}));
  EXPECT_TRUE(type_plain_scalar("9223372036854775808").is_number());
  EXPECT_FALSE(type_plain_scalar("9223372036854775808").is_number_integer());
  EXPECT_EQ(type_plain_scalar("1.5"), Json(1.5));
  EXPECT_EQ(type_plain_scalar("1."), Json(1.0));
  EXPECT_EQ(type_plain_scalar("-2.5E-3"), Json(-0.0025));
  EXPECT_EQ(type_plain_scalar("1e999"), Json("1e999"));
  EXPECT_EQ(type_plain_scalar("."), Json("."));
  EXPECT_EQ(type_plain_scalar("1e"), Json("1e"));
  EXPECT_EQ(type_plain_scalar(".inf"), Json(".inf"));
  EXPECT_EQ(type_plain_scalar("12:30"), Json("12:30"));
}

TEST(ConfigYamlJson, EscapesPointerSegments) {
  EXPECT_EQ(escape_pointer_segment("a/b~c"), "a~1b~0c");
  EXPECT_EQ(escape_pointer_segment("plain"), "plain");
}

TEST(ConfigYamlJson, ConvertsANodeWithoutAFile) {
  YAML::Node node = YAML::Load("a:\n  - 1\n  - 'x'\n  - b: ${V:-2}\n");
  ConvertedYaml out = yaml_to_json(node, Location{"mem", 1, 1},
                                   [](const std::string&) { return std::optional<std::string>(); });
  EXPECT_TRUE(out.errors.empty());
  EXPECT_EQ(out.value, Json::parse(R"({"a": [1, "x", {"b": 2}]})"));
  EXPECT_EQ(out.locations.at("/a/2/b").line, 4);
  EXPECT_EQ(out.locations.at("/a/2/b").column, 5);
  EXPECT_EQ(out.locations.at("/a/2/b").file, "mem");
}


// ---- storage.backend -----------------------------------------------------------------------

TEST_F(ConfigLoaderTest, PostgresBackendTakesItsUrlFromTheEnvironmentAndDefaultsTheRest) {
  vars_["COURTHUB_DATABASE_URL"] = "postgresql://courthub:pw@db.court.local/courthub";
  auto r = load(required() +
                "storage:\n"
                "  backend: postgres\n"
                "  postgres:\n"
                "    url: ${COURTHUB_DATABASE_URL}\n");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  const StorageConfig& s = r.config->storage;
  EXPECT_EQ(s.backend, StorageConfig::Backend::kPostgres);
  EXPECT_EQ(s.postgres.url, "postgresql://courthub:pw@db.court.local/courthub");
  EXPECT_EQ(s.postgres.schema, "courthub");
  EXPECT_EQ(s.postgres.connections, 4);
  EXPECT_EQ(s.postgres.takeover_ms, 30000);
  EXPECT_TRUE(r.warnings.empty()) << all_issues(r);

  auto custom = load(required() +
                     "storage:\n"
                     "  backend: postgres\n"
                     "  postgres: {url: \"${COURTHUB_DATABASE_URL}\", schema: court_a, "
                     "connections: 8, takeover_ms: 5000}\n");
  ASSERT_TRUE(custom.ok()) << all_issues(custom);
  EXPECT_EQ(custom.config->storage.postgres.schema, "court_a");
  EXPECT_EQ(custom.config->storage.postgres.connections, 8);
  EXPECT_EQ(custom.config->storage.postgres.takeover_ms, 5000);
}

TEST_F(ConfigLoaderTest, SqliteIsTheDefaultBackend) {
  auto r = load(required());
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_EQ(r.config->storage.backend, StorageConfig::Backend::kSqlite);
  auto named = load(required() + "storage:\n  backend: sqlite\n");
  ASSERT_TRUE(named.ok()) << all_issues(named);
  EXPECT_EQ(named.config->storage.backend, StorageConfig::Backend::kSqlite);
}

TEST_F(ConfigLoaderTest, BadStorageBackendSettingsAreErrorsWithTheirLine) {
  auto unknown = load(required() + "storage:\n  backend: mysql\n");
  EXPECT_ERROR(unknown, file() + ":4: storage.backend: expected sqlite or postgres, found 'mysql'");

  auto no_url = load(required() + "storage:\n  backend: postgres\n");
  EXPECT_ERROR(no_url, file() +
                           ":3: storage.postgres.url: is required (with backend: postgres, e.g. "
                           "url: ${COURTHUB_DATABASE_URL} holding postgresql://user@host/db)");

  vars_["COURTHUB_DATABASE_URL"] = "postgresql://127.0.0.1/x";
  auto bad = load(required() +
                  "storage:\n"
                  "  backend: postgres\n"
                  "  postgres:\n"
                  "    url: ${COURTHUB_DATABASE_URL}\n"
                  "    schema: Court-A\n"
                  "    connections: 0\n"
                  "    pool: 3\n"
                  "    takeover_ms: 10\n");
  EXPECT_ERROR(bad, file() +
                        ":7: storage.postgres.schema: expected a lower-case name of at most 40 "
                        "characters ([a-z_][a-z0-9_]*, not pg_...), found 'Court-A'");
  EXPECT_ERROR(bad, file() + ":8: storage.postgres.connections: must be between 1 and 64, found 0");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(all_issues(bad).find(":9: storage.postgres.pool"), std::string::npos)
      << all_issues(bad);
  EXPECT_ERROR(bad, file() +
                        ":10: storage.postgres.takeover_ms: must be between 1000 and 3600000, "
                        "found 10");
  // The URL is a secret: no message repeats it.
  EXPECT_EQ(all_issues(bad).find("127.0.0.1/x"), std::string::npos) << all_issues(bad);

  auto system = load(required() +
                     "storage:\n  backend: postgres\n"
                     "  postgres: {url: \"${COURTHUB_DATABASE_URL}\", schema: pg_courts}\n");
  EXPECT_FALSE(system.ok());
}

TEST_F(ConfigLoaderTest, PostgresSettingsUnderSqliteAreAWarningAndALiteralUrlToo) {
  auto r = load(required() +
                "storage:\n"
                "  postgres:\n"
                "    url: postgresql://courthub:secret@db/courthub\n");
  ASSERT_TRUE(r.ok()) << all_issues(r);
  EXPECT_WARNING(r, file() +
                        ":4: storage.postgres: is used only with backend: postgres; this host "
                        "keeps its databases in SQLite files");
  EXPECT_WARNING(r, file() +
                        ":5: storage.postgres.url: is written in the file; take it from the "
                        "environment, e.g. url: ${COURTHUB_DATABASE_URL}");
}

}  // namespace
}  // namespace courthub::config
