// SPDX-License-Identifier: Apache-2.0
// shift.hpp — a shift (班次): its sections, its settings, and the checks (打卡点) it plans for a
// day with their windows (../shared/docs/attendance-rules.md §1).
//
// Minutes are minutes since local midnight (Asia/Shanghai), seconds dropped. Pure values and
// functions: any thread. Errors: none thrown; shift_problem() names what is wrong with a shift.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attendance {

enum class CheckType { OnDuty, OffDuty };
std::string_view name_of(CheckType t);  // "OnDuty", "OffDuty" (DingTalk's words)

// The rules doc's settings, defaults in brackets there.
struct ShiftRules {
  int flex_minutes = 0;
  int serious_late_minutes = 30;
  int absent_late_minutes = 60;
  int on_window_before = 120;
  int off_window_after = 240;
};

struct Section {
  int on_minute = 0;   // on-duty plan time
  int off_minute = 0;  // off-duty plan time
};

struct Shift {
  std::string id;     // [a-z0-9][a-z0-9_-]*, unique
  std::string name;   // 冬季作息
  std::string court;  // "" = every court may use it
  std::vector<Section> sections;
  ShiftRules rules;
};

// One check of a day: its plan minute and the inclusive window of punch minutes that can count
// for it. window_from may be < 0 and window_to > 1439 (the day's punches never reach them).
struct PlannedCheck {
  CheckType type = CheckType::OnDuty;
  int plan_minute = 0;
  int window_from = 0;
  int window_to = 0;
};

// The shift's checks in order: OnDuty, OffDuty of each section. Between adjacent checks the
// midpoint of their plan minutes, rounded down, starts the later window; the first window starts
// at plan − on_window_before, the last ends at plan + off_window_after (inclusive).
// Precondition: shift_problem(shift) is empty.
std::vector<PlannedCheck> plan_checks(const Shift& shift);

// Why a shift cannot be used, in English ("sections must be in order, each on before its off"),
// or nullopt. Checks: at least one section; every plan minute in 0..1439; plan minutes strictly
// increasing across the day; settings non-negative; serious_late < absent_late.
std::optional<std::string> shift_problem(const Shift& shift);

// "08:30-12:00" <-> Section. parse_section returns nullopt for anything else.
std::optional<Section> parse_section(std::string_view text);
std::string format_section(const Section& s);

}  // namespace attendance
