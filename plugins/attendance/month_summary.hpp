// SPDX-License-Identifier: Apache-2.0
// month_summary.hpp — one person's month (月度汇总) from their day results: how many days were
// workdays and how each ended, the late / early / missing counts and minutes, the 补卡 used, and
// the days of leave, business trip (出差) and outing (外出) by type.
//
// Pure: no host, no clock, no I/O. Any thread. Errors: none.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "day_rules.hpp"

namespace attendance {

struct DayView;  // timesheet.hpp

struct PersonMonth {
  int workdays = 0;        // days with checks (DayKind::Work): normal + exception + absent
  int normal_days = 0;
  int exception_days = 0;
  int absent_days = 0;     // 旷工 days
  int rest_days = 0;       // rest days (calendar, roster, or in no group: see unassigned_days)
  int free_days = 0;       // workdays of a NONE (自由工时) group
  int unassigned_days = 0; // days in no group (only from DayViews; also counted as rest_days)
  int late = 0;            // Late checks
  int late_minutes = 0;    // over Late, SeriousLate and Absenteeism checks
  int serious_late = 0;
  int absenteeism = 0;     // Absenteeism (旷工迟到) checks
  int early = 0;
  int early_minutes = 0;
  int missing = 0;         // NotSigned checks of non-absent days
  int fixes_used = 0;      // checks decided by an approved 补卡
  // Days away by type: a leave by its sub_type (事假, 病假 …; "请假" when it has none), a business
  // trip as "出差", an outing as "外出". A day adds (its checks covered by that type) / (its
  // checks), so a morning's leave on a four-check day is 0.5.
  std::map<std::string, double> leave_days;
};

// The leave_days key of a covered check (its approval kind and sub type).
std::string leave_key(const std::string& kind, const std::string& sub_type);

// Sums `days` (one person's, any span; usually a calendar month).
PersonMonth summarize_month(const std::vector<DayResult>& days);
// The same from the timesheet's views; days whose person is in no group count as unassigned
// (and rest).
PersonMonth summarize_month(const std::vector<DayView>& days);

}  // namespace attendance
