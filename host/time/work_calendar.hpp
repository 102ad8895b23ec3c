// SPDX-License-Identifier: Apache-2.0
// The official work calendar: Monday to Friday, except the public holidays the State Council
// announces each year, plus the weekend days it names as make-up workdays (调休).
//
// The holidays are data, one YAML file per year (config/calendar/cn-2026.yaml; the format and
// how to add a year are in docs/work-calendar.md). A year no file covers falls back to
// "Monday to Friday": that is right for most days and wrong around the holidays, so the first
// question about each such year is reported once through `on_fallback` (the host logs a
// warning) and covers() lets a caller check first.
//
// Dates are civil dates (std::chrono::year_month_day) with no zone: which day "today" is in a
// court's zone is the caller's question. Valid dates only (ok()); an invalid date is not a
// workday and counts as none.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace courthub::time {

using Date = std::chrono::year_month_day;

// One problem in a calendar file: "file:line: message" (line 0 when unknown).
struct CalendarIssue {
  std::string file;
  int line = 0;
  std::string message;
  std::string to_string() const;
};

class WorkCalendar;

struct CalendarLoad {
  std::shared_ptr<const WorkCalendar> calendar;  // set only when `errors` is empty
  std::vector<CalendarIssue> errors;              // every problem, in file order
  bool ok() const { return errors.empty() && calendar != nullptr; }
};

// Immutable once loaded. Thread-safety: every member function may be called from any thread
// concurrently (the once-per-year fallback report is serialised inside).
class WorkCalendar {
 public:
  // Called the first time a question touches a year no file covers, once per year, on the
  // asking thread. It must not call back into the calendar.
  using FallbackReport = std::function<void(std::chrono::year)>;

  // Reads the calendar files (one year each). An empty list is allowed: every year then falls
  // back to Monday-Friday. Errors (all of them, each with file:line): unreadable file, YAML
  // syntax, unknown or missing keys, a text that is not a YYYY-MM-DD date, a date outside the
  // file's year, a range that ends before it starts, a date listed twice, a make-up workday
  // that is not a Saturday or Sunday, two files for one year.
  // Thread-safety: reentrant; reads the files on the calling thread.
  static CalendarLoad load(const std::vector<std::string>& files, FallbackReport on_fallback = {});

  // Whether people work on `date`: a make-up workday is a workday, a public holiday is not,
  // otherwise Monday to Friday are. No errors.
  bool is_workday(Date date) const;

  // The first workday on or after `date`, and the first strictly after it. No errors (there is
  // always one: a year without data has Mondays).
  Date next_workday_on_or_after(Date date) const;
  Date next_workday_after(Date date) const;

  // How many workdays lie in the half-open range [from, to): `from` counts, `to` does not, so
  // workdays_between(d, d) == 0 and consecutive ranges add up. For "Monday to Friday inclusive"
  // pass the day after Friday. When `to` is before `from` the answer is negative:
  // -workdays_between(to, from). Cost: proportional to the holidays in the range, not its length.
  int64_t workdays_between(Date from, Date to) const;

  // The holiday's name ("春节") when `date` is a listed public holiday, else nullopt. A make-up
  // workday answers nullopt too.
  std::optional<std::string> holiday_name(Date date) const;

  // Whether a file covers `year` (otherwise Monday-Friday is assumed). No errors; no report.
  bool covers(std::chrono::year year) const { return years_.count(static_cast<int>(year)) > 0; }
  // The covered years, ascending.
  std::vector<int> years() const { return {years_.begin(), years_.end()}; }

 private:
  struct Exception {
    bool workday = false;  // true: a make-up workday (调休); false: a public holiday
    std::string name;
  };

  WorkCalendar() = default;
  // Reports each year in [first, last] that no file covers, once per year.
  void note_years(std::chrono::year first, std::chrono::year last) const;

  std::map<std::chrono::sys_days, Exception> exceptions_;
  std::set<int> years_;
  FallbackReport on_fallback_;
  mutable std::mutex reported_mu_;
  mutable std::set<int> reported_;
};

}  // namespace courthub::time
