// SPDX-License-Identifier: Apache-2.0
// A person's month from their days: day statuses, counts and minutes summed, 补卡 used, and leave
// days by type as the share of each day's checks an approval covered.
#include <gtest/gtest.h>

#include "example_shift.hpp"
#include "month_summary.hpp"
#include "timesheet.hpp"

namespace attendance {
namespace {

using testing::example_shift;
using testing::hm;

const Shift& winter() { return example_shift(); }

DayResult day(std::vector<DayPunch> punches, std::vector<Cover> covers = {},
              std::vector<Fix> fixes = {}) {
  DayInput in;
  in.shift = &winter();
  in.punches = std::move(punches);
  in.covers = std::move(covers);
  in.fixes = std::move(fixes);
  return compute_day(in);
}

DayResult of_kind(DayKind kind) {
  DayInput in;
  in.kind = kind;
  return compute_day(in);
}

std::vector<DayPunch> full_day() {
  return {{1, hm(8, 20)}, {2, hm(12, 1)}, {3, hm(13, 29)}, {4, hm(17, 31)}};
}

TEST(MonthSummary, SumsStatusesCountsAndMinutes) {
  const std::vector<DayResult> days = {
      day(full_day()),                                              // normal
      day({{1, hm(8, 41)}, {2, hm(12, 3)}, {3, hm(17, 10)}}),        // the worked example
      day({{1, hm(9, 0)}, {2, hm(12, 0)}, {3, hm(14, 31)}, {4, hm(17, 30)}}),  // 30 + 61 late
      day({}),                                                      // absent
      of_kind(DayKind::Rest),
      of_kind(DayKind::Rest),
      of_kind(DayKind::Free),
  };
  const PersonMonth m = summarize_month(days);
  EXPECT_EQ(m.workdays, 4);
  EXPECT_EQ(m.normal_days, 1);
  EXPECT_EQ(m.exception_days, 2);
  EXPECT_EQ(m.absent_days, 1);
  EXPECT_EQ(m.rest_days, 2);
  EXPECT_EQ(m.free_days, 1);
  EXPECT_EQ(m.late, 1);
  EXPECT_EQ(m.serious_late, 1);
  EXPECT_EQ(m.absenteeism, 1);
  EXPECT_EQ(m.late_minutes, 11 + 30 + 61);
  EXPECT_EQ(m.early, 1);
  EXPECT_EQ(m.early_minutes, 20);
  EXPECT_EQ(m.missing, 1) << "the absent day's four NotSigned checks are not missing";
  EXPECT_EQ(m.fixes_used, 0);
  EXPECT_TRUE(m.leave_days.empty());
}

TEST(MonthSummary, LeaveDaysAreTheCoveredShareOfEachDaysChecks) {
  const std::vector<DayResult> days = {
      day({}, {{"l1", "leave", "事假", hm(8, 0), hm(12, 30)}}),       // 2 of 4 checks
      day({}, {{"l2", "leave", "病假", -1440, 2880}}),                 // whole day
      day({}, {{"t1", "business_trip", "", 0, 1440}}),                // whole day
      day(full_day(), {{"o1", "outing", "", hm(13, 0), hm(16, 0)}}),  // 1 of 4
      day({}, {{"l3", "leave", "", hm(13, 0), hm(18, 0)}}),           // no sub type: 请假
      of_kind(DayKind::Rest),
  };
  const PersonMonth m = summarize_month(days);
  EXPECT_DOUBLE_EQ(m.leave_days.at("事假"), 0.5);
  EXPECT_DOUBLE_EQ(m.leave_days.at("病假"), 1.0);
  EXPECT_DOUBLE_EQ(m.leave_days.at("出差"), 1.0);
  EXPECT_DOUBLE_EQ(m.leave_days.at("外出"), 0.25);
  EXPECT_DOUBLE_EQ(m.leave_days.at("请假"), 0.5);
  EXPECT_EQ(m.leave_days.size(), 5u);
  EXPECT_EQ(m.normal_days, 3);
  EXPECT_EQ(m.exception_days, 2) << "half-day leaves leave two checks missing";
  EXPECT_EQ(m.missing, 4);
}

TEST(MonthSummary, CountsTheChecksDecidedByAFix) {
  const std::vector<DayResult> days = {
      day({{1, hm(8, 20)}}, {}, {{"f1", CheckType::OffDuty, hm(17, 30)}}),
      day({}, {}, {{"f2", CheckType::OnDuty, hm(8, 30)}}),
      // A 补卡 for a check a leave already covers decides nothing.
      day({}, {{"l1", "leave", "事假", 0, 1440}}, {{"f3", CheckType::OnDuty, hm(8, 30)}}),
  };
  const PersonMonth m = summarize_month(days);
  EXPECT_EQ(m.fixes_used, 2);
  EXPECT_EQ(m.absent_days, 0);
  EXPECT_EQ(m.missing, 2 + 3);
}

TEST(MonthSummary, DaysInNoGroupAreUnassignedRestDays) {
  std::vector<DayView> views(3);
  views[0].result = day(full_day());
  views[0].group = Group{};
  views[1].result = of_kind(DayKind::Rest);
  views[1].group = Group{};
  views[2].result = of_kind(DayKind::Rest);  // no group
  const PersonMonth m = summarize_month(views);
  EXPECT_EQ(m.workdays, 1);
  EXPECT_EQ(m.rest_days, 2);
  EXPECT_EQ(m.unassigned_days, 1);
}

TEST(MonthSummary, AnEmptyMonthIsAllZero) {
  const PersonMonth m = summarize_month(std::vector<DayResult>{});
  EXPECT_EQ(m.workdays + m.rest_days + m.late + m.missing, 0);
}

}  // namespace
}  // namespace attendance
