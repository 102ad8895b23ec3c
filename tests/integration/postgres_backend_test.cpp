// SPDX-License-Identifier: Apache-2.0
// The real host on PostgreSQL (storage.backend: postgres), over HTTP: the host's tables and each
// portable plugin's in schemas of their own, in process and in a runner; a plugin that does not
// declare portable SQL refused by name while the others serve; the data still there after a
// restart; the database URL, a secret, in no log line; and two hosts on one database sharing
// the work: each event stored and handled once, each message sent once, each job slot run once,
// and a killed host's work taken over.
#include <gtest/gtest.h>
#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "host/storage/backend.hpp"
#include "host/storage/postgres_database.hpp"
#include "dingtalk_client.hpp"
#include "host_process.hpp"
#include "tests/support/pg_rows.hpp"
#include "tests/support/test_postgres.hpp"

namespace courthub::it {
namespace {

constexpr const char* kPassword = "pg-secret-Qx7-never-logged";

class HostOnPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    COURTHUB_REQUIRE_POSTGRES(conninfo_);
    schema_ = testing_postgres::unique_schema("it");
    // The throwaway cluster trusts every local user; the password is there to be looked for.
    env_ = {{"COURTHUB_DATABASE_URL", conninfo_ + " password=" + kPassword}};
  }
  void TearDown() override {
    if (!schema_.empty())
      testing_postgres::drop_schemas(conninfo_, schema_,
                                     {"hello", "sdk_probe", "abi_minor_older", "outbox_sender"});
  }

  std::string config(const std::string& plugins) const { return on_postgres(test_config(plugins)); }
  // `yaml` (a test configuration on SQLite) with its storage moved to this test's schema.
  std::string on_postgres(std::string yaml, const std::string& more = "") const {
    const std::string sqlite = "storage:\n  data_dir: \"{DATA}\"\n";
    auto at = yaml.find(sqlite);
    EXPECT_NE(at, std::string::npos) << yaml;
    yaml.replace(at, sqlite.size(),
                 "storage:\n  backend: postgres\n  data_dir: \"{DATA}\"\n  postgres:\n"
                 "    url: ${COURTHUB_DATABASE_URL}\n    schema: " + schema_ + "\n" + more);
    return yaml;
  }

  // The integer `sql` answers in schema `schema`, read directly (not through the host).
  int64_t count(const std::string& schema, const std::string& sql) const {
    return testing_postgres::count(conninfo_, schema, sql);
  }

  std::string conninfo_, schema_;
  std::map<std::string, std::string> env_;
};

TEST_F(HostOnPostgres, PortablePluginsServeFromTheirSchemasAndTheOthersAreRefusedByName) {
  const std::string plugins =
      "  - name: hello\n"
      "  - name: sdk_probe\n    isolation: process\n"
      "  - name: abi_minor_older\n";
  int64_t first = 0;
  {
    HostProcess host(config(plugins), {}, env_);
    EXPECT_EQ(host.plugin_status("hello")["state"], "active");
    EXPECT_EQ(host.plugin_status("sdk_probe")["state"], "active");
    Json older = host.plugin_status("abi_minor_older");
    EXPECT_EQ(older["state"], "error");
    EXPECT_EQ(older["error"].get<std::string>().rfind("plugin 'abi_minor_older' (", 0), 0u)
        << older.dump();
    EXPECT_NE(older["error"].get<std::string>().find(
                  "does not declare portable SQL, and this host keeps plugin databases in "
                  "PostgreSQL (storage.backend: postgres); rebuild it against SDK 2.3"),
              std::string::npos)
        << older.dump();

    auto r = host.admin_post("/apps/hello/greetings", R"({"to": "张三"})");
    ASSERT_EQ(r.status, 201) << r.body;
    first = r.json()["id"].get<int64_t>();
    // The runner asks the host which engine it has (SDK 2.3's db_dialect across the process).
    r = host.admin_get("/apps/sdk_probe/dialect");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json(), Json::parse(R"({"dialect": "postgres", "in_transaction": "postgres"})"));
    ASSERT_EQ(host.admin_post("/apps/sdk_probe/decide", R"({"id": 4})").status, 201);

    // Nothing went to SQLite files; the rows are in the schemas.
    EXPECT_FALSE(std::filesystem::exists(host.data_dir() + "/courthub.db"));
    EXPECT_FALSE(std::filesystem::exists(host.data_dir() + "/plugins/hello.db"));
    EXPECT_EQ(count(storage::plugin_schema(schema_, "hello"), "SELECT count(*) FROM greetings"), 1);
    EXPECT_EQ(count(storage::plugin_schema(schema_, "sdk_probe"),
                    "SELECT count(*) FROM decisions WHERE id = 4"),
              1);
    EXPECT_EQ(count(schema_, "SELECT count(*) FROM outbox WHERE plugin = 'sdk_probe'"), 1);
    EXPECT_GE(count(schema_, "SELECT count(*) FROM courts"), 1);
    EXPECT_EQ(host.log().find(kPassword), std::string::npos) << host.log();
  }
  // Another host process (a restart, or the next release) on the same schemas.
  HostProcess again(config(plugins), {}, env_);
  auto r = again.admin_post("/apps/hello/greetings", R"({"to": "李四"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["id"].get<int64_t>(), first + 1);
  EXPECT_EQ(count(storage::plugin_schema(schema_, "hello"), "SELECT count(*) FROM greetings"), 2);
  EXPECT_EQ(again.log().find(kPassword), std::string::npos) << again.log();
}

Json bpms(const std::string& instance) {
  return Json::object({{"EventType", "bpms_instance_change"},
                       {"processInstanceId", instance},
                       {"corpId", kCorpId},
                       {"type", "finish"},
                       {"result", "agree"},
                       {"staffId", "T-BC-01-011"},
                       {"processCode", "PROC-LEAVE"}});
}

// Two hosts behind one balancer: DingTalk's retries, the mini-app's requests and the timer's
// slots reach either. Both run on test clocks (the same start), so a lease lapses when the test
// says, not after a sleep.
TEST_F(HostOnPostgres, TwoHostsOnOneDatabaseDoEachThingOnceAndTakeOverAKilledOnesWork) {
  auto dt = start_double();
  auto yaml_with = [&](const std::string& greeting) {
    return on_postgres(dingtalk_config(*dt, "  - name: hello\n    settings:\n      greeting: " +
                                                greeting + "\n      notify: [T-BC-01-011]\n"
                                                "  - name: outbox_sender\n"),
                       "    takeover_ms: 5000\n");
  };
  const std::string yaml = yaml_with("你好");
  auto env = env_;
  env["COURTHUB_TEST_CLOCK_MS"] = std::to_string(now_ms());
  auto a = std::make_unique<HostProcess>(yaml, std::vector<std::string>{}, env);
  HostProcess b(yaml, {}, env);
  const std::string sender = storage::plugin_schema(schema_, "outbox_sender");

  // 1. Each event reaches both hosts (the first, then DingTalk's retry through the balancer).
  constexpr int kEvents = 30;
  for (int i = 0; i < kEvents; ++i) {
    Json e = bpms("pi-" + std::to_string(i));
    ASSERT_EQ(post_event(i % 2 ? *a : b, e).status, 200);
    ASSERT_EQ(post_event(i % 2 ? b : *a, e, 0, "retrynonce").status, 200);
  }
  EXPECT_EQ(count(schema_, "SELECT count(*) FROM inbox"), kEvents) << "stored once each";
  ASSERT_TRUE(eventually([&] { return count(sender, "SELECT count(*) FROM seen") >= kEvents; }));
  EXPECT_EQ(count(sender, "SELECT count(*) FROM seen"), kEvents) << "handled once each";
  EXPECT_EQ(count(sender, "SELECT count(DISTINCT event_id) FROM seen"), kEvents);

  // 2. Messages queued through either host are sent once.
  constexpr int kMessages = 20;
  for (int i = 0; i < kMessages; ++i) {
    Json body = Json::object(
        {{"to", Json::object({{"users", Json::array({"T-BC-01-011"})}})},
         {"msg", Json::object({{"msgtype", "text"},
                               {"text", Json::object({{"content", "msg-" + std::to_string(i) +
                                                                      "-end"}})}})},
         {"key", "m" + std::to_string(i)}});
    ASSERT_EQ((i % 2 ? *a : b).admin_post("/apps/outbox_sender/send", body.dump()).status, 202);
  }
  ASSERT_TRUE(eventually([&] {
    return count(schema_, "SELECT count(*) FROM outbox WHERE state = 'sent' AND "
                          "plugin = 'outbox_sender'") == kMessages;
  }));
  const std::string notices = work_notices_to(*dt, "T-BC-01-011");
  for (int i = 0; i < kMessages; ++i) {
    const std::string text = "msg-" + std::to_string(i) + "-end";
    size_t n = 0;
    for (auto at = notices.find(text); at != std::string::npos; at = notices.find(text, at + 1))
      ++n;
    EXPECT_EQ(n, 1u) << text;
  }

  // 3. A host killed with events acknowledged: the other one takes its subscribers over once
  // their leases lapse (takeover_ms on its clock), and nothing is handled twice.
  for (int i = kEvents; i < kEvents + 10; ++i)
    ASSERT_EQ(post_event(*a, bpms("pi-" + std::to_string(i))).status, 200);
  a->send_signal(SIGKILL);
  a->wait_exit(20000);
  a.reset();
  ASSERT_EQ(b.admin_post("/admin/clock", R"({"advance_ms": 5000})").status, 200);
  ASSERT_TRUE(eventually([&] {
    b.admin_post("/admin/clock", R"({"advance_ms": 0})");  // wake its workers
    return count(sender, "SELECT count(*) FROM seen") >= kEvents + 10;
  }));
  EXPECT_EQ(count(sender, "SELECT count(*) FROM seen"), kEvents + 10);
  EXPECT_EQ(count(sender, "SELECT count(DISTINCT event_id) FROM seen"), kEvents + 10);

  // 4. A second host joins b again. A contact event, handled on whichever host holds the
  // directory's lease, reaches both hosts' directories; a reload on one host makes the others
  // re-read their own files (kept the same on every host).
  HostProcess c(yaml, {}, env);
  ASSERT_EQ(c.admin_post("/admin/clock", R"({"advance_ms": 5000})").status, 200);
  dt->add_user(Json::object({{"userid", "new-clerk"},
                             {"name", "新书记员"},
                             {"title", "书记员"},
                             {"dept_id_list", Json::array({2001})}}));
  ASSERT_EQ(post_event(b, Json::object({{"EventType", "user_add_org"},
                                        {"UserId", Json::array({"new-clerk"})},
                                        {"TimeStamp", "1700000000000"}}))
                .status,
            200);
  auto login = [&](const HostProcess& h) {
    Json code = Json::object({{"code", dt->issue_auth_code("new-clerk")}});
    return h.post("/auth/dingtalk", code.dump()).status;
  };
  EXPECT_TRUE(eventually([&] { return login(b) == 200 && login(c) == 200; }));
  // A session one host issued is good on the other (one sessions.secret).
  const std::string token =
      b.post("/auth/dingtalk",
             Json::object({{"code", dt->issue_auth_code("new-clerk")}}).dump())
          .json()["token"]
          .get<std::string>();
  EXPECT_EQ(c.post("/apps/hello/greetings", R"({"to": "王五"})", token).status, 201);
  b.rewrite_config(yaml_with("您好"));
  c.rewrite_config(yaml_with("您好"));
  auto reloaded = b.admin_post("/admin/reload");
  ASSERT_EQ(reloaded.status, 200) << reloaded.body;
  auto greet = [](const HostProcess& h) {
    return h.admin_post("/apps/hello/greetings", R"({"to": "张三"})").json()["text"];
  };
  EXPECT_EQ(greet(b), "您好，张三！");
  EXPECT_TRUE(eventually([&] { return greet(c) == "您好，张三！"; })) << c.log();
  EXPECT_NE(c.log().find("another host reloaded its configuration"), std::string::npos);

  // 5. A job slot that comes due on two hosts runs on one.
  int64_t next = -1, now_b = 0, now_c = 0;
  const Json jobs = b.admin_get("/admin/jobs").json();
  for (auto& j : jobs["jobs"])
    if (j["job"] == "daily-count") next = j["next_ms"].get<int64_t>();
  ASSERT_GT(next, 0) << jobs.dump();
  now_b = b.admin_post("/admin/clock", R"({"advance_ms": 0})").json()["now_ms"].get<int64_t>();
  now_c = c.admin_post("/admin/clock", R"({"advance_ms": 0})").json()["now_ms"].get<int64_t>();
  ASSERT_EQ(now_b, now_c);
  const std::string to_slot = "{\"advance_ms\": " + std::to_string(next - now_b) + "}";
  ASSERT_EQ(b.admin_post("/admin/clock", to_slot).status, 200);
  ASSERT_EQ(c.admin_post("/admin/clock", to_slot).status, 200);
  const std::string done = "job hello/daily-count done";
  ASSERT_TRUE(eventually([&] {
    return b.log().find(done) != std::string::npos || c.log().find(done) != std::string::npos;
  }));
  // Both timers have passed the slot once they show the next one.
  ASSERT_TRUE(eventually([&] {
    for (HostProcess* h : {&b, &c}) {
      const Json timetable = h->admin_get("/admin/jobs").json();
      for (auto& j : timetable["jobs"])
        if (j["job"] == "daily-count" && j["next_ms"].get<int64_t>() <= next) return false;
    }
    return true;
  }));
  const bool on_b = b.log().find(done) != std::string::npos;
  const bool on_c = c.log().find(done) != std::string::npos;
  EXPECT_NE(on_b, on_c) << "the slot ran on exactly one host";
  EXPECT_EQ(count(schema_, "SELECT count(*) FROM outbox WHERE plugin = 'hello' AND "
                          "message LIKE '%今日问候%'"),
            1);
  EXPECT_EQ(b.log().find(kPassword), std::string::npos);

  // 6. Admin-token guesses spread over the two hosts count as one run (last: this address then
  // waits on both).
  for (int i = 0; i < 5; ++i) {
    auto r = (i % 2 ? b : c).get("/admin/plugins", "guess-" + std::to_string(i));
    ASSERT_EQ(r.status, 401) << i << " " << r.body;
  }
  EXPECT_EQ(b.get("/admin/plugins", "guess-5").status, 429);
  EXPECT_EQ(c.get("/admin/plugins", kAdminToken).status, 429) << "not even compared";
}

// Issue 19: two hosts in Stream mode on one database. Each keeps a connection of its own and
// DingTalk spreads its pushes over them (round robin at the double); a duplicate can reach the
// other host, and what a killed host never ACKed is pushed again to the survivor. The shared
// inbox handles each event once, and a robot message runs once whichever host gets it.
TEST_F(HostOnPostgres, TwoHostsInStreamModeHandleEachEventOnceWhicheverConnectionItCameBy) {
  auto dt = start_double();
  const std::string yaml = on_postgres(
      in_stream_mode(dingtalk_config(*dt, "  - name: hello\n  - name: outbox_sender\n")),
      "    takeover_ms: 5000\n");
  auto env = env_;
  env["COURTHUB_TEST_CLOCK_MS"] = std::to_string(now_ms());
  auto a = std::make_unique<HostProcess>(yaml, std::vector<std::string>{}, env);
  HostProcess b(yaml, {}, env);
  ASSERT_TRUE(eventually([&] { return dt->stream_connections() == 2; })) << a->log() << b.log();
  const std::string sender = storage::plugin_schema(schema_, "outbox_sender");
  auto seen = [&] { return count(sender, "SELECT count(*) FROM seen"); };
  auto seen_once = [&] { return count(sender, "SELECT count(DISTINCT event_id) FROM seen"); };

  // 1. Each event pushed twice, the duplicate to the other connection.
  constexpr int kEvents = 30;
  for (int i = 0; i < kEvents; ++i) {
    const std::string id = dt->stream_push_event("bpms_instance_change",
                                                 "ev-" + std::to_string(i),
                                                 bpms("pi-" + std::to_string(i)));
    ASSERT_FALSE(dt->stream_push_again(id).empty());
  }
  ASSERT_TRUE(eventually([&] { return dt->stream_unsettled() == 0; }));
  std::set<int64_t> links;
  for (auto& ack : dt->stream_acks()) links.insert(ack["link"].get<int64_t>());
  EXPECT_EQ(links.size(), 2u) << "both connections carried events";
  EXPECT_EQ(count(schema_, "SELECT count(*) FROM inbox"), kEvents) << "stored once each";
  ASSERT_TRUE(eventually([&] { return seen() >= kEvents; }));
  EXPECT_EQ(seen(), kEvents) << "handled once each";
  EXPECT_EQ(seen_once(), kEvents);

  // 2. A robot message DingTalk delivers twice, once to each host: run once, one reply sent.
  const Json message = robot_message("hello 王五", "T-BC-01-011", "msg-pg-1",
                                     dt->base_url() + "/robot/sendBySession?session=pg");
  auto response = [&](const std::string& id) {
    const Json ack = ack_received(*dt, id);
    return ack.is_null() ? Json() : ack_response(ack["frame"]);
  };
  const std::string first = dt->stream_push_callback("/v1.0/im/bot/messages/get", message);
  ASSERT_TRUE(eventually([&] { return !response(first).is_null(); }));
  const std::string second = dt->stream_push_callback("/v1.0/im/bot/messages/get", message);
  ASSERT_TRUE(eventually([&] { return !response(second).is_null(); }));
  EXPECT_NE(ack_received(*dt, second)["link"], ack_received(*dt, first)["link"]);
  EXPECT_EQ(response(first), response(second));
  EXPECT_EQ(response(first)["markdown"]["text"], "**你好，王五！**");
  EXPECT_EQ(count(schema_, "SELECT count(*) FROM outbox WHERE idem_key = 'robot-reply:msg-pg-1'"),
            1);
  EXPECT_TRUE(eventually([&] { return calls(*dt, "/robot/sendBySession") == 1; }));

  // 3. kill -9 of one host with events in flight: the double pushes what it never ACKed to the
  // other, which takes over the killed host's inbox leases once they lapse.
  constexpr int kMore = 60;
  const size_t acked_before = dt->stream_acks().size();
  for (int i = kEvents; i < kEvents + kMore; ++i) {
    dt->stream_push_event("bpms_instance_change", "ev-" + std::to_string(i),
                          bpms("pi-" + std::to_string(i)));
    if (i == kEvents + kMore / 3) {
      ASSERT_TRUE(eventually([&] { return dt->stream_acks().size() >= acked_before + 10; }));
      a->send_signal(SIGKILL);
    }
  }
  a->wait_exit(20000);
  a.reset();
  const size_t in_flight = dt->stream_unsettled();
  ASSERT_TRUE(eventually([&] { return dt->stream_unsettled() == 0; }, 60000))
      << dt->stream_unsettled() << " not ACKed\n" << b.log();
  std::printf("[ stream   ] %zu of %d events not ACKed when host a was killed; the survivor "
              "handled all once\n",
              in_flight, kMore);
  EXPECT_EQ(dt->stream_connections(), 1u);
  ASSERT_EQ(b.admin_post("/admin/clock", R"({"advance_ms": 5000})").status, 200);
  ASSERT_TRUE(eventually([&] {
    b.admin_post("/admin/clock", R"({"advance_ms": 0})");  // wake its workers
    return seen() >= kEvents + kMore;
  })) << seen() << " of " << kEvents + kMore << " handled";
  EXPECT_EQ(seen(), kEvents + kMore);
  EXPECT_EQ(seen_once(), kEvents + kMore);
  EXPECT_EQ(count(schema_, "SELECT count(*) FROM inbox"), kEvents + kMore);
}

// An event a plugin committed just before a crash (or another host's, committed a moment ago)
// waits in the plugin's courthub_effects; a starting host hands it to the inbox only once every
// plugin has started, so a subscriber enabled after the publisher (outbox_sender after hello)
// gets it too. PostgreSQL stores an event with its deliveries at once (no journal): it used to
// be stored while hello's database opened, when outbox_sender was not running yet, and never
// reached it. The cluster test lost an approval of a booking that way.
TEST_F(HostOnPostgres, AnEventLeftInAPublishersDatabaseReachesASubscriberStartedAfterIt) {
  const std::string yaml = config("  - name: hello\n  - name: outbox_sender\n");
  { HostProcess first(yaml, {}, env_); }
  auto db = storage::open_postgres(
      storage::PostgresOptions{conninfo_, storage::plugin_schema(schema_, "hello"), 1, 5000});
  ASSERT_TRUE(db) << db.outcome().message();
  ASSERT_TRUE((*db)
                  ->query("INSERT INTO courthub_effects(kind, topic, body, idem_key) VALUES "
                          "('event', 'hello.welcomed', '{\"user_id\": \"left-behind\"}', "
                          "'welcomed:left-behind')",
                          {})
                  .ok());
  HostProcess second(yaml, {}, env_);
  ASSERT_TRUE(eventually([&] {
    return second.admin_get("/admin/inbox").json()["inbox"]["pending"] == 0 &&
           count(schema_, "SELECT count(*) FROM inbox WHERE topic = 'hello.welcomed'") == 1;
  }));
  const Json seen = second.get("/apps/outbox_sender/seen", kAdminToken).json();
  ASSERT_EQ(seen["events"].size(), 1u) << seen.dump();
  EXPECT_EQ(seen["events"][0]["payload"]["user_id"], "left-behind");
}

TEST_F(HostOnPostgres, AnUnreachableDatabaseStopsTheStartWithoutShowingTheUrl) {
  env_["COURTHUB_DATABASE_URL"] =
      std::string("host=127.0.0.1 port=1 user=courthub connect_timeout=2 password=") + kPassword;
  try {
    HostProcess host(config("  - name: hello\n"), {}, env_);
    FAIL() << "the host started without its database";
  } catch (const std::runtime_error& e) {
    std::string log = e.what();
    EXPECT_NE(log.find("PostgreSQL"), std::string::npos) << log;
    EXPECT_EQ(log.find(kPassword), std::string::npos) << log;
  }
  schema_.clear();  // nothing was created
}

}  // namespace
}  // namespace courthub::it
