// SPDX-License-Identifier: Apache-2.0
// The three jobs through attendance.so: the check-in reminder (first on-duty + 10 minutes, only
// those with nothing on their first check, once per day), the department heads' digest of
// yesterday's exceptions (workdays; nothing to say, no message), and the court admins' monthly
// report on the month's first workday (a make-up Sunday included).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "notice_fixture.hpp"

namespace attendance::testing {
namespace {

class Jobs : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
};

TEST_F(Jobs, AreScheduled) {
  const auto jobs = h->jobs();
  const auto find = [&](const std::string& prefix) {
    return std::any_of(jobs.begin(), jobs.end(),
                       [&](const std::string& j) { return j.rfind(prefix, 0) == 0; });
  };
  EXPECT_TRUE(find("attendance-remind * * * * *"));
  EXPECT_TRUE(find("attendance-digest 30 8 * * *"));
  EXPECT_TRUE(find("attendance-monthly 0 9 * * *"));
}

// ---- the reminder ----

TEST_F(Jobs, TheReminderGoesTenMinutesAfterTheFirstOnDutyToThoseWithNothingOnIt) {
  h->set_now_ms(at("2026-12-08", "08:39"));
  machine_punch(*h, kClerk, "2026-12-08", "08:25");  // checked in
  machine_punch(*h, kAdmin, "2026-12-08", "06:10");  // before the window: does not count
  away_for_the_day(*h, 51, "leave", kStaff, "2026-12-08");
  h->clear_outbox();

  h->run_job("attendance-remind", at("2026-12-08", "08:39"));
  EXPECT_TRUE(h->outbox().empty()) << "not yet: 08:30 + 10 is 08:40";
  h->run_job("attendance-remind", at("2026-12-08", "08:40"));
  const auto sent = h->outbox();
  // hp-staff (winter, 08:30) and the other court's default group (winter); not 立案庭 (TURN, no
  // roster: rest), not the clerk (punched), not the staff member (on leave).
  EXPECT_EQ(recipients(sent), (std::set<std::string>{kPresident, kVicePresident, kCivilHead, kJudge,
                                                     kAdmin, kOtherJudge, kOtherAdmin}));
  const Json* judge = sent_to(sent, kJudge);
  ASSERT_TRUE(judge);
  EXPECT_TRUE(has(markdown_text(*judge), "08:30")) << markdown_text(*judge);
  EXPECT_TRUE(has(markdown_text(*judge), "12月8日 周二"));
  EXPECT_TRUE(has(markdown_text(*judge), "(http://attendance.test/ui/)"));

  // Run again for the same minute (a retry): nothing new.
  h->run_job("attendance-remind", at("2026-12-08", "08:40"));
  EXPECT_EQ(h->outbox().size(), sent.size());
  h->run_job("attendance-remind", at("2026-12-08", "08:41"));
  EXPECT_EQ(h->outbox().size(), sent.size());
}

TEST_F(Jobs, NoReminderOnARestDay) {
  h->clear_outbox();
  h->run_job("attendance-remind", at("2026-12-12", "08:40"));  // Saturday
  EXPECT_TRUE(h->outbox().empty());
}

TEST_F(Jobs, TheReminderFollowsTheWorkCalendar) {
  h->clear_outbox();
  h->run_job("attendance-remind", at("2026-10-05", "08:40"));  // a Monday of 国庆节
  EXPECT_TRUE(h->outbox().empty());
  h->run_job("attendance-remind", at("2026-10-10", "08:40"));  // a make-up Saturday (调休上班)
  EXPECT_TRUE(recipients(h->outbox()).count(kJudge));
}

TEST_F(Jobs, ATurnGroupIsRemindedAtItsRosteredShift) {
  h->set_now_ms(at("2026-12-08", "07:00"));
  auto r = h->as(kAdmin).put(
      "/admin/groups/" + kTurnGroup + "/roster",
      Json::object({{"entries", Json::array({Json::object({{"user_id", kFilingClerk},
                                                           {"date", "2026-12-08"},
                                                           {"shift_id", kWindowShift}})})}}));
  ASSERT_EQ(r.status, 200) << r.body;
  h->clear_outbox();
  h->run_job("attendance-remind", at("2026-12-08", "08:10"));  // 立案窗口 08:00 + 10
  EXPECT_EQ(recipients(h->outbox()), (std::set<std::string>{kFilingClerk}));
}

// ---- the digest ----

class Digest : public Jobs {
 protected:
  void SetUp() override {
    h->set_now_ms(at("2026-12-09", "08:30"));
    // 2026-12-08: the judge as in the worked example, the clerk all normal; the rest nothing.
    for (auto c : {"08:41", "12:03", "17:10"}) machine_punch(*h, kJudge, "2026-12-08", c);
    for (auto c : {"08:20", "12:01", "13:25", "17:35"}) machine_punch(*h, kClerk, "2026-12-08", c);
    h->clear_outbox();
  }
};

TEST_F(Digest, EachHeadGetsYesterdaysExceptionsOfTheirDepartment) {
  h->run_job("attendance-digest", at("2026-12-09", "08:30"));
  const auto sent = h->outbox();
  const Json* civil = sent_to(sent, kCivilHead);
  ASSERT_TRUE(civil) << "民一庭's head";
  const std::string text = markdown_text(*civil);
  EXPECT_TRUE(has(text, "民事审判第一庭")) << text;
  EXPECT_TRUE(has(text, "12月8日 周二"));
  EXPECT_TRUE(has(text,
                  "赵红朋**：上班 08:30 迟到 11 分钟（08:41 打卡）；上班 13:30 缺卡；"
                  "下班 17:30 早退 20 分钟（17:10 打卡）"))
      << text;
  EXPECT_TRUE(has(text, "戴婷振**：旷工")) << "the head's own absent day";
  EXPECT_FALSE(has(text, "肖德民")) << "a normal day is not an exception";
  EXPECT_FALSE(has(text, "余磊龙")) << "another department";
  // The root department's head (the president) sees the court's departments under it.
  const Json* president = sent_to(sent, kPresident);
  ASSERT_TRUE(president);
  EXPECT_TRUE(has(markdown_text(*president), "赵红朋"));
  EXPECT_TRUE(has(markdown_text(*president), "余磊龙"));
  // 立案庭: TURN without a roster, everyone rested: nothing to say.
  EXPECT_FALSE(sent_to(sent, kFilingHead));
  EXPECT_EQ(sent.size(), 2u);

  h->run_job("attendance-digest", at("2026-12-09", "08:30"));
  EXPECT_EQ(h->outbox().size(), 2u) << "once per department and day";
}

TEST_F(Digest, NothingOnARestDayAndMondayTellsFriday) {
  // Saturday: no digest, though Friday had absences to tell.
  h->run_job("attendance-digest", at("2026-12-12", "08:30"));
  EXPECT_TRUE(h->outbox().empty());
  h->run_job("attendance-digest", at("2026-12-11", "08:30"));  // Friday, about Thursday
  EXPECT_FALSE(h->outbox().empty());
  h->clear_outbox();
  // Monday 12-14 tells Friday 12-11 (the weekend had no checks): nobody punched that Friday.
  h->run_job("attendance-digest", at("2026-12-14", "08:30"));
  const auto sent = h->outbox();
  const Json* civil = sent_to(sent, kCivilHead);
  ASSERT_TRUE(civil) << "Friday's exceptions, told on Monday";
  EXPECT_TRUE(has(markdown_text(*civil), "12月11日 周五")) << markdown_text(*civil);
}

TEST_F(Digest, ACoveredDayIsNoException) {
  away_for_the_day(*h, 61, "business_trip", kCivilHead, "2026-12-08");
  h->run_job("attendance-digest", at("2026-12-09", "08:30"));
  const auto sent = h->outbox();
  const Json* civil = sent_to(sent, kCivilHead);
  ASSERT_TRUE(civil);
  EXPECT_FALSE(has(markdown_text(*civil), "戴婷振")) << markdown_text(*civil);
}

// ---- the monthly report ----

TEST_F(Jobs, TheMonthlyReportGoesToEachCourtAdminOnTheMonthsFirstWorkday) {
  h->set_now_ms(at("2026-12-01", "09:00"));
  machine_punch(*h, kJudge, "2026-11-30", "08:41");
  h->clear_outbox();
  h->run_job("attendance-monthly", at("2026-12-01", "09:00"));  // Tuesday, the 1st
  const auto sent = h->outbox();
  EXPECT_EQ(recipients(sent), (std::set<std::string>{kAdmin, kOtherAdmin}));
  const Json* admin = sent_to(sent, kAdmin);
  ASSERT_TRUE(admin);
  const std::string text = markdown_text(*admin);
  EXPECT_TRUE(has(text, "沈阳市和平区人民法院 2026年11月考勤汇总")) << text;
  EXPECT_TRUE(has(text, "赵红朋（民事审判第一庭）")) << text;
  EXPECT_TRUE(has(text, "/apps/attendance/summary.csv?month=2026-11&court=LN-BC-SY-01"));
  EXPECT_FALSE(has(text, "关倩彪")) << "another court's person";

  h->run_job("attendance-monthly", at("2026-12-01", "09:00"));
  EXPECT_EQ(h->outbox().size(), sent.size()) << "once per court and month";
  h->clear_outbox();
  h->run_job("attendance-monthly", at("2026-12-02", "09:00"));
  EXPECT_TRUE(h->outbox().empty()) << "the 2nd is not the month's first workday";
}

TEST_F(Jobs, TheMonthsFirstWorkdayFollowsTheCalendar) {
  h->clear_outbox();
  h->run_job("attendance-monthly", at("2026-10-01", "09:00"));  // 国庆节
  h->run_job("attendance-monthly", at("2026-10-07", "09:00"));
  EXPECT_TRUE(h->outbox().empty());
  h->run_job("attendance-monthly", at("2026-10-08", "09:00"));  // the first workday
  EXPECT_EQ(recipients(h->outbox()), (std::set<std::string>{kAdmin, kOtherAdmin}));
  EXPECT_TRUE(has(markdown_text(h->outbox().front()), "2026年9月"));
  h->clear_outbox();
  h->run_job("attendance-monthly", at("2026-01-04", "09:00"));  // a make-up Sunday (调休)
  EXPECT_EQ(h->outbox().size(), 2u);
  EXPECT_TRUE(has(markdown_text(h->outbox().front()), "2025年12月"));
  h->clear_outbox();
  h->run_job("attendance-monthly", at("2026-01-05", "09:00"));
  EXPECT_TRUE(h->outbox().empty());
}

}  // namespace
}  // namespace attendance::testing
