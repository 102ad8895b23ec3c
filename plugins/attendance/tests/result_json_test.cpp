// SPDX-License-Identifier: Apache-2.0
// The result shapes of docs/attendance.md "Results": a check field for field (punch, cover, 补卡,
// not signed), the day, DingTalk's attendance/list records and the summary CSV.
#include <gtest/gtest.h>

#include <courthub/time.hpp>

#include "result_json.hpp"

namespace attendance {
namespace {

using courthub::Json;
namespace t = courthub::time;

const Date kTuesday = t::make_date(2026, 12, 8);

int64_t at(int hour, int minute, int second = 0) {
  return t::to_unix_ms(kTuesday, hour * 60 + minute) + second * 1000;
}

Shift winter() {
  Shift s;
  s.id = "winter";
  s.name = "冬季作息";
  s.sections = {{8 * 60 + 30, 12 * 60}, {13 * 60 + 30, 17 * 60 + 30}};
  return s;
}

Punch punch(int64_t id, int64_t time_ms, std::string location = "Normal") {
  Punch p;
  p.id = id;
  p.user_id = "u1";
  p.time_ms = time_ms;
  p.work_date = "2026-12-08";
  p.source_type = "USER";
  p.location_result = std::move(location);
  p.location_method = "MAP";
  p.latitude = 41.7968;
  p.longitude = 123.403;
  return p;
}

CheckResult check(CheckType type, int plan, int from, int to) {
  CheckResult c;
  c.plan = PlannedCheck{type, plan, from, to};
  return c;
}

// The rules doc's worked example with the 外出 13:00–16:00 and a 补卡 of the evening check:
// OnDuty Late (punch 12 at 08:41:23), OffDuty Normal (punch 13), OnDuty covered, OffDuty 补卡.
DayView example_day() {
  DayView v;
  v.user_id = "u1";
  v.date = kTuesday;
  v.workday = true;
  Group g;
  g.id = "hp-staff";
  g.name = "和平区法院考勤组";
  v.group = g;
  v.shift = winter();
  v.punches = {punch(12, at(8, 41, 23)), punch(13, at(12, 3, 5), "Outside"),
               punch(14, at(17, 10))};
  auto late = check(CheckType::OnDuty, 510, 390, 614);
  late.result = TimeResult::Late;
  late.source = CheckSource::Punch;
  late.punch_id = 12;
  late.user_minute = 521;
  late.late_minutes = 11;
  auto noon = check(CheckType::OffDuty, 720, 615, 764);
  noon.result = TimeResult::Normal;
  noon.source = CheckSource::Punch;
  noon.punch_id = 13;
  noon.user_minute = 723;
  auto covered = check(CheckType::OnDuty, 810, 765, 929);
  covered.result = TimeResult::Normal;
  covered.source = CheckSource::Cover;
  covered.approval_id = "inst-outing";
  covered.approval_kind = "outing";
  auto fixed = check(CheckType::OffDuty, 1050, 930, 1290);
  fixed.result = TimeResult::Normal;
  fixed.source = CheckSource::Fix;
  fixed.user_minute = 1050;
  fixed.approval_id = "inst-fix";
  fixed.approval_kind = "punch_fix";
  v.result.status = DayStatus::Exception;
  v.result.checks = {late, noon, covered, fixed};
  v.result.counts.late = 1;
  v.result.counts.late_minutes = 11;
  v.result.counted_punch_ids = {12, 13};
  ApprovalRecord outing;
  outing.instance_id = "inst-outing";
  outing.kind = "outing";
  outing.from_ms = at(13, 0);
  outing.to_ms = at(16, 0);
  v.approvals = {outing};
  return v;
}

TEST(ResultJson, PunchedCheckIsDingTalksPunchResultFieldForField) {
  DayView v = example_day();
  Json c = check_json(v, v.result.checks[0]);
  EXPECT_EQ(c, Json::parse(R"({"checkType":"OnDuty","planCheckTime":"2026-12-08T08:30:00+08:00",
    "window":["06:30","10:14"],"userCheckTime":"2026-12-08T08:41:23+08:00","timeResult":"Late",
    "locationResult":"Normal","sourceType":"USER","lateMinutes":11,"earlyMinutes":0,"punchId":12,
    "approveId":null,"approveType":null,"approveSubType":null})"));
  // The location comes from the counted punch.
  EXPECT_EQ(check_json(v, v.result.checks[1])["locationResult"], "Outside");
}

TEST(ResultJson, CoveredCheckHasNoUserTimeAndIsApproved) {
  DayView v = example_day();
  Json c = check_json(v, v.result.checks[2]);
  EXPECT_TRUE(c["userCheckTime"].is_null());
  EXPECT_EQ(c["locationResult"], "Normal");
  EXPECT_EQ(c["sourceType"], "APPROVE");
  EXPECT_EQ(c["approveId"], "inst-outing");
  EXPECT_EQ(c["approveType"], "outing");
  EXPECT_TRUE(c["approveSubType"].is_null());
  EXPECT_TRUE(c["punchId"].is_null());
}

TEST(ResultJson, FixedCheckTakesThePlanTimeAsUserTime) {
  DayView v = example_day();
  Json c = check_json(v, v.result.checks[3]);
  EXPECT_EQ(c["userCheckTime"], "2026-12-08T17:30:00+08:00");
  EXPECT_EQ(c["sourceType"], "APPROVE");
  EXPECT_EQ(c["approveType"], "punch_fix");
  EXPECT_EQ(c["window"], Json::array({"15:30", "21:30"}));
}

TEST(ResultJson, NotSignedCheckHasNoSourceAndNotSignedLocation) {
  DayView v = example_day();
  CheckResult missing = check(CheckType::OnDuty, 810, 765, 929);
  Json c = check_json(v, missing);
  EXPECT_EQ(c["timeResult"], "NotSigned");
  EXPECT_EQ(c["locationResult"], "NotSigned");
  EXPECT_TRUE(c["sourceType"].is_null());
  EXPECT_TRUE(c["userCheckTime"].is_null());
}

TEST(ResultJson, WindowsBeyondTheDayAreShownWithinIt) {
  DayView v = example_day();
  Json c = check_json(v, check(CheckType::OnDuty, 60, -60, 200));
  EXPECT_EQ(c["window"], Json::array({"00:00", "03:20"}));
}

TEST(ResultJson, DayCarriesStatusGroupShiftCountsPunchesAndApprovals) {
  Json d = day_json(example_day());
  EXPECT_EQ(d["date"], "2026-12-08");
  EXPECT_EQ(d["weekday"], "周二");
  EXPECT_EQ(d["workday"], true);
  EXPECT_EQ(d["status"], "exception");
  EXPECT_EQ(d["group"], Json::parse(R"({"id":"hp-staff","name":"和平区法院考勤组","type":"FIXED"})"));
  EXPECT_EQ(d["shift"]["sections"], Json::array({"08:30-12:00", "13:30-17:30"}));
  EXPECT_EQ(d["counts"], Json::parse(R"({"late":1,"serious_late":0,"absenteeism":0,"early":0,
    "missing":0,"late_minutes":11,"early_minutes":0})"));
  ASSERT_EQ(d["checks"].size(), 4u);
  ASSERT_EQ(d["punches"].size(), 3u);
  EXPECT_EQ(d["punches"][0]["counted"], true);
  EXPECT_EQ(d["punches"][2]["counted"], false);  // 17:10 lost to the 补卡
  EXPECT_EQ(d["punches"][0]["time"], "2026-12-08T08:41:23+08:00");
  EXPECT_EQ(d["punches"][0]["latitude"], 41.7968);
  EXPECT_TRUE(d["punches"][0]["accuracy"].is_null());
  EXPECT_EQ(d["approvals"], Json::parse(R"([{"id":"inst-outing","type":"outing","sub_type":"",
    "from":"2026-12-08T13:00:00+08:00","to":"2026-12-08T16:00:00+08:00"}])"));
}

TEST(ResultJson, PersonInNoGroupIsUnassigned) {
  DayView v;
  v.date = kTuesday;
  v.result.status = DayStatus::Rest;
  Json d = day_json(v);
  EXPECT_EQ(d["status"], "unassigned");
  EXPECT_TRUE(d["group"].is_null());
  EXPECT_TRUE(d["shift"].is_null());
  EXPECT_EQ(d["checks"], Json::array());
}

TEST(ResultJson, DingTalkRecordsOnePerCheckInMilliseconds) {
  auto records = dingtalk_records(example_day());
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["id"], 12);
  EXPECT_EQ(records[0]["userId"], "u1");
  EXPECT_EQ(records[0]["groupId"], "hp-staff");
  EXPECT_EQ(records[0]["workDate"], t::to_unix_ms(kTuesday, 0));
  EXPECT_EQ(records[0]["baseCheckTime"], at(8, 30));
  EXPECT_EQ(records[0]["userCheckTime"], at(8, 41, 23));
  EXPECT_EQ(records[0]["timeResult"], "Late");
  EXPECT_EQ(records[0]["sourceType"], "USER");
  EXPECT_TRUE(records[0]["procInstId"].is_null());
  // Approved: DingTalk's user time is the plan time, the instance is named twice.
  EXPECT_EQ(records[2]["userCheckTime"], at(13, 30));
  EXPECT_EQ(records[2]["sourceType"], "APPROVE");
  EXPECT_EQ(records[2]["approveId"], "inst-outing");
  EXPECT_EQ(records[2]["procInstId"], "inst-outing");
  EXPECT_NE(records[0]["planId"], records[1]["planId"]);
}

TEST(ResultJson, SummaryCsvHasBomChineseHeadersAndSafeCells) {
  std::vector<Json> rows = {
      Json::parse(R"({"user_id":"u1","name":"张三","dept_name":"民一庭, 二组","late":2,
        "late_minutes":31,"leave_days":{"事假":1.5}})"),
      Json::parse(R"j({"user_id":"u2","name":"=HYPERLINK(\"x\")","dept_name":"立案庭","late":0,
        "late_minutes":0,"leave_days":{}})j")};
  std::string csv = summary_csv(rows);
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3), "工号,姓名,部门,迟到次数,迟到分钟,事假天数");
  EXPECT_NE(csv.find("u1,张三,\"民一庭, 二组\",2,31,1.5\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("u2,\"'=HYPERLINK(\"\"x\"\")\",立案庭,0,0,\r\n"), std::string::npos) << csv;
}

}  // namespace
}  // namespace attendance
