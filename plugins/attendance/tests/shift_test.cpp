// SPDX-License-Identifier: Apache-2.0
// Shifts (attendance-rules.md §1): the checks a shift plans, their windows split at the rounded-
// down midpoints, the first and last window edges, the problems that make a shift unusable, and
// the "08:30-12:00" section text.
#include <gtest/gtest.h>

#include "shift.hpp"

namespace attendance {
namespace {

constexpr int hm(int h, int m) { return h * 60 + m; }

Shift winter_shift() {
  Shift s;
  s.id = "winter";
  s.name = "冬季作息";
  s.sections = {{hm(8, 30), hm(12, 0)}, {hm(13, 30), hm(17, 30)}};
  return s;
}

TEST(Shift, TheRulesDocExampleHasFourChecksWithTheDocWindows) {
  const auto checks = plan_checks(winter_shift());
  ASSERT_EQ(checks.size(), 4u);
  EXPECT_EQ(checks[0].type, CheckType::OnDuty);
  EXPECT_EQ(checks[1].type, CheckType::OffDuty);
  EXPECT_EQ(checks[2].type, CheckType::OnDuty);
  EXPECT_EQ(checks[3].type, CheckType::OffDuty);
  EXPECT_EQ(checks[0].plan_minute, hm(8, 30));
  EXPECT_EQ(checks[3].plan_minute, hm(17, 30));
  // 06:30–10:14, 10:15–12:44, 12:45–15:29, 15:30–21:30.
  EXPECT_EQ(checks[0].window_from, hm(6, 30));
  EXPECT_EQ(checks[0].window_to, hm(10, 14));
  EXPECT_EQ(checks[1].window_from, hm(10, 15));
  EXPECT_EQ(checks[1].window_to, hm(12, 44));
  EXPECT_EQ(checks[2].window_from, hm(12, 45));
  EXPECT_EQ(checks[2].window_to, hm(15, 29));
  EXPECT_EQ(checks[3].window_from, hm(15, 30));
  EXPECT_EQ(checks[3].window_to, hm(21, 30));
}

TEST(Shift, AnOddMidpointIsRoundedDown) {
  Shift s;
  s.sections = {{hm(9, 0), hm(12, 1)}};  // midpoint 10:30.5 -> 10:30 starts the OffDuty window
  const auto checks = plan_checks(s);
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].window_to, hm(10, 29));
  EXPECT_EQ(checks[1].window_from, hm(10, 30));
}

TEST(Shift, TheOuterWindowsFollowTheShiftSettingsAndMayLeaveTheDay) {
  Shift s;
  s.sections = {{hm(1, 0), hm(23, 0)}};
  s.rules.on_window_before = 90;
  s.rules.off_window_after = 120;
  const auto checks = plan_checks(s);
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].window_from, hm(1, 0) - 90);  // -30: before midnight
  EXPECT_EQ(checks[1].window_to, hm(23, 0) + 120);  // 1500: after midnight
}

TEST(Shift, DefaultsAreTheRulesDocs) {
  const ShiftRules r;
  EXPECT_EQ(r.flex_minutes, 0);
  EXPECT_EQ(r.serious_late_minutes, 30);
  EXPECT_EQ(r.absent_late_minutes, 60);
  EXPECT_EQ(r.on_window_before, 120);
  EXPECT_EQ(r.off_window_after, 240);
}

TEST(Shift, ProblemsNameWhatIsWrong) {
  EXPECT_FALSE(shift_problem(winter_shift()));
  Shift s = winter_shift();
  s.sections.clear();
  EXPECT_TRUE(shift_problem(s));
  s = winter_shift();
  s.sections[1].on_minute = hm(11, 0);  // overlaps the morning
  ASSERT_TRUE(shift_problem(s));
  EXPECT_NE(shift_problem(s)->find("order"), std::string::npos);
  s = winter_shift();
  s.sections[0] = {hm(12, 0), hm(8, 30)};  // off before on
  EXPECT_TRUE(shift_problem(s));
  s = winter_shift();
  s.sections[1].off_minute = 1440;  // no 跨天
  EXPECT_TRUE(shift_problem(s));
  s = winter_shift();
  s.sections[0].on_minute = -1;
  EXPECT_TRUE(shift_problem(s));
  s = winter_shift();
  s.rules.flex_minutes = -1;
  EXPECT_NE(shift_problem(s)->find("flex_minutes"), std::string::npos);
  s = winter_shift();
  s.rules.serious_late_minutes = 60;  // equal to absent_late
  EXPECT_NE(shift_problem(s)->find("serious_late_minutes"), std::string::npos);
}

TEST(Shift, SectionsParseAndFormat) {
  const auto s = parse_section("08:30-12:00");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->on_minute, hm(8, 30));
  EXPECT_EQ(s->off_minute, hm(12, 0));
  EXPECT_EQ(format_section(*s), "08:30-12:00");
  EXPECT_EQ(format_section({0, 1439}), "00:00-23:59");
  for (const char* bad : {"", "8:30-12:00", "08:30–12:00", "08:30-24:00", "08:60-12:00",
                          "08:30-12:00 ", "0a:30-12:00", "08:30"})
    EXPECT_FALSE(parse_section(bad)) << bad;
  EXPECT_EQ(name_of(CheckType::OnDuty), "OnDuty");
  EXPECT_EQ(name_of(CheckType::OffDuty), "OffDuty");
}

}  // namespace
}  // namespace attendance
