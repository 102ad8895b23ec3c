// SPDX-License-Identifier: Apache-2.0
// Three hosts on one PostgreSQL behind nginx (issue 18 §3, labels `crash` and `postgres`), as
// docs/operations.md lays a deployment out. Clients drive them through the balancer at once:
// DingTalk events (and DingTalk's retries of them), bookings racing for the same slots, bookings
// of an approval room, leave approvals walked through their steps, and outbox messages queued
// while DingTalk refuses. Mid-run one host is killed with SIGKILL and later restarted on its
// port and data directory. Afterwards: every acknowledged event was handled exactly once, every
// accepted message reached DingTalk exactly once, no two live bookings of a room overlap and
// none that was confirmed to its client is gone, and every approval ends with each of its steps
// done once. The hosts run on test clocks (frozen, the same start); the test moves them on.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "bundled_plugins.hpp"
#include "dingtalk_client.hpp"
#include "nginx_balancer.hpp"
#include "tests/support/pg_rows.hpp"
#include "tests/support/test_postgres.hpp"

namespace courthub::it {
namespace {

// Monday 2026-12-07 09:00:00 +08:00: every host's test clock starts here.
constexpr int64_t kStart = 1796605200000;
constexpr int64_t kHour = 3'600'000;
constexpr int kHosts = 3;
const char* const kCourtAdmin = "T-BC-01-021";  // approves t-102's bookings
const std::vector<std::string> kBookers = {"T-BC-01-011", "T-BC-01-012", "T-BC-01-013"};
const std::vector<std::string> kLeaveTakers = {"T-BC-01-011", "T-BC-01-012"};

Json bpms(const std::string& instance) {
  return Json::object({{"EventType", "bpms_instance_change"}, {"processInstanceId", instance},
                       {"corpId", kCorpId}, {"type", "finish"}, {"result", "agree"},
                       {"staffId", "T-BC-01-012"}, {"processCode", "PROC-CLUSTER"}});
}

// What the clients were told, collected from every driver thread.
struct Ledger {
  std::mutex mu;
  std::vector<std::string> events;     // processInstanceIds acknowledged (200)
  std::vector<int> messages;           // outbox messages accepted (202)
  std::vector<int64_t> bookings;       // t-101 bookings confirmed to their organizer (201)
  std::vector<int64_t> approval_bookings;  // t-102 bookings accepted for approval (201)
  std::vector<int64_t> leaves;         // leave instances submitted (201)
  std::atomic<int> event_count{0};
  std::atomic<int> unanswered{0};      // calls that got no answer or a 5xx (the killed host)
  std::string odd;                     // the first answer no client expected (4xx but 409)
};

class Cluster : public ::testing::Test {
 protected:
  void SetUp() override {
    COURTHUB_REQUIRE_POSTGRES(conninfo_);
    if (NginxBalancer::binary().empty()) FAIL() << "nginx is not installed (./dev setup does)";
    schema_ = testing_postgres::unique_schema("cluster");
    dt_ = start_double();
    dt_->set_down(true);  // DingTalk refuses at first: the messages queue up
    yaml_ = dingtalk_config(*dt_, "  - name: outbox_sender\n" + kRoomsWithApproval +
                                      approvals_demo());
    const std::string sqlite = "storage:\n  data_dir: \"{DATA}\"\n";
    yaml_.replace(yaml_.find(sqlite), sqlite.size(),
                  "storage:\n  backend: postgres\n  data_dir: \"{DATA}\"\n  postgres:\n"
                  "    url: ${COURTHUB_DATABASE_URL}\n    schema: " + schema_ +
                      "\n    takeover_ms: 5000\n");
    const std::string threads = "  threads: 8\n";
    yaml_.replace(yaml_.find(threads), threads.size(),
                  threads + "  trusted_proxies: [127.0.0.1]\n");
    for (int i = 0; i < kHosts; ++i) hosts_.push_back(start_host(yaml_));
    std::vector<uint16_t> ports;
    for (auto& h : hosts_) ports.push_back(h->port());
    nginx_ = std::make_unique<NginxBalancer>(ports);
  }
  void TearDown() override {
    nginx_.reset();
    hosts_.clear();
    retired_.clear();
    // COURTHUB_KEEP_TEST_DIRS keeps the schemas too, for a look after a failure.
    if (!schema_.empty() && !std::getenv("COURTHUB_KEEP_TEST_DIRS"))
      testing_postgres::drop_schemas(conninfo_, schema_, {"outbox_sender", "rooms", "approvals"});
  }

  std::unique_ptr<HostProcess> start_host(const std::string& yaml,
                                          std::vector<std::string> args = {}) {
    return std::make_unique<HostProcess>(
        yaml, std::move(args),
        std::map<std::string, std::string>{
            {"COURTHUB_DATABASE_URL", conninfo_},
            {"COURTHUB_TEST_CLOCK_MS", std::to_string(clock_ms_.load())}});
  }

  // A call through the balancer as `user` (a session issued on the hosts' clock), or as the
  // administrator when `user` is empty. Status 0 when no answer came.
  HttpResponse call(const std::string& method, const std::string& path, const Json& body,
                    const std::string& user) const {
    const std::string bearer =
        user.empty() ? std::string(kAdminToken) : session_token(user, clock_ms_ / 1000);
    try {
      return http(nginx_->port(), method, path, body.is_null() ? "" : body.dump(),
                  {{"Authorization", "Bearer " + bearer}});
    } catch (const std::exception&) {
      return HttpResponse{};
    }
  }
  HttpResponse event(const std::string& instance, const std::string& nonce) const {
    try {
      SignedEvent e = sign_event(bpms(instance), clock_ms_, nonce);
      return http(nginx_->port(), "POST", e.path(), e.body());
    } catch (const std::exception&) {
      return HttpResponse{};
    }
  }
  // Moves every live host's clock on by `ms`.
  void advance(int64_t ms) {
    clock_ms_ += ms;
    for (auto& h : hosts_) {
      auto r = h->admin_post("/admin/clock", Json::object({{"advance_ms", ms}}).dump());
      ASSERT_EQ(r.status, 200) << r.body;
    }
  }
  bool drained() const {
    for (auto& h : hosts_) h->admin_post("/admin/clock", R"({"advance_ms": 0})");  // wake them
    return hosts_[0]->admin_get("/admin/inbox").json()["inbox"]["pending"] == 0 &&
           hosts_[0]->admin_get("/admin/outbox").json()["outbox"]["pending"] == 0;
  }
  int64_t count(const std::string& plugin, const std::string& sql) const {
    return testing_postgres::count(conninfo_, storage::plugin_schema(schema_, plugin), sql);
  }

  // Walks leave instance `id` to its end: each open task agreed by its assignee, a step whose
  // answer was lost (the killed host) looked up again rather than assumed.
  Json walk_leave(int64_t id) const {
    const std::string path = "/apps/approvals/instances/" + std::to_string(id);
    for (int attempt = 0; attempt < 40; ++attempt) {
      auto got = call("GET", path, nullptr, kLeaveTakers[0]);
      if (got.status != 200) {
        got = call("GET", path, nullptr, kLeaveTakers[1]);
        if (got.status != 200) continue;
      }
      Json instance = got.json();
      if (instance["status"] != "RUNNING") return instance;
      for (auto& task : instance["tasks"]) {
        if (task["status"] != "RUNNING") continue;
        call("POST", path + "/actions",
             Json::object({{"action", "agree"}, {"task_id", task["id"]}}),
             task["user_id"].get<std::string>());
        break;
      }
    }
    return Json::object();
  }

  // The court administrator agrees to every approval task they have; returns how many there
  // were (-1 when the list did not come).
  int agree_court_admin_tasks() const {
    auto tasks = call("GET", "/apps/approvals/tasks?status=pending&limit=100", nullptr,
                      kCourtAdmin);
    if (tasks.status != 200) return -1;
    const Json pending = tasks.json();
    for (auto& item : pending["items"]) {
      call("POST",
           "/apps/approvals/instances/" + std::to_string(item["instance"]["id"].get<int64_t>()) +
               "/actions",
           Json::object({{"action", "agree"}, {"task_id", item["task"]["id"]}}), kCourtAdmin);
    }
    return static_cast<int>(pending["items"].size());
  }

  std::string conninfo_, schema_, yaml_;
  std::atomic<int64_t> clock_ms_{kStart};
  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::vector<std::unique_ptr<HostProcess>> hosts_;
  std::vector<std::unique_ptr<HostProcess>> retired_;  // killed; their folders kept until the end
  std::unique_ptr<NginxBalancer> nginx_;
};

TEST_F(Cluster, ThreeHostsBehindNginxLoseAndDoubleNothingWhenOneIsKilledAndRestarted) {
  Ledger ledger;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  auto noted = [&](const HttpResponse& r) {
    if (r.status == 0 || r.status >= 500) ++ledger.unanswered;
    if (r.status >= 400 && r.status < 500 && r.status != 409) {
      std::lock_guard lock(ledger.mu);
      if (ledger.odd.empty()) ledger.odd = std::to_string(r.status) + " " + r.body;
    }
  };

  // DingTalk: events, each retried once through the balancer (so most often to another host).
  for (int t = 0; t < 2; ++t) {
    clients.emplace_back([&, t] {
      for (int i = t; !stop; i += 2) {
        const std::string pi = "pi-cluster-" + std::to_string(i);
        auto r = event(pi, "first");
        noted(r);
        if (r.status != 200) continue;
        {
          std::lock_guard lock(ledger.mu);
          ledger.events.push_back(pi);
        }
        ++ledger.event_count;
        if (i % 3 == 0) noted(event(pi, "retry"));
      }
    });
  }
  // Three people racing for half-hour and hour slots of one room over eleven working days.
  for (size_t t = 0; t < kBookers.size(); ++t) {
    clients.emplace_back([&, t] {
      for (uint32_t k = static_cast<uint32_t>(t) * 7919u; !stop; k = k * 1103515245u + 12345u) {
        const int slot = static_cast<int>((k >> 8) % 19);  // 08:00 .. 17:00 by halves
        const int length = (k >> 4) % 2 ? 60 : 30;
        const int from = 8 * 60 + slot * 30, to = std::min(from + length, 18 * 60);
        auto hhmm = [](int m) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
          return std::string(buf);
        };
        static const char* const kDays[] = {"09", "10", "11", "14", "15", "16",
                                            "17", "18", "21", "22", "23"};
        const std::string date = std::string("2026-12-") + kDays[(k >> 12) % 11];
        auto r = call("POST", "/apps/rooms/bookings",
                      Json::object({{"room_id", "t-101"}, {"date", date},
                                    {"from", hhmm(from)}, {"to", hhmm(to)},
                                    {"title", "合议 " + std::to_string(k % 1000)}}),
                      kBookers[t]);
        noted(r);
        if (r.status == 201) {
          const Json made = r.json();
          std::lock_guard lock(ledger.mu);
          for (auto& b : made["bookings"]) ledger.bookings.push_back(b["id"].get<int64_t>());
        }
      }
    });
  }
  // Bookings of the approval room, each a new hour of a working day (a lost answer only skips
  // an hour), and the court's administrator approving them as they come.
  clients.emplace_back([&] {
    std::chrono::sys_days day = std::chrono::year{2026} / 12 / 14;
    for (int hour = 8; !stop; hour = hour == 16 ? 8 : hour + 1) {
      if (hour == 8) {
        do day += std::chrono::days{1};
        while (std::chrono::weekday{day}.iso_encoding() >= 6);
      }
      const std::chrono::year_month_day date{day};
      char from[8], to[8], ymd[16];
      std::snprintf(from, sizeof from, "%02d:00", hour);
      std::snprintf(to, sizeof to, "%02d:00", hour + 1);
      std::snprintf(ymd, sizeof ymd, "%04d-%02u-%02u", static_cast<int>(date.year()),
                    static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
      auto r = call("POST", "/apps/rooms/bookings",
                    Json::object({{"room_id", "t-102"}, {"date", ymd}, {"from", from},
                                  {"to", to}, {"title", "党组会议"}}),
                    kBookers[0]);
      noted(r);
      if (r.status == 201) {
        std::lock_guard lock(ledger.mu);
        ledger.approval_bookings.push_back(r.json()["bookings"].at(0)["id"].get<int64_t>());
      }
    }
  });
  clients.emplace_back([&] {
    while (!stop) agree_court_admin_tasks();
  });
  // Leave requests, submitted and walked through their steps as the answers come.
  for (size_t t = 0; t < kLeaveTakers.size(); ++t) {
    clients.emplace_back([&, t] {
      const Json leave = Json::parse(
          R"({"template":"leave","form":{"leave_type":"事假","period":["2026-12-21 09:00",)"
          R"("2026-12-23 18:00"],"days":3,"reason":"家中有事"}})");
      while (!stop) {
        auto r = call("POST", "/apps/approvals/instances", leave, kLeaveTakers[t]);
        noted(r);
        if (r.status != 201) continue;
        const int64_t id = r.json()["id"].get<int64_t>();
        {
          std::lock_guard lock(ledger.mu);
          ledger.leaves.push_back(id);
        }
        walk_leave(id);
      }
    });
  }
  // Work notices queued while DingTalk refuses them.
  clients.emplace_back([&] {
    for (int i = 0; !stop; ++i) {
      Json body = Json::object(
          {{"to", Json::object({{"users", Json::array({"T-BC-01-011"})}})},
           {"msg", Json::object({{"msgtype", "text"},
                                 {"text", Json::object({{"content", "cl-msg-" +
                                                                        std::to_string(i) + "."}})}})},
           {"key", "cl-" + std::to_string(i)}});
      auto r = call("POST", "/apps/outbox_sender/send", body, "");
      noted(r);
      if (r.status == 202) {
        std::lock_guard lock(ledger.mu);
        ledger.messages.push_back(i);
      }
    }
  });

  // Mid-run: host 2 is killed, the others carry on, then it comes back on its port and data.
  auto events_reach = [&](int n) {
    return eventually([&] { return ledger.event_count.load() >= n; }, 120000);
  };
  const bool ran = events_reach(150);
  const uint16_t port = hosts_[1]->port();
  const std::string data = hosts_[1]->data_dir();
  hosts_[1]->send_signal(SIGKILL);
  hosts_[1]->wait_exit(20000);
  retired_.push_back(std::move(hosts_[1]));
  const int at_kill = ledger.event_count;
  const bool served_without = events_reach(at_kill + 150);
  std::string again = yaml_;
  const std::string listen = "listen: \"127.0.0.1:0\"";
  again.replace(again.find(listen), listen.size(),
                "listen: \"127.0.0.1:" + std::to_string(port) + "\"");
  hosts_[1] = start_host(again, {"--data-dir", data});
  const bool served_after = events_reach(ledger.event_count + 150);
  stop = true;
  for (auto& c : clients) c.join();
  ASSERT_TRUE(ran && served_without && served_after)
      << ledger.event_count << " events acknowledged\n" << nginx_->error_log();
  ASSERT_EQ(hosts_[1]->port(), port);
  EXPECT_EQ(ledger.odd, "") << "an answer no client expected";

  // DingTalk is back (and forgets the refused attempts); an hour passes on every clock: the dead
  // host's leases and claims lapse, every retry is due.
  dt_->reset();
  advance(kHour);
  ASSERT_TRUE(eventually([&] { return drained(); }, 120000))
      << hosts_[0]->admin_get("/admin/inbox").body << hosts_[0]->admin_get("/admin/outbox").body;

  // The approvals the clients left open are finished now, through the balancer.
  for (int64_t id : ledger.leaves) walk_leave(id);
  int open_tasks = -1;
  for (int round = 0; round < 10 && open_tasks != 0; ++round) open_tasks = agree_court_admin_tasks();
  EXPECT_EQ(open_tasks, 0) << "the court administrator's tasks never ran out";
  ASSERT_TRUE(eventually([&] { return drained(); }, 120000));

  // 1. Events: each acknowledged one stored once and handled once, on whichever host.
  std::set<std::string> handled;
  size_t rows = 0;
  const Json seen = hosts_[0]->admin_get("/apps/outbox_sender/seen").json();
  for (auto& e : seen["events"]) {
    handled.insert(e["payload"]["processInstanceId"].get<std::string>());
    ++rows;
  }
  for (auto& pi : ledger.events) EXPECT_TRUE(handled.count(pi)) << pi << " was acknowledged";
  EXPECT_EQ(rows, handled.size()) << "an event handled twice";
  EXPECT_EQ(count("outbox_sender", "SELECT count(DISTINCT event_id) FROM seen"),
            static_cast<int64_t>(rows));

  // 2. Messages: each accepted one reached DingTalk once (those cut short by the kill: at most
  // once).
  std::map<int, int> sent;
  for (auto& r : dt_->requests("/topapi/message/corpconversation/asyncsend_v2")) {
    const std::string body = r["body"].dump();
    for (size_t at = body.find("cl-msg-"); at != std::string::npos;
         at = body.find("cl-msg-", at + 1)) {
      ++sent[std::stoi(body.substr(at + 7))];
    }
  }
  for (int i : ledger.messages) EXPECT_EQ(sent[i], 1) << "message " << i;
  for (auto& [i, n] : sent) EXPECT_EQ(n, 1) << "message " << i << " sent " << n << " times";

  // 3. Bookings: no two live bookings of one room overlap, and every confirmed one is there.
  EXPECT_EQ(count("rooms",
                  "SELECT count(*) FROM bookings a JOIN bookings b ON a.room_id = b.room_id "
                  "AND a.id < b.id AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms "
                  "WHERE a.status IN ('待审批', '已预订', '已签到') "
                  "AND b.status IN ('待审批', '已预订', '已签到')"),
            0);
  for (int64_t id : ledger.bookings) {
    EXPECT_EQ(count("rooms", "SELECT count(*) FROM bookings WHERE status = '已预订' AND id = " +
                                 std::to_string(id)),
              1)
        << "booking " << id;
  }
  // The approval room's bookings: each approved once, and confirmed by it.
  for (int64_t id : ledger.approval_bookings) {
    const std::string request = "booking:" + std::to_string(id);
    EXPECT_TRUE(eventually([&] {
      return count("rooms", "SELECT count(*) FROM bookings WHERE status = '已预订' AND id = " +
                                std::to_string(id)) == 1;
    })) << "booking " << id << ": "
        << call("GET", "/apps/rooms/bookings/" + std::to_string(id), nullptr, kBookers[0]).body
        << "\nits approval: "
        << call("GET", "/apps/approvals/instances/" +
                           std::to_string(count("approvals", "SELECT coalesce(max(id), 0) FROM "
                                                             "instance WHERE request_id = '" +
                                                                 request + "'")),
                nullptr, kCourtAdmin)
               .body;
    EXPECT_EQ(count("approvals", "SELECT count(*) FROM instance WHERE status = 'COMPLETED' AND "
                                 "result = 'agree' AND request_id = 'booking:" +
                                     std::to_string(id) + "'"),
              1)
        << "the approval of booking " << id;
  }

  // 4. Leave approvals: each completed, every step done exactly once.
  for (int64_t id : ledger.leaves) {
    Json instance = walk_leave(id);
    EXPECT_EQ(instance["status"], "COMPLETED") << instance.dump();
    EXPECT_EQ(instance["result"], "agree") << instance.dump();
    std::set<int64_t> tasks, acted;
    size_t executions = 0;
    for (auto& task : instance["tasks"]) {
      EXPECT_EQ(task["result"], "AGREE") << task.dump();
      tasks.insert(task["id"].get<int64_t>());
    }
    for (auto& record : instance["records"]) {
      if (record["type"] != "EXECUTE_TASK_NORMAL") continue;
      ++executions;
      acted.insert(record["task_id"].get<int64_t>());
    }
    EXPECT_GE(tasks.size(), 1u) << instance.dump();
    EXPECT_EQ(acted, tasks) << instance.dump();
    EXPECT_EQ(executions, tasks.size()) << "a step recorded twice: " << instance.dump();
  }

  std::printf("[ cluster  ] 3 hosts behind nginx, one killed and restarted: %zu events, %zu "
              "messages, %zu + %zu bookings, %zu leave approvals acknowledged; %d calls "
              "unanswered or 5xx during the kill\n",
              ledger.events.size(), ledger.messages.size(), ledger.bookings.size(),
              ledger.approval_bookings.size(), ledger.leaves.size(), ledger.unanswered.load());
}

}  // namespace
}  // namespace courthub::it
