// SPDX-License-Identifier: Apache-2.0
// Five-field cron expressions, evaluated against the wall clock of an IANA time zone.
//
// Plugins schedule jobs in the court's local time (Asia/Shanghai by default); the scheduler asks
// next_after() when to wake up. Syntax and semantics are documented in docs/scheduling.md.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "host/outcome.hpp"
#include "host/time/time_zone.hpp"

namespace courthub::time {

// Immutable. Thread-safety: every const member function may be called concurrently.
class CronExpression {
 public:
  // Parses "minute hour day-of-month month day-of-week", fields separated by spaces or tabs.
  // Each field is a comma list of *, N, N-M, */S, N-M/S or N/S (N/S meaning N-max/S). Month
  // and day-of-week also take names (JAN..DEC, SUN..SAT, any case); day-of-week 0 and 7 are
  // both Sunday. Ranges must not run backwards (no wrap-around); a step S is 1..(max - min).
  // Macros: @yearly @annually @monthly @weekly @daily @midnight @hourly (any case).
  // Errors: InvalidArgument naming the expression, the field and the problem, e.g.
  // "cron '0 25 * * *': hour 25 is out of range 0-23". Thread-safety: pure function.
  static Expected<CronExpression> parse(std::string_view text);

  // The earliest instant, in Unix milliseconds, strictly after `after_unix_ms` that lies on a
  // whole minute of `tz`'s wall clock matching the expression. Wall times that do not exist
  // (daylight-saving gap) are skipped; wall times that occur twice (overlap) match only at
  // their first occurrence. Day matching follows Vixie cron: when both day-of-month and
  // day-of-week are restricted (neither field starts with '*'), either may match.
  // Returns nullopt when nothing matches within 1827 days (five years) of the start, for
  // instance "0 0 30 2 *", and when `after_unix_ms` lies outside the years 1-9999. No other
  // errors. Cost: months, days and hours that cannot match are skipped whole, so a call looks
  // at a few thousand candidates at most.
  std::optional<int64_t> next_after(int64_t after_unix_ms, const date::time_zone& tz) const;

  // The text given to parse(), verbatim. No errors.
  const std::string& text() const { return text_; }

 private:
  CronExpression() = default;

  bool day_matches(std::chrono::year_month_day date) const;

  std::string text_;
  uint64_t minutes_ = 0;   // bit n: minute n
  uint32_t hours_ = 0;     // bit n: hour n
  uint32_t days_ = 0;      // bit n: day of month n (1..31)
  uint32_t months_ = 0;    // bit n: month n (1..12)
  uint32_t weekdays_ = 0;  // bit n: weekday n (0 = Sunday .. 6)
  bool dom_star_ = false;  // day-of-month field starts with '*'
  bool dow_star_ = false;  // day-of-week field starts with '*'
};

}  // namespace courthub::time
