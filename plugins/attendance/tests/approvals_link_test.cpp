// SPDX-License-Identifier: Apache-2.0
// Approvals in (approvals.instance_finished, approvals.request_rejected) and 补卡 requests out
// (POST /punch-fixes): what is stored, what the results then show, the month's cap at submission
// and when applied, approvals taken back, forms in every format the issue names.
#include <gtest/gtest.h>

#include "approval_link.hpp"
#include "result_fixture.hpp"

namespace attendance::testing {
namespace {

namespace t = courthub::time;

// ---- reading forms ----

TEST(FormMoment, ReadsEveryFormatTheFormsUse) {
  auto wall = parse_form_moment("2026-12-08 09:15");
  ASSERT_TRUE(wall);
  EXPECT_EQ(wall->unix_ms, at("2026-12-08", "09:15"));
  EXPECT_EQ(wall->minute, 9 * 60 + 15);
  auto date = parse_form_moment("2026-12-08");
  ASSERT_TRUE(date);
  EXPECT_TRUE(date->date_only);
  auto iso = parse_form_moment("2026-12-08T09:15:30+08:00");
  ASSERT_TRUE(iso);
  EXPECT_EQ(iso->unix_ms, at("2026-12-08", "09:15:30"));
  // Another offset is the same instant, shown in the court's time.
  auto utc = parse_form_moment("2026-12-08T01:15:00Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(utc->unix_ms, at("2026-12-08", "09:15"));
  EXPECT_EQ(utc->minute, 9 * 60 + 15);
  auto half = parse_form_moment("2026-12-08 PM");
  ASSERT_TRUE(half);
  EXPECT_EQ(half->half, 2);
  EXPECT_FALSE(parse_form_moment("08/12/2026"));
  EXPECT_FALSE(parse_form_moment("2026-12-08 25:00"));
  EXPECT_FALSE(parse_form_moment("2026-12-08T09:15+8"));
}

TEST(ReadFinished, LeavePeriodsOfDatesCoverWholeDays) {
  std::string problem;
  auto r = read_finished(finished_event(7, "leave", kJudge,
                                        {{"leave_type", "病假"},
                                         {"period", Json::array({"2026-12-08", "2026-12-09"})}}),
                         "leave", problem);
  ASSERT_TRUE(r) << problem;
  EXPECT_EQ(r->instance_id, "7");
  EXPECT_EQ(r->sub_type, "病假");
  EXPECT_EQ(r->from_ms, at("2026-12-08", "00:00"));
  EXPECT_EQ(r->to_ms, at("2026-12-10", "00:00"));
}

TEST(ReadFinished, PunchFixReadsChineseCheckTypesAndBothTimeForms) {
  std::string problem;
  auto a = read_finished(finished_event(8, "punch_fix", kJudge,
                                        {{"date", "2026-12-08"},
                                         {"check_type", "下班"},
                                         {"time", "2026-12-08 17:31"}}),
                         "punch_fix", problem);
  ASSERT_TRUE(a) << problem;
  EXPECT_EQ(a->fix_type, CheckType::OffDuty);
  EXPECT_EQ(a->fix_minute, 17 * 60 + 31);
  EXPECT_EQ(a->fix_date, "2026-12-08");
  auto b = read_finished(finished_event(9, "punch_fix", kJudge,
                                        {{"date", "2026-12-08"},
                                         {"check_type", "OnDuty"},
                                         {"time", "08:30"}}),
                         "punch_fix", problem);
  ASSERT_TRUE(b) << problem;
  EXPECT_EQ(b->fix_type, CheckType::OnDuty);
  EXPECT_EQ(b->fix_minute, 8 * 60 + 30);
  EXPECT_FALSE(read_finished(finished_event(10, "punch_fix", kJudge,
                                            {{"date", "2026-12-08"}, {"check_type", "加班"},
                                             {"time", "08:30"}}),
                             "punch_fix", problem));
  EXPECT_NE(problem.find("check_type"), std::string::npos);
}

// ---- events into results ----

class ApprovalsLink : public ::testing::Test {
 protected:
  void SetUp() override {
    h = make_harness();
    h->set_now_ms(at("2026-12-08", "22:00"));
  }
  // The worked example's punches: 08:41, 12:03, 17:10.
  void example_punches() {
    for (auto clock : {"08:41", "12:03", "17:10"}) add_punch(*h, kJudge, at("2026-12-08", clock));
  }
  std::unique_ptr<PluginHarness> h;
};

TEST_F(ApprovalsLink, AgreedOutingCoversTheAfternoonOnDuty) {
  example_punches();
  EXPECT_EQ(day_of(*h, kJudge, "2026-12-08")["checks"][2]["timeResult"], "NotSigned");
  auto r = h->deliver_event(
      "approvals.instance_finished",
      finished_event(31, "outing", kJudge,
                     {{"period", Json::array({"2026-12-08 13:00", "2026-12-08 16:00"})}}));
  ASSERT_TRUE(r.ok) << r.error;
  Json day = day_of(*h, kJudge, "2026-12-08");
  Json check = day["checks"][2];
  EXPECT_EQ(check["timeResult"], "Normal");
  EXPECT_EQ(check["sourceType"], "APPROVE");
  EXPECT_EQ(check["approveId"], "31");
  EXPECT_EQ(check["approveType"], "outing");
  EXPECT_TRUE(check["userCheckTime"].is_null());
  EXPECT_EQ(day["counts"]["missing"], 0);
  ASSERT_EQ(day["approvals"].size(), 1u);
  EXPECT_EQ(day["approvals"][0]["from"], "2026-12-08T13:00:00+08:00");
}

TEST_F(ApprovalsLink, LeaveCanceledLaterIsTakenBack) {
  Json form = {{"leave_type", "事假"}, {"period", Json::array({"2026-12-08", "2026-12-08"})}};
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished",
                               finished_event(40, "leave", kJudge, form))
                  .ok);
  Json day = day_of(*h, kJudge, "2026-12-08");
  EXPECT_EQ(day["status"], "normal");
  EXPECT_EQ(day["checks"][0]["approveSubType"], "事假");
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished",
                               finished_event(40, "leave", kJudge, form, "canceled"))
                  .ok);
  EXPECT_EQ(day_of(*h, kJudge, "2026-12-08")["status"], "absent");
  auto rows = h->query("SELECT state FROM approvals WHERE instance_id = '40'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["state"], "canceled");
}

TEST_F(ApprovalsLink, RefusedAndUnknownTemplatesChangeNothing) {
  example_punches();
  Json before = day_of(*h, kJudge, "2026-12-08");
  Json period = {{"period", Json::array({"2026-12-08 08:00", "2026-12-08 18:00"})}};
  EXPECT_TRUE(h->deliver_event("approvals.instance_finished",
                               finished_event(50, "outing", kJudge, period, "refuse"))
                  .ok);
  EXPECT_TRUE(h->deliver_event("approvals.instance_finished",
                               finished_event(51, "vehicle", kJudge, period))
                  .ok);
  EXPECT_EQ(day_of(*h, kJudge, "2026-12-08"), before);
  EXPECT_TRUE(h->query("SELECT * FROM approvals WHERE instance_id = '51'").empty());
}

TEST_F(ApprovalsLink, UnreadableFormIsDroppedNotRetried) {
  auto r = h->deliver_event("approvals.instance_finished",
                            finished_event(60, "leave", kJudge, {{"period", "next week"}}));
  EXPECT_TRUE(r.ok);
  EXPECT_FALSE(r.retry);
  EXPECT_TRUE(h->query("SELECT * FROM approvals").empty());
}

TEST_F(ApprovalsLink, OutsidePunchCountsOnceItsApprovalIsAgreed) {
  add_punch(*h, kJudge, at("2026-12-08", "08:20"));
  const int64_t outside = add_punch(*h, kJudge, at("2026-12-08", "17:40"), "pending", "Outside");
  EXPECT_EQ(day_of(*h, kJudge, "2026-12-08")["checks"][3]["timeResult"], "NotSigned");
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished",
                               finished_event(70, "outside_punch", kJudge,
                                              {{"time", "2026-12-08 17:40"}}, "agree", 0,
                                              "attendance", "punch:" + std::to_string(outside)))
                  .ok);
  Json check = day_of(*h, kJudge, "2026-12-08")["checks"][3];
  EXPECT_EQ(check["timeResult"], "Normal");
  EXPECT_EQ(check["punchId"], outside);
  EXPECT_EQ(check["locationResult"], "Outside");
}

// ---- 补卡 ----

Json fix_body(const std::string& date, const std::string& type = "OnDuty",
              const std::string& time = "08:30") {
  return {{"date", date}, {"check_type", type}, {"time", time}, {"reason", "忘记打卡"}};
}

TEST_F(ApprovalsLink, PunchFixAsksTheApprovalsPluginInTheSameTransaction) {
  auto r = h->as(kJudge).post("/punch-fixes", fix_body("2026-12-08", "OffDuty", "17:30"));
  ASSERT_EQ(r.status, 201) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["request_id"], "fix:" + std::to_string(body["id"].get<int64_t>()));
  EXPECT_EQ(body["used"], 1);
  EXPECT_EQ(body["limit"], 3);
  auto published = h->published();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["topic"], "attendance.approval_requested");
  Json p = published[0]["payload"];
  EXPECT_EQ(p["request_id"], body["request_id"]);
  EXPECT_EQ(p["template"], "punch_fix");
  EXPECT_EQ(p["originator"], kJudge);
  EXPECT_EQ(p["form"], Json::parse(R"({"date":"2026-12-08","check_type":"下班",
    "time":"2026-12-08 17:30","reason":"忘记打卡"})"));
}

TEST_F(ApprovalsLink, AgreedPunchFixMakesTheCheckNormalAtPlanTime) {
  example_punches();
  auto r = h->as(kJudge).post("/punch-fixes", fix_body("2026-12-08", "OnDuty", "13:35"));
  ASSERT_EQ(r.status, 201) << r.body;
  Json form = h->published().at(0)["payload"]["form"];
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished",
                               finished_event(80, "punch_fix", kJudge, form, "agree",
                                              at("2026-12-08", "21:00"), "attendance",
                                              r.json()["request_id"]))
                  .ok);
  Json check = day_of(*h, kJudge, "2026-12-08")["checks"][2];
  EXPECT_EQ(check["timeResult"], "Normal");
  EXPECT_EQ(check["sourceType"], "APPROVE");
  EXPECT_EQ(check["userCheckTime"], "2026-12-08T13:30:00+08:00");
  EXPECT_EQ(check["approveType"], "punch_fix");
  auto rows = h->query("SELECT state, instance_id FROM punch_fix_requests");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["state"], "agree");
  EXPECT_EQ(rows[0]["instance_id"], "80");
}

TEST_F(ApprovalsLink, FourthPunchFixOfAMonthIsRefusedInChinese) {
  for (auto date : {"2026-12-01", "2026-12-02", "2026-12-03"})
    ASSERT_EQ(h->as(kJudge).post("/punch-fixes", fix_body(date)).status, 201);
  auto fourth = h->as(kJudge).post("/punch-fixes", fix_body("2026-12-04"));
  EXPECT_EQ(fourth.status, 409) << fourth.body;
  EXPECT_NE(error_message(fourth).find("3次"), std::string::npos) << fourth.body;
  EXPECT_EQ(h->published().size(), 3u);
  // Another month has its own three; another person too.
  EXPECT_EQ(h->as(kJudge).post("/punch-fixes", fix_body("2026-11-30")).status, 201);
  EXPECT_EQ(h->as(kClerk).post("/punch-fixes", fix_body("2026-12-04")).status, 201);
}

TEST_F(ApprovalsLink, PunchFixOlderThanTheWindowIsRefusedNamingIt) {
  // Today is 2026-12-08: the default window of 31 days reaches back to 2026-11-07.
  EXPECT_EQ(h->as(kJudge).post("/punch-fixes", fix_body("2026-11-09")).status, 201);
  auto old = h->as(kJudge).post("/punch-fixes", fix_body("2026-11-06"));
  ASSERT_EQ(old.status, 409) << old.body;
  EXPECT_NE(error_message(old).find("31天"), std::string::npos) << old.body;
  Json details = old.json()["error"]["details"];
  EXPECT_EQ(details["code"], "punch_fix_window");
  EXPECT_EQ(details["window_days"], 31);
  EXPECT_EQ(details["oldest_date"], "2026-11-07");
  EXPECT_EQ(h->published().size(), 1u);  // nothing asked of approvals for the refused one

  Json settings = test_settings();
  settings["punch_fix_window_days"] = 3;
  auto narrow = make_harness(settings);
  narrow->set_now_ms(at("2026-12-08", "22:00"));
  EXPECT_EQ(narrow->as(kJudge).post("/punch-fixes", fix_body("2026-12-07")).status, 201);
  auto four_days = narrow->as(kJudge).post("/punch-fixes", fix_body("2026-12-04"));
  EXPECT_EQ(four_days.status, 409) << four_days.body;
  EXPECT_NE(error_message(four_days).find("3天"), std::string::npos) << four_days.body;
}

TEST(ReadFinished, ALeaveWithoutLeaveTypeIsOfItsTemplatesName) {
  // 调休 (time_off) is mapped to leave in approval_templates; its form has no leave_type.
  Json event = finished_event(12, "time_off", kJudge,
                              {{"period", Json::array({"2026-12-08 09:00", "2026-12-08 12:00"})},
                               {"days", 0.5}});
  event["template_name"] = "调休";
  std::string problem;
  auto r = read_finished(event, "leave", problem);
  ASSERT_TRUE(r) << problem;
  EXPECT_EQ(r->sub_type, "调休");
}

TEST_F(ApprovalsLink, RejectedRequestFreesItsPlaceUnderTheCap) {
  std::string first;
  for (auto date : {"2026-12-01", "2026-12-02", "2026-12-03"}) {
    auto r = h->as(kJudge).post("/punch-fixes", fix_body(date));
    ASSERT_EQ(r.status, 201);
    if (first.empty()) first = r.json()["request_id"];
  }
  ASSERT_TRUE(h->deliver_event("approvals.request_rejected",
                               {{"source", "attendance"}, {"request_id", first},
                                {"reason", "unknown template 'punch_fix'"}})
                  .ok);
  EXPECT_EQ(h->query("SELECT state FROM punch_fix_requests ORDER BY id")[0]["state"], "rejected");
  EXPECT_EQ(h->as(kJudge).post("/punch-fixes", fix_body("2026-12-04")).status, 201);
}

TEST_F(ApprovalsLink, PunchFixRefusesBadFieldsRestDaysAndTheFuture) {
  auto bad_type = h->as(kJudge).post("/punch-fixes", fix_body("2026-12-08", "Lunch"));
  EXPECT_EQ(bad_type.status, 400);
  EXPECT_NE(error_message(bad_type).find("check_type"), std::string::npos);
  auto bad_time = h->as(kJudge).post("/punch-fixes", fix_body("2026-12-08", "OnDuty", "8.30"));
  EXPECT_EQ(bad_time.status, 400);
  EXPECT_NE(error_message(bad_time).find("time"), std::string::npos);
  auto future = h->as(kJudge).post("/punch-fixes", fix_body("2026-12-09"));
  EXPECT_EQ(future.status, 400);
  EXPECT_NE(error_message(future).find("future"), std::string::npos);
  Json no_reason = fix_body("2026-12-08");
  no_reason.erase("reason");
  EXPECT_EQ(h->as(kJudge).post("/punch-fixes", no_reason).status, 400);
  EXPECT_EQ(h->as(kJudge).post("/punch-fixes", fix_body("2026-12-06")).status, 409);  // Sunday
  EXPECT_EQ(h->as_admin().post("/punch-fixes", fix_body("2026-12-08")).status, 403);
  EXPECT_TRUE(h->published().empty());
}

TEST_F(ApprovalsLink, OnlyTheFirstThreeAgreedFixesOfAMonthApply) {
  // Four agreed 补卡 mirrored from DingTalk (no submission cap there): the one finished last
  // does not apply, whatever its date.
  const char* dates[] = {"2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"};
  const char* finished[] = {"09:00", "09:10", "09:05", "08:50"};
  for (int i = 0; i < 4; ++i) {
    Json form = {{"date", dates[i]}, {"check_type", "上班"}, {"time", "08:30"}};
    ASSERT_TRUE(h->deliver_event("approvals.instance_finished",
                                 finished_event(90 + i, "punch_fix", kJudge, form, "agree",
                                                at("2026-12-05", finished[i]), "dingtalk"))
                    .ok);
  }
  // Finished in the order 12-04, 12-01, 12-03, 12-02: the 2nd of December's is the fourth.
  for (auto [date, source] : {std::pair{"2026-12-01", "APPROVE"}, {"2026-12-02", ""},
                              {"2026-12-03", "APPROVE"}, {"2026-12-04", "APPROVE"}}) {
    Json check = day_of(*h, kJudge, date)["checks"][0];
    if (std::string(source).empty())
      EXPECT_TRUE(check["sourceType"].is_null()) << date;
    else
      EXPECT_EQ(check["sourceType"], source) << date;
  }
}

}  // namespace
}  // namespace attendance::testing
