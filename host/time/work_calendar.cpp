// SPDX-License-Identifier: Apache-2.0
// WorkCalendar's questions: weekday arithmetic corrected by the listed holidays and make-up days.
#include "host/time/work_calendar.hpp"

namespace courthub::time {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool is_weekend(sys_days day) {
  const unsigned wd = std::chrono::weekday{day}.iso_encoding();  // 1 = Monday .. 7 = Sunday
  return wd >= 6;
}

// Monday-to-Friday days in [from, to), from <= to.
int64_t weekdays_in(sys_days from, sys_days to) {
  const int64_t span = (to - from).count();
  int64_t count = span / 7 * 5;
  for (sys_days d = from + days{span / 7 * 7}; d < to; d += days{1}) count += is_weekend(d) ? 0 : 1;
  return count;
}

}  // namespace

std::string CalendarIssue::to_string() const {
  return (line > 0 ? file + ":" + std::to_string(line) : file) + ": " + message;
}

void WorkCalendar::note_years(std::chrono::year first, std::chrono::year last) const {
  if (!on_fallback_) return;
  for (int y = static_cast<int>(first); y <= static_cast<int>(last); ++y) {
    if (years_.count(y)) continue;
    {
      std::lock_guard lock(reported_mu_);
      if (!reported_.insert(y).second) continue;
    }
    on_fallback_(std::chrono::year{y});
  }
}

bool WorkCalendar::is_workday(Date date) const {
  if (!date.ok()) return false;
  note_years(date.year(), date.year());
  const sys_days day{date};
  if (auto it = exceptions_.find(day); it != exceptions_.end()) return it->second.workday;
  return !is_weekend(day);
}

Date WorkCalendar::next_workday_on_or_after(Date date) const {
  if (!date.ok()) return date;
  sys_days day{date};
  // Terminates: a run of non-workdays ends at the latest in the first year no file covers.
  while (!is_workday(Date{day})) day += days{1};
  return Date{day};
}

Date WorkCalendar::next_workday_after(Date date) const {
  if (!date.ok()) return date;
  return next_workday_on_or_after(Date{sys_days{date} + days{1}});
}

int64_t WorkCalendar::workdays_between(Date from, Date to) const {
  if (!from.ok() || !to.ok()) return 0;
  sys_days a{from}, b{to};
  if (b < a) return -workdays_between(to, from);
  if (a == b) return 0;
  note_years(from.year(), Date{b - days{1}}.year());
  int64_t count = weekdays_in(a, b);
  // Validation made every make-up workday a weekend day, so each listed day moves the count by
  // at most one: a holiday on a weekday takes one away, a make-up workday adds one.
  for (auto it = exceptions_.lower_bound(a); it != exceptions_.end() && it->first < b; ++it) {
    if (it->second.workday) {
      ++count;
    } else if (!is_weekend(it->first)) {
      --count;
    }
  }
  return count;
}

std::optional<std::string> WorkCalendar::holiday_name(Date date) const {
  if (!date.ok()) return std::nullopt;
  auto it = exceptions_.find(sys_days{date});
  if (it == exceptions_.end() || it->second.workday) return std::nullopt;
  return it->second.name;
}

}  // namespace courthub::time
