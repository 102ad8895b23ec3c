// SPDX-License-Identifier: Apache-2.0
// `courthub backup DIR` against a host under write load (issue 17 §4): bookings (rooms'
// database), approvals (approvals' database, opened by bookings of an approval room) and
// acknowledged events (the inbox journal and courthub.db) written before the backup began are
// all in the copy; every copy passes integrity_check and matches its manifest; a new host
// started on the copy serves them.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "bundled_plugins.hpp"
#include "dingtalk_client.hpp"
#include "host/plugins/plugin_library.hpp"
#include "host/storage/online_backup.hpp"

namespace courthub::it {
namespace {

constexpr int64_t kMonday0900 = 1796605200000;  // 2026-12-07 09:00 +08:00
const char* const kJudge = "T-BC-01-011";

const std::string kPlugins = kRoomsWithApproval + "  - name: outbox_sender\n" + approvals_demo();

Json bpms(const std::string& instance) {
  return Json::object({{"EventType", "bpms_instance_change"}, {"processInstanceId", instance},
                       {"corpId", kCorpId}, {"type", "finish"}, {"result", "agree"},
                       {"staffId", "T-BC-01-012"}, {"processCode", "PROC-LEAVE"}});
}

// "2026-12-14" plus `days`.
std::string date_after(int days) {
  static const int kMonthDays[] = {31, 31, 28, 31, 30, 31};  // Dec, Jan, Feb, Mar, Apr, May
  int month = 0, day = 14 + days;
  while (day > kMonthDays[month]) day -= kMonthDays[month++];
  int year = month == 0 ? 2026 : 2027;
  int m = month == 0 ? 12 : month;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, m, day);
  return out;
}

class Backup : public ::testing::Test {
 protected:
  void SetUp() override {
    dt_ = start_double();
    host_ = start_host({});
  }
  std::unique_ptr<HostProcess> start_host(std::vector<std::string> args) {
    return std::make_unique<HostProcess>(
        dingtalk_config(*dt_, kPlugins), std::move(args),
        std::map<std::string, std::string>{{"COURTHUB_TEST_CLOCK_MS", std::to_string(kMonday0900)}});
  }
  HttpResponse call(const HostProcess& host, const std::string& method, const std::string& path,
                    const Json& body) const {
    return http(host.port(), method, path, body.is_null() ? "" : body.dump(),
                {{"Authorization", "Bearer " + session_token(kJudge, kMonday0900 / 1000)}});
  }
  // Books `room` on `date` from `hour` for an hour; the booking's id, or 0 when refused.
  int64_t book(const std::string& room, const std::string& date, int hour) {
    char from[8], to[8];
    std::snprintf(from, sizeof from, "%02d:00", hour);
    std::snprintf(to, sizeof to, "%02d:00", hour + 1);
    auto r = call(*host_, "POST", "/apps/rooms/bookings",
                  Json::object({{"room_id", room}, {"date", date}, {"from", from}, {"to", to},
                                {"title", "备份测试"}}));
    return r.status == 201 ? r.json()["bookings"].at(0)["id"].get<int64_t>() : 0;
  }
  size_t approvals(const HostProcess& host) {
    auto r = call(host, "GET", "/apps/approvals/instances/submitted?limit=100", nullptr);
    return r.status == 200 ? r.json()["items"].size() : 0;
  }
  std::set<std::string> seen(const HostProcess& host) {
    std::set<std::string> out;
    for (Json doc = host.get("/apps/outbox_sender/seen", kAdminToken).json(); auto& e : doc["events"])
      out.insert(e["payload"]["processInstanceId"].get<std::string>());
    return out;
  }

  std::unique_ptr<dingtalk_double::DingTalkDouble> dt_;
  std::unique_ptr<HostProcess> host_;
};

TEST_F(Backup, OnlineCopyOfAHostUnderLoadStartsAHostThatServesItsData) {
  for (int day = 9; day <= 11; ++day)  // three approvals
    ASSERT_GT(book("t-102", "2026-12-" + std::to_string(day), 10), 0);
  ASSERT_TRUE(eventually([&] { return approvals(*host_) == 3; }));

  // Write load: bookings and events, each remembered once acknowledged.
  std::mutex mu;
  std::vector<int64_t> bookings;
  std::vector<std::string> events;
  std::atomic<bool> stop{false};
  std::thread load([&] {
    for (int i = 0; !stop && i < 800; ++i) {
      // Weekdays only (2026-12-14 is a Monday): ten hours a day, five days a week.
      int64_t id = book("t-101", date_after(i / 50 * 7 + i % 50 / 10), 8 + i % 10);
      std::string pi = "pi-backup-" + std::to_string(i);
      bool acked = post_event(*host_, bpms(pi), kMonday0900, "n" + std::to_string(i)).status == 200;
      std::lock_guard lock(mu);
      if (id) bookings.push_back(id);
      if (acked) events.push_back(pi);
    }
  });
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mu);
    return bookings.size() >= 20 && events.size() >= 20;
  }));
  std::vector<int64_t> booked_before;
  std::vector<std::string> acked_before;
  {
    std::lock_guard lock(mu);
    booked_before = bookings;
    acked_before = events;
  }
  const std::string copy = host_->dir() + "/backup";
  const std::string command = courthub_binary() + " backup " + copy + " --data-dir " +
                              host_->data_dir() + " > " + host_->dir() + "/backup.log 2>&1";
  int rc = std::system(command.c_str());
  stop = true;
  load.join();
  ASSERT_EQ(rc, 0) << std::ifstream(host_->dir() + "/backup.log").rdbuf();

  // Every database copy is sound and the manifest describes the folder as written.
  namespace fs = std::filesystem;
  for (const char* db : {"courthub.db", "plugins/rooms.db", "plugins/approvals.db",
                         "plugins/outbox_sender.db"}) {
    auto check = storage::integrity_check(copy + "/" + db);
    ASSERT_TRUE(check.ok()) << db;
    EXPECT_EQ(*check, "ok") << db;
  }
  Json manifest = Json::parse(std::ifstream(copy + "/manifest.json"), nullptr, false);
  ASSERT_TRUE(manifest.is_object());
  std::set<std::string> listed;
  for (auto& f : manifest["files"]) {
    std::string path = f["path"].get<std::string>();
    listed.insert(path);
    EXPECT_EQ(f["bytes"].get<int64_t>(), static_cast<int64_t>(fs::file_size(copy + "/" + path)));
    EXPECT_EQ(f["sha256"], *plugins::sha256_of_file(copy + "/" + path)) << path;
  }
  EXPECT_TRUE(listed.count("courthub.db"));
  EXPECT_TRUE(listed.count("plugins/rooms.db"));
  EXPECT_FALSE(listed.count("courthub.lock"));

  // A new host on the copy (the first keeps running on the original).
  auto restored = start_host({"--data-dir", copy});
  EXPECT_EQ(approvals(*restored), 3u);
  for (int64_t id : booked_before) {
    EXPECT_EQ(call(*restored, "GET", "/apps/rooms/bookings/" + std::to_string(id), nullptr).status,
              200)
        << "booking " << id;
  }
  ASSERT_TRUE(eventually([&] {
    auto have = seen(*restored);
    for (auto& pi : acked_before)
      if (!have.count(pi)) return false;
    return true;
  })) << acked_before.size() << " acknowledged before the backup, " << seen(*restored).size()
      << " delivered on the copy";
  std::printf("[ backup   ] %zu bookings and %zu events acknowledged before the backup began; "
              "%zu events delivered on the copy\n",
              booked_before.size(), acked_before.size(), seen(*restored).size());
}

}  // namespace
}  // namespace courthub::it
