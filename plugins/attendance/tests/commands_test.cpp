// SPDX-License-Identifier: Apache-2.0
// The robot through attendance.so: `checkin` links the page; `attendance today|month` answers the
// caller with their own checks and counts in a private chat, and in a group chat only points to
// the private chat; an unknown argument or caller gets a Chinese message.
#include <gtest/gtest.h>

#include "notice_fixture.hpp"

namespace attendance::testing {
namespace {

class Commands : public ::testing::Test {
 protected:
  void SetUp() override {
    h = make_harness();
    h->set_now_ms(at("2026-12-08", "12:30"));
    for (auto c : {"08:41", "12:03"}) machine_punch(*h, kJudge, "2026-12-08", c);
    machine_punch(*h, kJudge, "2026-12-07", "09:05");
  }
  std::unique_ptr<PluginHarness> h;
};

TEST_F(Commands, AreRegistered) {
  const auto names = h->commands();
  EXPECT_NE(std::find(names.begin(), names.end(), "checkin"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "attendance"), names.end());
}

TEST_F(Commands, CheckinLinksThePageEvenInAGroup) {
  for (bool in_group : {false, true}) {
    const auto r = h->as(kJudge).command("checkin", in_group);
    ASSERT_TRUE(r.ok) << r.text;
    EXPECT_TRUE(has(r.text, "(http://attendance.test/ui/)")) << r.text;
  }
}

TEST_F(Commands, TodayShowsTheCallersChecks) {
  const auto r = h->as(kJudge).command("attendance today");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(r.markdown);
  EXPECT_TRUE(has(r.text, "12月8日 周二")) << r.text;
  EXPECT_TRUE(has(r.text, "班次：冬季作息"));
  EXPECT_TRUE(has(r.text, "上班 08:30 迟到 11 分钟（08:41 打卡）"));
  EXPECT_TRUE(has(r.text, "下班 12:00 正常（12:03 打卡）"));
  EXPECT_TRUE(has(r.text, "上班 13:30 未打卡"));
  EXPECT_TRUE(h->as(kJudge).command("attendance 今天").ok);
}

TEST_F(Commands, TodayOnARestDay) {
  h->set_now_ms(at("2026-12-12", "10:00"));  // Saturday
  auto r = h->as(kJudge).command("attendance today");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(has(r.text, "今天休息")) << r.text;
}

TEST_F(Commands, MonthCountsTheCallersMonthSoFar) {
  const auto r = h->as(kJudge).command("attendance month");
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_TRUE(has(r.text, "2026年12月")) << r.text;
  EXPECT_TRUE(has(r.text, "截至 12月8日 周二"));
  // Dec 1–8: six workdays; the 7th late 35 minutes, the 8th late 11 and two checks not yet made.
  EXPECT_TRUE(has(r.text, "出勤 6 天")) << r.text;
  EXPECT_TRUE(has(r.text, "迟到 1 次（46 分钟）、严重迟到 1 次")) << r.text;
}

TEST_F(Commands, AGroupChatGetsNoPersonalDetails) {
  for (const char* line : {"attendance today", "attendance month"}) {
    const auto r = h->as(kJudge).command(line, true);
    ASSERT_TRUE(r.ok) << r.text;
    EXPECT_TRUE(has(r.text, "单聊")) << r.text;
    EXPECT_FALSE(has(r.text, "迟到")) << r.text;
    EXPECT_FALSE(has(r.text, "08:41")) << r.text;
  }
}

TEST_F(Commands, AnUnknownArgumentGetsTheUsage) {
  const auto r = h->as(kJudge).command("attendance yesterday");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(has(r.text, "attendance today")) << r.text;
  EXPECT_FALSE(h->as(kJudge).command("attendance").ok);
}

TEST_F(Commands, AnUnknownCallerIsRefused) {
  const auto r = h->as_anonymous().command("attendance today");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(has(r.text, "未能识别您的身份")) << r.text;
}

}  // namespace
}  // namespace attendance::testing
