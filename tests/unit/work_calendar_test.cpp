// SPDX-License-Identifier: Apache-2.0
// Tests for WorkCalendar on the shipped 2025 and 2026 files (config/calendar/) and on files with
// mistakes in them: 调休 Saturdays, Spring Festival, weekends, counting across a holiday, the
// fallback for a year without a file, and file:line errors.
#include "host/time/work_calendar.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace courthub::time {
namespace {

using namespace std::chrono_literals;
using std::chrono::year;

const std::vector<std::string> kShipped = {COURTHUB_SOURCE_DIR "/config/calendar/cn-2025.yaml",
                                           COURTHUB_SOURCE_DIR "/config/calendar/cn-2026.yaml"};

std::shared_ptr<const WorkCalendar> shipped(WorkCalendar::FallbackReport report = {}) {
  auto load = WorkCalendar::load(kShipped, std::move(report));
  for (auto& e : load.errors) ADD_FAILURE() << e.to_string();
  return load.calendar;
}

constexpr Date d(int y, unsigned m, unsigned day) {
  return Date{year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

TEST(WorkCalendar, SpringFestival2026IsNineDaysOffWithTwoMakeUpSaturdays) {
  auto cal = shipped();
  for (unsigned day = 15; day <= 23; ++day) {
    EXPECT_FALSE(cal->is_workday(d(2026, 2, day))) << "2026-02-" << day;
    EXPECT_EQ(cal->holiday_name(d(2026, 2, day)), "春节");
  }
  EXPECT_TRUE(cal->is_workday(d(2026, 2, 13)));  // Friday before
  EXPECT_TRUE(cal->is_workday(d(2026, 2, 14)));  // Saturday, 调休
  EXPECT_TRUE(cal->is_workday(d(2026, 2, 24)));  // Tuesday after
  EXPECT_TRUE(cal->is_workday(d(2026, 2, 28)));  // Saturday, 调休
  EXPECT_EQ(cal->holiday_name(d(2026, 2, 14)), std::nullopt);
}

TEST(WorkCalendar, MakeUpDaysOfBothYearsAreWorkdays) {
  auto cal = shipped();
  for (Date day : {d(2025, 1, 26), d(2025, 2, 8), d(2025, 4, 27), d(2025, 9, 28), d(2025, 10, 11),
                   d(2026, 1, 4), d(2026, 5, 9), d(2026, 9, 20), d(2026, 10, 10)}) {
    EXPECT_TRUE(cal->is_workday(day)) << static_cast<int>(day.year()) << "-"
                                      << static_cast<unsigned>(day.month()) << "-"
                                      << static_cast<unsigned>(day.day());
  }
}

TEST(WorkCalendar, WeekendsAreOffUnlessTheyAreMakeUpDays) {
  auto cal = shipped();
  EXPECT_FALSE(cal->is_workday(d(2026, 3, 7)));  // an ordinary Saturday
  EXPECT_FALSE(cal->is_workday(d(2026, 3, 8)));  // an ordinary Sunday
  EXPECT_TRUE(cal->is_workday(d(2026, 3, 9)));   // an ordinary Monday
  EXPECT_FALSE(cal->is_workday(d(2026, 9, 19)));  // the Saturday before the 调休 Sunday
  EXPECT_TRUE(cal->is_workday(d(2026, 9, 20)));   // 调休 Sunday
  EXPECT_FALSE(cal->is_workday(d(2025, 10, 8)));  // a Wednesday inside 国庆节、中秋节
  EXPECT_FALSE(cal->is_workday(d(2026, 1, 1)));   // 元旦, a Thursday
  EXPECT_FALSE(cal->is_workday(Date{year{2026}, std::chrono::February, std::chrono::day{30}}));
}

TEST(WorkCalendar, NextWorkdayJumpsOverTheHoliday) {
  auto cal = shipped();
  EXPECT_EQ(cal->next_workday_on_or_after(d(2026, 2, 15)), d(2026, 2, 24));
  EXPECT_EQ(cal->next_workday_on_or_after(d(2026, 2, 13)), d(2026, 2, 13));
  EXPECT_EQ(cal->next_workday_after(d(2026, 2, 13)), d(2026, 2, 14));  // the 调休 Saturday
  EXPECT_EQ(cal->next_workday_after(d(2026, 9, 30)), d(2026, 10, 8));
  // 元旦 is 2026-01-01..03; the Sunday after it is a 调休 workday.
  EXPECT_EQ(cal->next_workday_after(d(2025, 12, 31)), d(2026, 1, 4));
}

TEST(WorkCalendar, WorkdaysBetweenIsHalfOpenAndCountsTheHoliday) {
  auto cal = shipped();
  // February 2026: 20 weekdays, minus 6 holiday weekdays (16th-20th, 23rd), plus 2 Saturdays.
  EXPECT_EQ(cal->workdays_between(d(2026, 2, 1), d(2026, 3, 1)), 16);
  // The week of the festival alone: Monday 2026-02-16 to Monday 2026-02-23 (excluded).
  EXPECT_EQ(cal->workdays_between(d(2026, 2, 16), d(2026, 2, 23)), 0);
  // Friday the 13th to Tuesday the 24th, both counted: 13th, 14th (调休), 24th.
  EXPECT_EQ(cal->workdays_between(d(2026, 2, 13), d(2026, 2, 25)), 3);
  EXPECT_EQ(cal->workdays_between(d(2026, 2, 13), d(2026, 2, 13)), 0);
  EXPECT_EQ(cal->workdays_between(d(2026, 2, 25), d(2026, 2, 13)), -3);
  // Ranges add up.
  EXPECT_EQ(cal->workdays_between(d(2025, 1, 1), d(2025, 7, 1)) +
                cal->workdays_between(d(2025, 7, 1), d(2026, 1, 1)),
            cal->workdays_between(d(2025, 1, 1), d(2026, 1, 1)));
  // A whole year agrees with asking day by day.
  int64_t by_day = 0;
  for (std::chrono::sys_days x{d(2025, 1, 1)}; x < std::chrono::sys_days{d(2026, 1, 1)};
       x += std::chrono::days{1})
    by_day += cal->is_workday(Date{x}) ? 1 : 0;
  EXPECT_EQ(cal->workdays_between(d(2025, 1, 1), d(2026, 1, 1)), by_day);
}

TEST(WorkCalendar, AYearWithoutAFileFallsBackToWeekdaysAndIsReportedOnce) {
  std::vector<int> reported;
  auto cal = shipped([&](year y) { reported.push_back(static_cast<int>(y)); });
  EXPECT_TRUE(cal->covers(year{2026}));
  EXPECT_FALSE(cal->covers(year{2027}));
  EXPECT_TRUE(cal->is_workday(d(2027, 2, 8)));  // a Monday; whatever the Spring Festival brings
  EXPECT_FALSE(cal->is_workday(d(2027, 2, 6)));
  EXPECT_EQ(cal->workdays_between(d(2027, 3, 1), d(2027, 3, 8)), 5);
  EXPECT_TRUE(cal->is_workday(d(2026, 6, 1)));  // covered: no report
  EXPECT_EQ(reported, std::vector<int>{2027});
  EXPECT_EQ(cal->workdays_between(d(2026, 12, 28), d(2028, 1, 4)),
            cal->workdays_between(d(2026, 12, 28), d(2027, 1, 1)) + 261 + 1);  // 2028-01-03 Mon
  EXPECT_EQ(reported, (std::vector<int>{2027, 2028}));
}

class CalendarFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "courthub-calendar-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  std::vector<std::string> errors(const std::vector<std::string>& files) {
    std::vector<std::string> out;
    for (auto& e : WorkCalendar::load(files).errors) out.push_back(e.to_string());
    return out;
  }
  std::string dir_;
};

TEST_F(CalendarFiles, BadDataIsAnErrorWithFileAndLine) {
  std::string f = write("cn-2026.yaml",
                        "year: 2026\n"
                        "notice: test\n"
                        "holidays:\n"
                        "  - name: 春节\n"
                        "    from: 2026-02-15\n"
                        "    to: 2026-02-17\n"
                        "  - name: 又一个\n"
                        "    from: 2026-02-17\n"           // line 8: listed twice
                        "  - name: 坏日期\n"
                        "    from: 2026-02-30\n"           // line 10
                        "  - name: 去年\n"
                        "    from: 2025-12-31\n"           // line 12
                        "  - name: 倒序\n"
                        "    from: 2026-03-05\n"
                        "    to: 2026-03-01\n"             // line 15
                        "  - name: 调休\n"
                        "    from: 2026-04-01\n"
                        "    workdays: [2026-04-02]\n"     // line 18: a Thursday
                        "    colour: red\n");              // line 19
  EXPECT_EQ(errors({f}),
            (std::vector<std::string>{
                f + ":8: 2026-02-17 is listed twice (also at line 5)",
                f + ":10: from '2026-02-30' is not a date: write YYYY-MM-DD, e.g. 2026-02-15",
                f + ":12: from 2025-12-31 is not in 2026, the year of this file",
                f + ":15: to 2026-03-01 is before from 2026-03-05",
                f + ":19: unknown key 'colour'",
                f + ":18: workday 2026-04-02 is a weekday, a workday anyway; list only the "
                    "Saturdays and Sundays the notice moves work to",
            }));
}

TEST_F(CalendarFiles, MissingNoticeYearTwiceAndSyntax) {
  std::string a = write("a.yaml", "year: 2025\nholidays: []\n");
  std::string b = write("b.yaml", "year: 2026\nnotice: x\nholidays: []\n");
  std::string c = write("c.yaml", "year: 2026\nnotice: x\nholidays: []\n");
  std::string bad = write("bad.yaml", "year: [2026\n");
  auto e = errors({a, b, c, bad, dir_ + "/none.yaml"});
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0], a + ":1: notice is required: cite the State Council notice the dates come from");
  EXPECT_EQ(e[1], c + ":1: year 2026 is already covered by " + b);
  EXPECT_EQ(e[2].rfind(bad + ":", 0), 0u) << e[2];
  EXPECT_EQ(e[3], dir_ + "/none.yaml: cannot read the calendar file");
}

TEST_F(CalendarFiles, NoFilesMeansWeekdaysOnly) {
  auto load = WorkCalendar::load({});
  ASSERT_TRUE(load.ok());
  EXPECT_TRUE(load.calendar->is_workday(d(2026, 2, 16)));
  EXPECT_TRUE(load.calendar->years().empty());
}

}  // namespace
}  // namespace courthub::time
