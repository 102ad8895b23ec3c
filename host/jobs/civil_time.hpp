// SPDX-License-Identifier: Apache-2.0
// Proleptic Gregorian calendar arithmetic on day and second counts since 1970-01-01.
//
// libstdc++ 12 lacks std::chrono's calendar-to-tzdb glue we would need, and these conversions are
// a few lines each (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms"). Every function
// is pure: thread-safe, no errors, valid for any year an int64_t day count can hold.
#pragma once

#include <cstdint>

namespace courthub::jobs {

inline constexpr int64_t kSecondsPerDay = 86400;

struct CivilDate {
  int64_t year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// A wall-clock reading with no zone attached.
struct CivilTime {
  int64_t year = 1970;
  int month = 1;   // 1..12
  int day = 1;     // 1..31
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  int second = 0;  // 0..59
};

// Floor division and its remainder: -1 second is 1969-12-31, not 1970-01-01.
int64_t floor_div(int64_t a, int64_t b);
int64_t floor_mod(int64_t a, int64_t b);

// Days since 1970-01-01 of y-m-d. Out-of-range month/day values are not checked: the caller
// passes a real date (day 0 or 32 yields the neighbouring day, which some callers rely on).
int64_t days_from_civil(int64_t year, int month, int day);
CivilDate civil_from_days(int64_t days);

// 0 = Sunday .. 6 = Saturday, as cron and POSIX TZ rules count.
int weekday_from_days(int64_t days);

bool is_leap_year(int64_t year);
int days_in_month(int64_t year, int month);  // month 1..12

// Seconds since the epoch of a wall-clock reading read as if it were UTC, and back.
int64_t seconds_from_civil(const CivilTime& t);
CivilTime civil_from_seconds(int64_t seconds);

}  // namespace courthub::jobs
