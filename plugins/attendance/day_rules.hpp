// SPDX-License-Identifier: Apache-2.0
// day_rules.hpp — one person's one day: from the day's plan, punches and approvals to each
// check's result and the day's status and counts, exactly as ../shared/docs/attendance-rules.md
// §2–§5 say. The heart of the plugin; everything else gathers its inputs or shows its output.
//
// Pure: no host, no clock, no I/O. Any thread. Errors: none (inputs are taken as given).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shift.hpp"

namespace attendance {

enum class TimeResult { Normal, Early, Late, SeriousLate, Absenteeism, NotSigned };
std::string_view name_of(TimeResult r);  // DingTalk's words: "Normal", "SeriousLate", ...

// What the day is for this person, decided by the group, roster and calendar (group_store.hpp).
enum class DayKind {
  Rest,  // not a workday (calendar, or no roster shift): no checks, punches are records only
  Free,  // a NONE (自由工时) group's workday: punches recorded, no checks
  Work,  // checks from `shift`
};

// A punch of this day (its local date is the day). minute = seconds dropped.
struct DayPunch {
  int64_t id = 0;
  int minute = 0;
  bool eligible = true;  // false: a 外勤 punch still waiting for (or refused) its approval
};

// An approved leave (请假), business trip (出差) or outing (外出) reaching into this day. Minutes
// are relative to this day's 00:00 (may be < 0 or > 1440 for multi-day approvals); the interval
// is [from_minute, to_minute): it covers a check when from ≤ plan < to.
struct Cover {
  std::string approval_id;  // the approvals plugin's instance id
  std::string kind;         // "leave" | "business_trip" | "outing"
  std::string sub_type;     // the leave's type (事假, 病假 ...); "" for trips and outings
  int64_t from_minute = 0;
  int64_t to_minute = 0;
};

// An approved 补卡 of this day, already within the month's cap: it applies to the check of
// `type` whose plan minute is nearest `minute` (the earlier one on a tie).
struct Fix {
  std::string approval_id;
  CheckType type = CheckType::OnDuty;
  int minute = 0;
};

struct DayInput {
  DayKind kind = DayKind::Work;
  const Shift* shift = nullptr;  // required when kind == Work; not owned
  std::vector<DayPunch> punches;
  std::vector<Cover> covers;
  std::vector<Fix> fixes;
};

enum class CheckSource {
  None,   // NotSigned
  Punch,  // a punch counted
  Cover,  // an approved leave / trip / outing (sourceType APPROVE)
  Fix,    // an approved 补卡 (sourceType APPROVE, user time = plan time)
};

struct CheckResult {
  PlannedCheck plan;
  TimeResult result = TimeResult::NotSigned;
  CheckSource source = CheckSource::None;
  int64_t punch_id = 0;   // source == Punch
  int user_minute = -1;   // Punch: its minute; Fix: the plan minute; else -1
  int late_minutes = 0;   // t − P for Late, SeriousLate, Absenteeism; else 0
  int early_minutes = 0;  // P − t for Early; else 0
  std::string approval_id;        // Cover or Fix
  std::string approval_kind;      // Cover: its kind; Fix: "punch_fix"
  std::string approval_sub_type;  // Cover: its sub_type
};

struct DayCounts {
  int late = 0;          // Late checks
  int serious_late = 0;  // SeriousLate checks
  int absenteeism = 0;   // Absenteeism (旷工迟到) checks
  int early = 0;         // Early checks
  int missing = 0;       // NotSigned checks (0 on an absent day: that is one 旷工 day instead)
  int late_minutes = 0;  // over Late, SeriousLate and Absenteeism checks
  int early_minutes = 0;
};

enum class DayStatus {
  Rest,       // DayKind::Rest
  Free,       // DayKind::Free
  Normal,     // every check Normal
  Exception,  // some check not Normal, and not absent
  Absent,     // 旷工: checks but no counting punch and no override at all
};
std::string_view name_of(DayStatus s);  // "rest", "free", "normal", "exception", "absent"

struct DayResult {
  DayStatus status = DayStatus::Rest;
  std::vector<CheckResult> checks;  // empty unless kind == Work
  DayCounts counts;
  std::vector<int64_t> counted_punch_ids;  // the punches some check counted, in check order
};

DayResult compute_day(const DayInput& input);

// The minute of the day (Asia/Shanghai, 0..1439) of a punch at `unix_ms`, seconds dropped
// (08:30:59 counts as 08:30): what DayPunch::minute holds.
int punch_minute(int64_t unix_ms);

// The check a 补卡 applies to: of the checks of its type, the one whose plan minute is nearest
// fix.minute, the earlier one on a tie; nullopt when there is no check of that type.
std::optional<size_t> fix_target(const std::vector<PlannedCheck>& checks, const Fix& fix);

}  // namespace attendance
