// SPDX-License-Identifier: Apache-2.0
// The bundled plugins under concurrent requests over real HTTP: a room is never double-booked,
// an approval task is decided once, and concurrent sessions never bring the host down.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "bundled_plugins.hpp"
#include "host_process.hpp"

namespace courthub::it {
namespace {

class PluginsUnderLoad : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new HostProcess(test_config(std::string(kRooms) + approvals_demo() +
                                        "  - name: throws_in_handler\n"
                                        // 16 callers at once queue behind its one call.
                                        "    limits: {max_queued: 16}\n"));
  }
  static void TearDownTestSuite() {
    delete host_;
    host_ = nullptr;
  }
  static HostProcess* host_;
};
HostProcess* PluginsUnderLoad::host_ = nullptr;

const char* kStaff[] = {"T-BC-01-011", "T-BC-01-012", "T-BC-01-013", "T-BC-01-010",
                        "T-BC-01-020", "T-BC-01-021"};

TEST_F(PluginsUnderLoad, ConcurrentBookingsOfOneSlotHaveExactlyOneWinner) {
  std::string body = Json::object({{"room_id", "t-101"},
                                   {"date", "下周三"},
                                   {"from", "10:00"},
                                   {"to", "11:00"},
                                   {"title", "合议"}})
                         .dump();
  std::vector<std::future<HttpResponse>> calls;
  for (int i = 0; i < 16; ++i) {
    std::string who = kStaff[i % 6];
    calls.push_back(std::async(std::launch::async, [body, who] {
      return host_->post("/apps/rooms/bookings", body, session_token(who));
    }));
  }
  int won = 0, conflicts = 0;
  int64_t winner = 0;
  std::vector<Json> refusals;
  for (auto& c : calls) {
    auto r = c.get();
    if (r.status == 201) {
      ++won;
      winner = r.json()["bookings"].at(0)["id"].get<int64_t>();
    } else {
      EXPECT_EQ(r.status, 409) << r.body;
      ++conflicts;
      refusals.push_back(r.json());
    }
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(conflicts, 15);
  for (auto& refusal : refusals) {
    // Each loser is told which booking is in the way.
    EXPECT_EQ(refusal["error"]["details"]["conflicts"].at(0)["booking"]["id"].get<int64_t>(),
              winner);
  }
}

TEST_F(PluginsUnderLoad, ConcurrentDecisionsOnOneTaskResolveToOne) {
  Json leave = Json::object(
      {{"template", "leave"},
       {"form", Json::object({{"leave_type", "事假"},
                              {"period", Json::array({"2026-12-21 09:00", "2026-12-25 18:00"})},
                              {"days", 5},
                              {"reason", "家中有事"}})}});
  auto submitted =
      host_->post("/apps/approvals/instances", leave.dump(), session_token("T-BC-01-011"));
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  Json instance = submitted.json();
  int64_t id = instance["id"].get<int64_t>();
  Json task = instance["tasks"].at(0);
  ASSERT_EQ(task["user_id"], "T-BC-01-010");  // 庭长 first
  std::string path = "/apps/approvals/instances/" + std::to_string(id) + "/actions";
  std::vector<std::future<HttpResponse>> calls;
  for (int i = 0; i < 8; ++i) {
    std::string action = i % 2 ? "agree" : "refuse";
    calls.push_back(std::async(std::launch::async, [&, action] {
      return host_->post(path,
                         Json::object({{"action", action},
                                       {"task_id", task["id"]},
                                       {"comment", "并发测试"}})
                             .dump(),
                         session_token("T-BC-01-010"));
    }));
  }
  int ok = 0, refused = 0;
  for (auto& c : calls) {
    auto r = c.get();
    if (r.status == 200) ++ok;
    if (r.status == 409) ++refused;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(refused, 7);
  // Someone else's task is not theirs to decide.
  auto detail = host_->get("/apps/approvals/instances/" + std::to_string(id),
                           session_token("T-BC-01-011"));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(host_->post(path, R"({"action":"agree"})", session_token("T-BC-01-013")).status, 403);
}

TEST_F(PluginsUnderLoad, ManyConcurrentSessionsNeverBringTheHostDown) {
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        auto r = host_->get("/apps/throws_in_handler/ok", session_token(kStaff[(t + i) % 6]));
        if (r.status == 200) ok++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 16 * 40);
  EXPECT_EQ(host_->get("/healthz").status, 200);
}

}  // namespace
}  // namespace courthub::it
