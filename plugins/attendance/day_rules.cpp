// SPDX-License-Identifier: Apache-2.0
// day_rules.cpp — ../shared/docs/attendance-rules.md §2–§5 for one person's one day, with the
// clarifications of the plugin's DECISIONS (docs/attendance.md): per check, a Cover containing
// the plan time, else a 补卡 for the check, else the counting punch; then the day's status.
#include "day_rules.hpp"

#include <courthub/time.hpp>

#include <cstdlib>
#include <optional>

namespace attendance {

std::string_view name_of(TimeResult r) {
  switch (r) {
    case TimeResult::Normal: return "Normal";
    case TimeResult::Early: return "Early";
    case TimeResult::Late: return "Late";
    case TimeResult::SeriousLate: return "SeriousLate";
    case TimeResult::Absenteeism: return "Absenteeism";
    case TimeResult::NotSigned: return "NotSigned";
  }
  return "NotSigned";
}

std::string_view name_of(DayStatus s) {
  switch (s) {
    case DayStatus::Rest: return "rest";
    case DayStatus::Free: return "free";
    case DayStatus::Normal: return "normal";
    case DayStatus::Exception: return "exception";
    case DayStatus::Absent: return "absent";
  }
  return "rest";
}

int punch_minute(int64_t unix_ms) { return courthub::time::local_minute(unix_ms); }

std::optional<size_t> fix_target(const std::vector<PlannedCheck>& checks, const Fix& fix) {
  std::optional<size_t> best;
  int best_distance = 0;
  for (size_t i = 0; i < checks.size(); ++i) {
    if (checks[i].type != fix.type) continue;
    const int distance = std::abs(checks[i].plan_minute - fix.minute);
    // Checks are in plan order, so keeping the first of equal distances keeps the earlier one.
    if (!best || distance < best_distance) {
      best = i;
      best_distance = distance;
    }
  }
  return best;
}

namespace {

// §4.2: the cover whose [from, to) contains the plan minute; of several, the earliest from, then
// the smallest approval id.
const Cover* cover_for(const std::vector<Cover>& covers, int plan_minute) {
  const Cover* best = nullptr;
  for (const Cover& c : covers) {
    if (!(c.from_minute <= plan_minute && plan_minute < c.to_minute)) continue;
    if (!best || c.from_minute < best->from_minute ||
        (c.from_minute == best->from_minute && c.approval_id < best->approval_id))
      best = &c;
  }
  return best;
}

// §2: OnDuty counts the earliest eligible punch of its window, OffDuty the latest. Punches come
// in time order, so at equal minutes the first listed is the earliest and the last the latest.
const DayPunch* counting_punch(const std::vector<DayPunch>& punches, const PlannedCheck& check) {
  const DayPunch* best = nullptr;
  for (const DayPunch& p : punches) {
    if (!p.eligible || p.minute < check.window_from || p.minute > check.window_to) continue;
    if (!best) {
      best = &p;
    } else if (check.type == CheckType::OnDuty ? p.minute < best->minute
                                               : p.minute >= best->minute) {
      best = &p;
    }
  }
  return best;
}

// §3 for a counting punch at minute t.
void judge(CheckResult& c, int t, const ShiftRules& rules) {
  const int plan = c.plan.plan_minute;
  if (c.plan.type == CheckType::OnDuty) {
    const int m = t - plan - rules.flex_minutes;
    if (m <= 0) {
      c.result = TimeResult::Normal;
      return;
    }
    c.result = m < rules.serious_late_minutes  ? TimeResult::Late
               : m < rules.absent_late_minutes ? TimeResult::SeriousLate
                                               : TimeResult::Absenteeism;
    c.late_minutes = t - plan;
  } else if (t >= plan) {
    c.result = TimeResult::Normal;
  } else {
    c.result = TimeResult::Early;
    c.early_minutes = plan - t;
  }
}

}  // namespace

DayResult compute_day(const DayInput& input) {
  DayResult day;
  if (input.kind == DayKind::Rest) return day;  // §4.1: no checks, punches are records only
  if (input.kind == DayKind::Free) {
    day.status = DayStatus::Free;
    return day;
  }
  if (!input.shift) return day;  // a Work day without a shift: nothing to check against

  const std::vector<PlannedCheck> plans = plan_checks(*input.shift);
  std::vector<const Fix*> fix_of(plans.size(), nullptr);
  for (const Fix& f : input.fixes) {
    const auto target = fix_target(plans, f);
    if (target && !fix_of[*target]) fix_of[*target] = &f;  // several: the earliest listed
  }

  bool any_signed = false;
  for (size_t i = 0; i < plans.size(); ++i) {
    CheckResult c;
    c.plan = plans[i];
    if (const Cover* cover = cover_for(input.covers, c.plan.plan_minute)) {
      c.result = TimeResult::Normal;
      c.source = CheckSource::Cover;
      c.approval_id = cover->approval_id;
      c.approval_kind = cover->kind;
      c.approval_sub_type = cover->sub_type;
    } else if (const Fix* fix = fix_of[i]) {
      c.result = TimeResult::Normal;
      c.source = CheckSource::Fix;
      c.user_minute = c.plan.plan_minute;
      c.approval_id = fix->approval_id;
      c.approval_kind = "punch_fix";
    } else if (const DayPunch* punch = counting_punch(input.punches, c.plan)) {
      c.source = CheckSource::Punch;
      c.punch_id = punch->id;
      c.user_minute = punch->minute;
      judge(c, punch->minute, input.shift->rules);
      day.counted_punch_ids.push_back(punch->id);
    }
    if (c.source != CheckSource::None) any_signed = true;
    day.checks.push_back(std::move(c));
  }

  // §5: checks but nothing signed and nothing overriding: one 旷工 day, not missing checks.
  if (!day.checks.empty() && !any_signed) {
    day.status = DayStatus::Absent;
    return day;
  }
  bool all_normal = true;
  for (const CheckResult& c : day.checks) {
    switch (c.result) {
      case TimeResult::Normal: break;
      case TimeResult::Late: ++day.counts.late; break;
      case TimeResult::SeriousLate: ++day.counts.serious_late; break;
      case TimeResult::Absenteeism: ++day.counts.absenteeism; break;
      case TimeResult::Early: ++day.counts.early; break;
      case TimeResult::NotSigned: ++day.counts.missing; break;
    }
    if (c.result != TimeResult::Normal) all_normal = false;
    day.counts.late_minutes += c.late_minutes;
    day.counts.early_minutes += c.early_minutes;
  }
  day.status = all_normal ? DayStatus::Normal : DayStatus::Exception;
  return day;
}

}  // namespace attendance
