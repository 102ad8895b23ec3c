// SPDX-License-Identifier: Apache-2.0
// Recurring bookings: a small RRULE subset (daily/weekly/monthly, interval, weekdays, until or
// count) and its expansion into occurrence dates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <courthub/json.hpp>

#include "dates.hpp"
#include "field_errors.hpp"

namespace rooms {

// A series may not hold more occurrences than this (a daily series over three months is 93).
inline constexpr int kMaxOccurrences = 100;

enum class Frequency { Daily, Weekly, Monthly };

struct Recurrence {
  Frequency frequency = Frequency::Weekly;
  int interval = 1;      // every `interval` days / weeks / months
  uint8_t weekdays = 0;  // weekly only: bit (d - 1) for ISO weekday d; 0 = the first date's
  std::optional<LocalDate> until;  // inclusive; exactly one of until and count
  std::optional<int> count;
};

// Every occurrence date of `rule` from `first` on, in order. Throws courthub::Error
// (InvalidArgument) naming what is wrong: no end, both ends, an interval out of range, a series
// reaching past `last_allowed`, more than kMaxOccurrences, or no occurrence at all.
std::vector<LocalDate> expand(const Recurrence& rule, const LocalDate& first,
                              const LocalDate& last_allowed);

// "每周一、三，共8次" / "每天，至2026-05-31": for titles and chat replies.
std::string describe(const Recurrence& rule);

// The API's JSON form: {"freq": "daily"|"weekly"|"monthly", "interval": 1,
// "weekdays": ["MO", "WE"] or [1, 3], "until": "2026-05-31" | "count": 8}.
Recurrence read_recurrence(const courthub::Json& j, const std::string& at, FieldErrors& errors);
courthub::Json recurrence_json(const Recurrence& rule);

}  // namespace rooms
