// SPDX-License-Identifier: Apache-2.0
// The results API through attendance.so: the worked example end to end, who may see what, the
// department's day, /me, the monthly summary and its CSV, DingTalk's attendance/list, and
// results recomputed on read.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "result_fixture.hpp"

namespace attendance::testing {
namespace {

class ResultsApi : public ::testing::Test {
 protected:
  void SetUp() override {
    h = make_harness();
    h->set_now_ms(at("2026-12-08", "22:00"));
    for (auto clock : {"08:41:23", "12:03", "17:10"}) add_punch(*h, kJudge, at("2026-12-08", clock));
  }
  HttpResult results_as(const std::string& viewer, const std::string& user) {
    return h->as(viewer).get("/results?user_id=" + user + "&from=2026-12-08&to=2026-12-08");
  }
  std::unique_ptr<PluginHarness> h;
};

TEST_F(ResultsApi, WorkedExampleOfTheRulesDoc) {
  auto r = h->as(kJudge).get("/results?from=2026-12-08&to=2026-12-08");
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["user"]["user_id"], kJudge);
  ASSERT_EQ(body["days"].size(), 1u);
  Json day = body["days"][0];
  EXPECT_EQ(day["status"], "exception");
  EXPECT_EQ(day["weekday"], "周二");
  EXPECT_EQ(day["group"]["id"], kFixedGroup);
  EXPECT_EQ(day["shift"]["id"], kShift);
  ASSERT_EQ(day["checks"].size(), 4u);
  std::vector<std::string> results;
  for (auto& c : day["checks"]) results.push_back(c["timeResult"].get<std::string>());
  EXPECT_EQ(results, (std::vector<std::string>{"Late", "Normal", "NotSigned", "Early"}));
  EXPECT_EQ(day["checks"][0]["lateMinutes"], 11);
  EXPECT_EQ(day["checks"][0]["userCheckTime"], "2026-12-08T08:41:23+08:00");
  EXPECT_EQ(day["checks"][0]["sourceType"], "USER");
  EXPECT_EQ(day["checks"][3]["earlyMinutes"], 20);
  EXPECT_EQ(day["checks"][2]["window"], Json::array({"12:45", "15:29"}));
  EXPECT_EQ(day["counts"], Json::parse(R"({"late":1,"serious_late":0,"absenteeism":0,"early":1,
    "missing":1,"late_minutes":11,"early_minutes":20})"));
  for (auto& p : day["punches"]) EXPECT_TRUE(p["counted"].get<bool>()) << p;
}

TEST_F(ResultsApi, DefaultsToTheCallerFromTheFirstOfTheMonthToToday) {
  auto r = h->as(kJudge).get("/results");
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["from"], "2026-12-01");
  EXPECT_EQ(body["to"], "2026-12-08");
  EXPECT_EQ(body["days"].size(), 8u);
  EXPECT_EQ(body["days"][5]["status"], "rest");  // Sunday 12-06
  EXPECT_EQ(body["days"][5]["checks"], Json::array());
  EXPECT_EQ(body["days"][0]["status"], "absent");  // no punch on Tuesday 12-01
}

TEST_F(ResultsApi, WhoMaySeeAPersonsResults) {
  EXPECT_EQ(results_as(kJudge, kJudge).status, 200);
  EXPECT_EQ(results_as(kCivilHead, kJudge).status, 200);      // head of the department
  EXPECT_EQ(results_as(kVicePresident, kJudge).status, 200);  // its leader
  EXPECT_EQ(results_as(kPresident, kJudge).status, 200);
  EXPECT_EQ(results_as(kAdmin, kJudge).status, 200);          // the court's court_admin
  EXPECT_EQ(h->as_admin().get("/results?user_id=" + kJudge).status, 200);  // the operator
  EXPECT_EQ(results_as(kClerk, kJudge).status, 403);          // a colleague
  EXPECT_EQ(results_as(kFilingHead, kJudge).status, 403);     // another department's head
  EXPECT_EQ(results_as(kOtherAdmin, kJudge).status, 403);     // another court's court_admin
  EXPECT_EQ(h->as(kJudge).get("/results?user_id=nobody").status, 404);
}

TEST_F(ResultsApi, BadRangesAreRefusedNamingTheParameter) {
  auto reversed = h->as(kJudge).get("/results?from=2026-12-08&to=2026-12-01");
  EXPECT_EQ(reversed.status, 400);
  EXPECT_NE(error_message(reversed).find("'to'"), std::string::npos);
  auto long_range = h->as(kJudge).get("/results?from=2025-01-01&to=2026-12-08");
  EXPECT_EQ(long_range.status, 400);
  EXPECT_NE(error_message(long_range).find("366"), std::string::npos);
  auto bad = h->as(kJudge).get("/results?from=2026-12-32");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(error_message(bad).find("'from'"), std::string::npos);
}

TEST_F(ResultsApi, ResultsAreRecomputedOnReadAndIdempotent) {
  auto first = results_as(kJudge, kJudge).body;
  EXPECT_EQ(results_as(kJudge, kJudge).body, first);
  add_punch(*h, kJudge, at("2026-12-08", "13:29"));
  Json day = results_as(kJudge, kJudge).json()["days"][0];
  EXPECT_EQ(day["checks"][2]["timeResult"], "Normal");
  EXPECT_EQ(day["counts"]["missing"], 0);
}

TEST_F(ResultsApi, DepartmentDayForItsHeadWithTotals) {
  auto r = h->as(kCivilHead).get("/departments/" + kCivilDept + "/day?date=2026-12-08");
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["department"]["id"], kCivilDept);
  EXPECT_EQ(body["date"], "2026-12-08");
  int total = 0;
  for (auto& [k, v] : body["totals"].items()) total += v.get<int>();
  EXPECT_EQ(total, static_cast<int>(body["people"].size()));
  bool judge = false;
  for (auto& p : body["people"])
    if (p["user_id"] == kJudge) {
      judge = true;
      EXPECT_EQ(p["status"], "exception");
      EXPECT_EQ(p["counts"]["late"], 1);
      EXPECT_EQ(p["checks"].size(), 4u);
    }
  EXPECT_TRUE(judge);
  EXPECT_GE(body["totals"]["absent"].get<int>(), 1);  // kClerk punched nothing
  EXPECT_EQ(h->as(kClerk).get("/departments/" + kCivilDept + "/day").status, 403);
  EXPECT_EQ(h->as(kFilingHead).get("/departments/" + kCivilDept + "/day").status, 403);
  EXPECT_EQ(h->as(kCivilHead).get("/departments/99999/day").status, 404);
}

TEST_F(ResultsApi, CourtDepartmentCoversItsSubDepartments) {
  auto r = h->as(kPresident).get("/departments/" + kRootDept + "/day?date=2026-12-08");
  ASSERT_EQ(r.status, 200) << r.body;
  std::set<std::string> users;
  const Json body = r.json();
  for (auto& p : body["people"]) users.insert(p["user_id"].get<std::string>());
  EXPECT_TRUE(users.count(kJudge));
  EXPECT_TRUE(users.count(kFilingClerk));
  EXPECT_TRUE(users.count(kStaff));
  EXPECT_FALSE(users.count(kOtherJudge));
}

TEST_F(ResultsApi, MeShowsGroupTodayCapAndViewableDepartments) {
  auto r = h->as(kJudge).get("/me");
  ASSERT_EQ(r.status, 200) << r.body;
  Json me = r.json();
  EXPECT_EQ(me["user"]["user_id"], kJudge);
  EXPECT_EQ(me["user"]["court"], kCourt);
  EXPECT_EQ(me["group"]["id"], kFixedGroup);
  EXPECT_EQ(me["today"]["date"], "2026-12-08");
  EXPECT_EQ(me["today"]["status"], "exception");
  EXPECT_EQ(me["now"], "2026-12-08T22:00:00+08:00");
  EXPECT_EQ(me["punch_fix"], Json::parse(R"({"used":0,"limit":3})"));
  EXPECT_EQ(me["departments"], Json::array());
  EXPECT_EQ(me["is_admin"], false);

  Json head = h->as(kCivilHead).get("/me").json();
  ASSERT_EQ(head["departments"].size(), 1u);
  EXPECT_EQ(head["departments"][0]["id"], kCivilDept);
  Json admin = h->as(kAdmin).get("/me").json();
  EXPECT_EQ(admin["is_admin"], true);
  EXPECT_GT(admin["departments"].size(), 3u);
  EXPECT_EQ(h->as_anonymous().get("/me").status, 403);
}

TEST_F(ResultsApi, MonthlySummaryAndItsCsv) {
  auto r = h->as(kCivilHead).get("/summary?month=2026-12&dept_id=" + kCivilDept);
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["month"], "2026-12");
  Json judge;
  for (auto& p : body["people"])
    if (p["user_id"] == kJudge) judge = p;
  ASSERT_FALSE(judge.is_null()) << body;
  EXPECT_EQ(judge["late"], 1);
  EXPECT_EQ(judge["late_minutes"], 11);
  EXPECT_EQ(judge["early"], 1);
  EXPECT_EQ(judge["missing"], 1);
  EXPECT_EQ(judge["absent_days"], 5);  // 12-01 .. 12-04 and 12-07: no punch at all

  auto csv = h->as(kCivilHead).get("/summary.csv?month=2026-12&dept_id=" + kCivilDept);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.content_type.substr(0, 8), "text/csv");
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.body.substr(3, 20), "工号,姓名,部门");
  EXPECT_NE(csv.body.find(kJudge + ","), std::string::npos);

  EXPECT_EQ(h->as(kClerk).get("/summary?dept_id=" + kCivilDept).status, 403);
  EXPECT_EQ(h->as(kAdmin).get("/summary?court=" + kCourt).status, 200);
  EXPECT_EQ(h->as(kOtherAdmin).get("/summary?court=" + kCourt).status, 403);
  EXPECT_EQ(h->as(kJudge).get("/summary?month=2026-13").status, 400);
  EXPECT_EQ(h->as(kJudge).get("/summary?court=" + kCourt + "&user_id=" + kJudge).status, 400);
}

TEST_F(ResultsApi, DingTalkAttendanceListPagesRecordsInMilliseconds) {
  Json body = {{"workDateFrom", "2026-12-08 00:00:00"},
               {"workDateTo", "2026-12-08 00:00:00"},
               {"userIdList", Json::array({kJudge, kClerk})},
               {"offset", 0},
               {"limit", 5}};
  auto r = h->as(kCivilHead).post("/attendance/list", body);
  ASSERT_EQ(r.status, 200) << r.body;
  Json page = r.json();
  EXPECT_EQ(page["errcode"], 0);
  EXPECT_EQ(page["hasMore"], true);
  ASSERT_EQ(page["recordresult"].size(), 5u);
  Json first = page["recordresult"][0];
  EXPECT_EQ(first["userId"], kJudge);
  EXPECT_EQ(first["checkType"], "OnDuty");
  EXPECT_EQ(first["timeResult"], "Late");
  EXPECT_EQ(first["baseCheckTime"], at("2026-12-08", "08:30"));
  EXPECT_EQ(first["userCheckTime"], at("2026-12-08", "08:41:23"));
  EXPECT_EQ(first["workDate"], at("2026-12-08", "00:00"));
  body["offset"] = 5;
  Json rest = h->as(kCivilHead).post("/attendance/list", body).json();
  EXPECT_EQ(rest["hasMore"], false);
  EXPECT_EQ(rest["recordresult"].size(), 3u);

  body["workDateTo"] = "2026-12-15 00:00:00";
  EXPECT_EQ(h->as(kCivilHead).post("/attendance/list", body).status, 400);
  body["workDateTo"] = "2026-12-08 00:00:00";
  body["limit"] = 51;
  EXPECT_EQ(h->as(kCivilHead).post("/attendance/list", body).status, 400);
  body["limit"] = 50;
  EXPECT_EQ(h->as(kClerk).post("/attendance/list", body).status, 403);
}

}  // namespace
}  // namespace attendance::testing
