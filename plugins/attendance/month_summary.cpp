// SPDX-License-Identifier: Apache-2.0
// month_summary.cpp — sums day results into a PersonMonth (month_summary.hpp).
#include "month_summary.hpp"

#include "timesheet.hpp"

namespace attendance {

std::string leave_key(const std::string& kind, const std::string& sub_type) {
  if (kind == "business_trip") return "出差";
  if (kind == "outing") return "外出";
  return sub_type.empty() ? "请假" : sub_type;
}

namespace {

void add_day(PersonMonth& m, const DayResult& day) {
  switch (day.status) {
    case DayStatus::Rest: ++m.rest_days; return;
    case DayStatus::Free: ++m.free_days; return;
    case DayStatus::Normal: ++m.normal_days; break;
    case DayStatus::Exception: ++m.exception_days; break;
    case DayStatus::Absent: ++m.absent_days; break;
  }
  ++m.workdays;
  m.late += day.counts.late;
  m.late_minutes += day.counts.late_minutes;
  m.serious_late += day.counts.serious_late;
  m.absenteeism += day.counts.absenteeism;
  m.early += day.counts.early;
  m.early_minutes += day.counts.early_minutes;
  m.missing += day.counts.missing;
  if (day.checks.empty()) return;
  std::map<std::string, int> covered;  // checks of the day per leave_days key
  for (const CheckResult& c : day.checks) {
    if (c.source == CheckSource::Fix) ++m.fixes_used;
    if (c.source == CheckSource::Cover) ++covered[leave_key(c.approval_kind, c.approval_sub_type)];
  }
  for (const auto& [key, n] : covered)
    m.leave_days[key] += static_cast<double>(n) / static_cast<double>(day.checks.size());
}

}  // namespace

PersonMonth summarize_month(const std::vector<DayResult>& days) {
  PersonMonth m;
  for (const DayResult& d : days) add_day(m, d);
  return m;
}

PersonMonth summarize_month(const std::vector<DayView>& days) {
  PersonMonth m;
  for (const DayView& d : days) {
    add_day(m, d.result);
    if (!d.group) ++m.unassigned_days;
  }
  return m;
}

}  // namespace attendance
