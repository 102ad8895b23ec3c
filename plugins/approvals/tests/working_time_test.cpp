// SPDX-License-Identifier: Apache-2.0
// Working time: working minutes between two instants on a calendar with a weekend, a holiday
// week and a 调休 make-up Saturday; inside/outside working hours; the settings that set them.
#include <gtest/gtest.h>

#include <set>

#include "../settings.hpp"
#include "../working_time.hpp"

namespace approvals {
namespace {

using courthub::Json;
using courthub::time::make_date;
using courthub::time::to_unix_ms;

// 2026: 国庆 2026-10-01..07 off; Saturday 2026-10-10 and Sunday 2026-09-20 are make-up workdays.
bool calendar_2026(courthub::time::Date d) {
  static const std::set<int> holidays = [] {
    std::set<int> s;
    for (unsigned day = 1; day <= 7; ++day)
      s.insert(std::chrono::sys_days{make_date(2026, 10, day)}.time_since_epoch().count());
    return s;
  }();
  const int key = std::chrono::sys_days{d}.time_since_epoch().count();
  if (d == make_date(2026, 10, 10) || d == make_date(2026, 9, 20)) return true;
  if (holidays.count(key)) return false;
  return monday_to_friday(d);
}

int64_t at(unsigned month, unsigned day, int hour, int minute = 0) {
  return to_unix_ms(make_date(2026, month, day), hour * 60 + minute);
}

const WorkingHours kHours{8 * 60 + 30, 17 * 60 + 30};

int64_t minutes(int64_t from, int64_t to) {
  return working_minutes_between(from, to, kHours, calendar_2026);
}

TEST(WorkingTime, InsideOneWorkingDay) {
  EXPECT_EQ(minutes(at(11, 2, 9), at(11, 2, 10, 30)), 90);  // Monday
}

TEST(WorkingTime, BeforeAndAfterHoursDoNotCount) {
  EXPECT_EQ(minutes(at(11, 2, 7), at(11, 2, 8, 45)), 15);
  EXPECT_EQ(minutes(at(11, 2, 17), at(11, 2, 22)), 30);
  EXPECT_EQ(minutes(at(11, 2, 18), at(11, 2, 23)), 0);
  EXPECT_EQ(minutes(at(11, 2, 0), at(11, 2, 8, 30)), 0);
}

TEST(WorkingTime, AcrossDays) {
  // Monday 17:00 to Tuesday 09:00: half an hour each side of the night.
  EXPECT_EQ(minutes(at(11, 2, 17), at(11, 3, 9)), 60);
  // Monday 08:30 to Wednesday 08:30: two full working days.
  EXPECT_EQ(minutes(at(11, 2, 8, 30), at(11, 4, 8, 30)), 2 * 9 * 60);
}

TEST(WorkingTime, WeekendDoesNotCount) {
  // Friday 17:00 to Monday 09:00.
  EXPECT_EQ(minutes(at(11, 6, 17), at(11, 9, 9)), 60);
  EXPECT_EQ(minutes(at(11, 7, 10), at(11, 8, 16)), 0);
}

TEST(WorkingTime, HolidayWeekDoesNotCount) {
  // Wednesday 2026-09-30 17:00 to Thursday 2026-10-08 09:00, across 国庆.
  EXPECT_EQ(minutes(at(9, 30, 17), at(10, 8, 9)), 60);
}

TEST(WorkingTime, MakeUpSaturdayCounts) {
  // Friday 2026-10-09 17:00 to the make-up Saturday 09:00, then to Monday 08:30.
  EXPECT_EQ(minutes(at(10, 9, 17), at(10, 10, 9)), 60);
  EXPECT_EQ(minutes(at(10, 9, 17), at(10, 12, 8, 30)), 30 + 9 * 60);
}

TEST(WorkingTime, ReversedOrEmptySpanIsZero) {
  EXPECT_EQ(minutes(at(11, 2, 12), at(11, 2, 10)), 0);
  EXPECT_EQ(minutes(at(11, 2, 10), at(11, 2, 10)), 0);
}

TEST(WorkingTime, WithinWorkingHours) {
  EXPECT_TRUE(within_working_hours(at(11, 2, 8, 30), kHours, calendar_2026));
  EXPECT_FALSE(within_working_hours(at(11, 2, 8, 29), kHours, calendar_2026));
  EXPECT_FALSE(within_working_hours(at(11, 2, 17, 30), kHours, calendar_2026));
  EXPECT_FALSE(within_working_hours(at(11, 8, 10), kHours, calendar_2026));   // Sunday
  EXPECT_FALSE(within_working_hours(at(10, 2, 10), kHours, calendar_2026));   // 国庆
  EXPECT_TRUE(within_working_hours(at(10, 10, 10), kHours, calendar_2026));   // make-up day
}

TEST(WorkingTime, ParsesWorkingHours) {
  EXPECT_EQ(parse_working_hours("08:30-17:30"), kHours);
  EXPECT_EQ(parse_working_hours("8:30-17:30"), kHours);
  EXPECT_FALSE(parse_working_hours("17:30-08:30"));
  EXPECT_FALSE(parse_working_hours("09:00-09:00"));
  EXPECT_FALSE(parse_working_hours("9-17"));
  EXPECT_FALSE(parse_working_hours("08:30-25:00"));
  EXPECT_EQ(working_hours_text(kHours), "08:30-17:30");
}

TEST(WorkingTime, SettingsDefaultAndRefuseNonsense) {
  std::vector<SettingsProblem> problems;
  Settings s = parse_settings(Json::object(), problems);
  EXPECT_EQ(s.working_hours, kHours);
  EXPECT_EQ(s.urge_interval_minutes, 30);

  problems.clear();
  s = parse_settings(Json::parse(R"({"working_hours": "09:00-18:00",
                                     "urge_interval_minutes": 60})"),
                     problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(s.working_hours, (WorkingHours{540, 1080}));
  EXPECT_EQ(s.urge_interval_minutes, 60);

  problems.clear();
  parse_settings(Json::parse(R"({"working_hours": "18:00-09:00",
                                 "urge_interval_minutes": 0})"),
                 problems);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].pointer, "/working_hours");
  EXPECT_NE(problems[0].message.find("08:30-17:30"), std::string::npos);
  EXPECT_EQ(problems[1].pointer, "/urge_interval_minutes");
}

}  // namespace
}  // namespace approvals
