// SPDX-License-Identifier: Apache-2.0
// shift.cpp — a shift's checks and their windows (../shared/docs/attendance-rules.md §1), the
// checks that make a shift usable, and the "08:30-12:00" section text.
#include "shift.hpp"

#include <cstdio>

namespace attendance {

std::string_view name_of(CheckType t) {
  return t == CheckType::OnDuty ? "OnDuty" : "OffDuty";
}

std::vector<PlannedCheck> plan_checks(const Shift& shift) {
  std::vector<PlannedCheck> checks;
  checks.reserve(shift.sections.size() * 2);
  for (const Section& s : shift.sections) {
    checks.push_back({CheckType::OnDuty, s.on_minute, 0, 0});
    checks.push_back({CheckType::OffDuty, s.off_minute, 0, 0});
  }
  if (checks.empty()) return checks;
  checks.front().window_from = checks.front().plan_minute - shift.rules.on_window_before;
  checks.back().window_to = checks.back().plan_minute + shift.rules.off_window_after;
  for (size_t i = 0; i + 1 < checks.size(); ++i) {
    // Plan minutes are 0..1439, so the sum is non-negative and / rounds down.
    const int midpoint = (checks[i].plan_minute + checks[i + 1].plan_minute) / 2;
    checks[i].window_to = midpoint - 1;
    checks[i + 1].window_from = midpoint;
  }
  return checks;
}

std::optional<std::string> shift_problem(const Shift& shift) {
  if (shift.sections.empty()) return "a shift needs at least one section";
  int previous = -1;
  for (const Section& s : shift.sections) {
    for (int minute : {s.on_minute, s.off_minute}) {
      if (minute < 0 || minute > 1439) return "section times must lie within 00:00-23:59";
      if (minute <= previous)
        return "sections must be in order, each on before its off, without overlap "
               "(a shift lies within one day)";
      previous = minute;
    }
  }
  const ShiftRules& r = shift.rules;
  if (r.flex_minutes < 0) return "flex_minutes must not be negative";
  if (r.serious_late_minutes < 0) return "serious_late_minutes must not be negative";
  if (r.absent_late_minutes < 0) return "absent_late_minutes must not be negative";
  if (r.on_window_before < 0) return "on_window_before must not be negative";
  if (r.off_window_after < 0) return "off_window_after must not be negative";
  if (r.serious_late_minutes >= r.absent_late_minutes)
    return "serious_late_minutes must be less than absent_late_minutes";
  return std::nullopt;
}

namespace {

// "HH:MM" (two digits each, 00:00..23:59) -> minutes, or -1.
int parse_clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (size_t i : {0u, 1u, 3u, 4u})
    if (text[i] < '0' || text[i] > '9') return -1;
  const int hour = (text[0] - '0') * 10 + (text[1] - '0');
  const int minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (hour > 23 || minute > 59) return -1;
  return hour * 60 + minute;
}

}  // namespace

std::optional<Section> parse_section(std::string_view text) {
  if (text.size() != 11 || text[5] != '-') return std::nullopt;
  const int on = parse_clock(text.substr(0, 5));
  const int off = parse_clock(text.substr(6, 5));
  if (on < 0 || off < 0) return std::nullopt;
  return Section{on, off};
}

std::string format_section(const Section& s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", s.on_minute / 60, s.on_minute % 60,
                s.off_minute / 60, s.off_minute % 60);
  return buf;
}

}  // namespace attendance
