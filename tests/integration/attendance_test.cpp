// SPDX-License-Identifier: Apache-2.0
// Attendance in the real host over HTTP, with the approvals plugin beside it: a judge checks in
// from the court's building on the host's test clock, then outside it (外勤) with a remark; the
// outside punch opens an approval in the approvals plugin, counts only once their head agrees it,
// and the day's result follows. Settings errors name file:line; punches survive a restart.
#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <map>
#include <sstream>

#include "bundled_plugins.hpp"
#include "dingtalk_client.hpp"
#include "host_process.hpp"

namespace courthub::it {
namespace {

const std::string kApp = "/apps/attendance";
const std::string kJudge = "LN-BC-SY-01-024";  // 民事审判第一庭, head LN-BC-SY-01-023
// 2026-12-08 (a Tuesday) 08:41:20 +08:00
constexpr int64_t kTuesday0841 = 1796690480000;
constexpr double kLat = 41.77, kLng = 123.46;  // the building in the settings below

std::string plugins(const std::string& shift_sections = "[\"08:30-12:00\", \"13:30-17:30\"]") {
  return approvals_demo() +
         "  - name: attendance\n"
         "    settings:\n"
         "      shifts:\n"
         "        - {id: winter, name: 冬季作息, sections: " + shift_sections + "}\n"
         "      default_group:\n"
         "        enabled: true\n"
         "        shift: winter\n"
         "        radius_m: 500\n"
         "        outside: {allowed: true, approval: after, remark_required: true}\n"
         "      buildings:\n"
         "        LN-BC-SY-01: {title: 审判楼, address: 沈阳市和平区, latitude: 41.77,\n"
         "                      longitude: 123.46}\n";
}

std::string config(const std::string& plugins_yaml) {
  return test_config(plugins_yaml,
                     "calendar:\n  files: [\"" + source_dir() + "/config/calendar/cn-2026.yaml\"]\n",
                     "real");
}

// The host's test clock as this test has set it: sessions are issued at its time.
int64_t host_clock_ms = kTuesday0841;

std::map<std::string, std::string> clock_at(int64_t ms) {
  host_clock_ms = ms;
  return {{"COURTHUB_TEST_CLOCK_MS", std::to_string(ms)}};
}

HttpResponse call(const HostProcess& host, const std::string& method, const std::string& path,
                  const Json& body, const std::string& user) {
  return http(host.port(), method, path, body.is_null() ? "" : body.dump(),
              {{"Authorization", "Bearer " + session_token(user, host_clock_ms / 1000)}});
}

void advance(const HostProcess& host, int64_t ms) {
  auto r = host.admin_post("/admin/clock", Json::object({{"advance_ms", ms}}).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  host_clock_ms += ms;
}

Json today(const HostProcess& host) {
  auto r = call(host, "GET", kApp + "/results?from=2026-12-08&to=2026-12-08", nullptr, kJudge);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json()["days"][0];
}

int line_of(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  int line = 1;
  for (size_t i = 0; i < at && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

TEST(Attendance, CheckInThenOutsideWithItsApprovalOverHttp) {
  HostProcess host(config(plugins()), {}, clock_at(kTuesday0841));

  // In the building: the morning check is Late by 11 minutes (rules doc §6).
  auto r = call(host, "POST", kApp + "/punches",
                Json::object({{"latitude", kLat + 0.001}, {"longitude", kLng}, {"accuracy", 30}}),
                kJudge);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["punch"]["location_result"], "Normal");
  Json day = today(host);
  EXPECT_EQ(day["checks"][0]["timeResult"], "Late");
  EXPECT_EQ(day["checks"][0]["lateMinutes"], 11);
  EXPECT_EQ(day["checks"][0]["sourceType"], "USER");

  // 12:03, serving papers across town: outside the fence. A remark is required, then the punch
  // is kept but waits for its approval; the noon check stays NotSigned meanwhile.
  advance(host, (3 * 60 + 22) * 60 * 1000 - 20 * 1000);
  const Json far = Json::object({{"latitude", 41.85}, {"longitude", 123.40}, {"accuracy", 20}});
  r = call(host, "POST", kApp + "/punches", far, kJudge);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("remark"), std::string::npos) << r.body;
  Json with_remark = far;
  with_remark["remark"] = "外出送达";
  r = call(host, "POST", kApp + "/punches", with_remark, kJudge);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["punch"]["location_result"], "Outside");
  EXPECT_EQ(r.json()["punch"]["approval_state"], "pending");
  const int64_t punch_id = r.json()["punch"]["id"].get<int64_t>();
  EXPECT_EQ(today(host)["checks"][1]["timeResult"], "NotSigned");

  // The approvals plugin opened 外勤打卡 for it; the head agrees.
  Json instance;
  ASSERT_TRUE(eventually([&] {
    auto list = host.admin_get("/apps/approvals/instances?court=LN-BC-SY-01");
    if (list.status != 200) return false;
    const Json answer = list.json();  // bound: a range-for would outlive a temporary
    for (auto& item : answer["items"])
      if (item["request_id"] == "punch:" + std::to_string(punch_id)) instance = item;
    return instance.is_object();
  })) << host.admin_get("/apps/approvals/instances?court=LN-BC-SY-01").body;
  EXPECT_EQ(instance["template"], "outside_punch");
  auto detail = host.admin_get("/apps/approvals/instances/" + instance["id"].dump());
  ASSERT_EQ(detail.status, 200) << detail.body;
  Json task;
  const Json steps = detail.json();
  for (auto& t : steps["tasks"])
    if (t["status"] == "RUNNING") task = t;
  ASSERT_TRUE(task.is_object()) << detail.body;
  EXPECT_EQ(task["user_id"], "LN-BC-SY-01-023");
  r = call(host, "POST", "/apps/approvals/instances/" + instance["id"].dump() + "/actions",
           Json::object({{"action", "agree"}, {"task_id", task["id"]}}), "LN-BC-SY-01-023");
  ASSERT_EQ(r.status, 200) << r.body;

  // Agreed: the outside punch now counts for the noon check.
  ASSERT_TRUE(eventually([&] { return today(host)["checks"][1]["timeResult"] == "Normal"; }))
      << today(host).dump();
  day = today(host);
  EXPECT_EQ(day["checks"][1]["locationResult"], "Outside");
  EXPECT_EQ(day["checks"][1]["punchId"], punch_id);
  EXPECT_EQ(day["status"], "exception");  // late this morning, the afternoon still open
}

TEST(Attendance, SomeoneElsesResultsAreRefused) {
  HostProcess host(config(plugins()), {}, clock_at(kTuesday0841));
  // A judge of another department may not read the judge's day; their head may.
  auto r = call(host, "GET", kApp + "/results?user_id=" + kJudge, nullptr, "LN-BC-SY-01-017");
  EXPECT_EQ(r.status, 403) << r.body;
  r = call(host, "GET", kApp + "/results?user_id=" + kJudge, nullptr, "LN-BC-SY-01-023");
  EXPECT_EQ(r.status, 200) << r.body;
  r = http(host.port(), "GET", kApp + "/results");
  EXPECT_TRUE(r.status == 401 || r.status == 403) << r.status << r.body;
}

TEST(Attendance, PunchesSurviveARestart) {
  std::string cfg = config(plugins());
  HostProcess host(cfg, {}, clock_at(kTuesday0841));
  Json records = Json::array(
      {Json::object({{"user_id", kJudge}, {"time", "2026-12-07T08:29:40+08:00"}, {"device_id", "ATM-1"}}),
       Json::object({{"user_id", kJudge}, {"time", "2026-12-07T17:31:05+08:00"}, {"device_id", "ATM-1"}})});
  auto r = host.admin_post(kApp + "/machine-records", records.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["accepted"], 2);
  host.send_signal(SIGTERM);
  ASSERT_EQ(host.wait_exit(20000), 0);

  HostProcess again(cfg, {"--data-dir", host.data_dir()}, clock_at(kTuesday0841));
  r = again.admin_post(kApp + "/machine-records", records.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["accepted"], 0);
  EXPECT_EQ(r.json()["duplicates"], 2);
  r = call(again, "GET", kApp + "/results?from=2026-12-07&to=2026-12-07", nullptr, kJudge);
  ASSERT_EQ(r.status, 200) << r.body;
  Json checks = r.json()["days"][0]["checks"];
  EXPECT_EQ(checks[0]["timeResult"], "Normal");
  EXPECT_EQ(checks[0]["sourceType"], "ATM");
  EXPECT_EQ(checks[3]["timeResult"], "Normal");
}

TEST(Attendance, SettingsErrorsNameFileAndLine) {
  HostProcess host(config(plugins()), {}, clock_at(kTuesday0841));
  std::string bad = config(plugins("[\"08:30-12:00\", \"11:00-17:30\"]"));
  host.rewrite_config(bad);
  auto r = host.admin_post("/admin/reload");
  ASSERT_EQ(r.status, 400) << r.body;
  std::string where = "courthub.yaml:" + std::to_string(line_of(bad, "{id: winter")) +
                      ": plugins.attendance.settings/shifts/0";
  EXPECT_NE(r.body.find(where), std::string::npos) << where << "\n" << r.body;
}

// DingTalk's own punches come in as encrypted attendance_check_record callbacks (real clock: the
// callback's timestamp must be fresh); a redelivery stores nothing new.
TEST(Attendance, DingTalksPunchEventsArriveThroughTheEncryptedCallback) {
  auto dt = start_double();
  HostProcess host(dingtalk_config(*dt, plugins(), 20, "real"));
  // Friday 2026-12-04 08:20:15 +08:00, from the court's attendance machine.
  const Json event = Json::parse(R"({"EventType": "attendance_check_record", "DataList": [
      {"userId": "LN-BC-SY-01-024", "checkTime": 1796343615000, "bizId": "biz-it-1",
       "locationMethod": "ATM", "deviceName": "1F", "deviceSN": "SN-1"}]})");
  ASSERT_EQ(post_event(host, event).status, 200);
  const auto day = [&] {
    auto r = http(host.port(), "GET", kApp + "/results?from=2026-12-04&to=2026-12-04", "",
                  {{"Authorization", "Bearer " + session_token(kJudge)}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json()["days"][0] : Json::object();
  };
  ASSERT_TRUE(eventually([&] { return day()["punches"].size() == 1; })) << day().dump();
  Json morning = day()["checks"][0];
  EXPECT_EQ(morning["timeResult"], "Normal");
  EXPECT_EQ(morning["userCheckTime"], "2026-12-04T08:20:15+08:00");
  ASSERT_EQ(post_event(host, event, 0, "othernonce").status, 200);
  ASSERT_TRUE(eventually([&] {
    return host.admin_get("/admin/inbox").json()["inbox"]["pending"] == 0;
  }));
  EXPECT_EQ(day()["punches"].size(), 1u);
}

// The demo's plugins: list, as config/courthub.yaml has it (every bundled plugin on).
std::string demo_plugins() {
  std::ifstream in(source_dir() + "/config/courthub.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  return all.substr(all.find("\nplugins:\n") + std::string("\nplugins:\n").size());
}

// Every bundled plugin starts beside the others: no two claim one robot command or card action
// (rooms' meeting check-in is `signin`, attendance's daily one `checkin`).
TEST(Attendance, TheDemosPluginsAllStartTogether) {
  HostProcess host(config(demo_plugins()), {},
                   {{"COURTHUB_TEST_CLOCK_MS", std::to_string(kTuesday0841)},
                    {"COURTHUB_BOARD_DEMO_CASES", "0"}});
  auto r = host.admin_get("/admin/plugins");
  ASSERT_EQ(r.status, 200) << r.body;
  std::map<std::string, std::string> state;
  const Json plugins = r.json()["plugins"];
  for (auto& p : plugins) state[p["name"].get<std::string>()] = p["state"].get<std::string>();
  for (const char* name : {"hello", "approvals", "rooms", "incentive_board", "attendance",
                           "lawyers"})
    EXPECT_EQ(state[name], "active") << name << "\n" << r.body.substr(0, 3000);
  r = http(host.port(), "GET", kApp + "/me", "",
           {{"Authorization", "Bearer " + session_token(kJudge, kTuesday0841 / 1000)}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["group"]["id"], "ln-bc-sy-01-default");
}

}  // namespace
}  // namespace courthub::it
