// SPDX-License-Identifier: Apache-2.0
// Working hours on workdays, and the working minutes between two instants.
#include "working_time.hpp"

#include <algorithm>
#include <chrono>

namespace approvals {
namespace {

using courthub::time::Date;
constexpr int64_t kMinuteMs = 60000;
constexpr int64_t kMaxDays = 3660;

}  // namespace

bool monday_to_friday(Date day) { return courthub::time::iso_weekday(day) <= 5; }

IsWorkday workdays_of(const courthub::WorkCalendar& calendar) {
  return [&calendar](Date day) { return calendar.is_workday(std::chrono::sys_days{day}); };
}

std::optional<WorkingHours> parse_working_hours(std::string_view text) {
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto start = courthub::time::parse_clock(text.substr(0, dash));
  auto end = courthub::time::parse_clock(text.substr(dash + 1));
  if (!start || !end || *start >= *end) return std::nullopt;
  return WorkingHours{*start, *end};
}

std::string working_hours_text(const WorkingHours& hours) {
  return courthub::time::format_clock(hours.start) + "-" + courthub::time::format_clock(hours.end);
}

int64_t working_minutes_between(int64_t from_ms, int64_t to_ms, const WorkingHours& hours,
                                const IsWorkday& is_workday, const date::time_zone& tz) {
  if (to_ms <= from_ms) return 0;
  const std::chrono::sys_days last{courthub::time::local_date(to_ms, tz)};
  std::chrono::sys_days day{courthub::time::local_date(from_ms, tz)};
  if ((last - day).count() > kMaxDays) day = last - std::chrono::days{kMaxDays};
  int64_t total_ms = 0;
  for (; day <= last; day += std::chrono::days{1}) {
    const Date date{day};
    if (!is_workday(date)) continue;
    const int64_t open = courthub::time::to_unix_ms(date, hours.start, tz);
    const int64_t close = courthub::time::to_unix_ms(date, hours.end, tz);
    const int64_t from = std::max(open, from_ms), to = std::min(close, to_ms);
    if (to > from) total_ms += to - from;
  }
  return total_ms / kMinuteMs;
}

bool within_working_hours(int64_t at_ms, const WorkingHours& hours, const IsWorkday& is_workday,
                          const date::time_zone& tz) {
  const int minute = courthub::time::local_minute(at_ms, tz);
  return minute >= hours.start && minute < hours.end &&
         is_workday(courthub::time::local_date(at_ms, tz));
}

}  // namespace approvals
