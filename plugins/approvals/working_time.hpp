// SPDX-License-Identifier: Apache-2.0
// Working time: the court's working hours on the work calendar's workdays, and how many working
// minutes lie between two instants (what the reminders count).
//
// Pure: the workday rule comes in as a function (the host's WorkCalendar in the plugin, a fixed
// list in tests). Every function may be called from any thread; nothing is retained. Errors:
// none; bad input gives what each comment says.
#pragma once

#include <courthub/host.hpp>
#include <courthub/time.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace approvals {

// Whether a civil date is a workday (weekends, public holidays and 调休 make-up days decided).
using IsWorkday = std::function<bool(courthub::time::Date)>;

// Monday to Friday: the host's own rule for a year it has no calendar file for.
bool monday_to_friday(courthub::time::Date day);

// The host's work calendar as an IsWorkday. Borrows `calendar`, which must outlive the result.
IsWorkday workdays_of(const courthub::WorkCalendar& calendar);

// Working hours of one day, minutes after local midnight: [start, end).
struct WorkingHours {
  int start = 8 * 60 + 30;  // 08:30
  int end = 17 * 60 + 30;   // 17:30
  friend bool operator==(const WorkingHours&, const WorkingHours&) = default;
};

// "08:30-17:30" (also "8:30-17:30"); nullopt unless both clocks are valid and start < end.
std::optional<WorkingHours> parse_working_hours(std::string_view text);
// "08:30-17:30".
std::string working_hours_text(const WorkingHours& hours);

// The working minutes in [from_ms, to_ms): the parts of each workday inside `hours`, in the
// zone `tz`; seconds are summed before dividing, so two half minutes make one. 0 when to_ms <=
// from_ms. Spans longer than 3660 days count only their last 3660 days.
int64_t working_minutes_between(int64_t from_ms, int64_t to_ms, const WorkingHours& hours,
                                const IsWorkday& is_workday,
                                const date::time_zone& tz = courthub::time::zone());

// Whether `at_ms` falls on a workday inside its working hours.
bool within_working_hours(int64_t at_ms, const WorkingHours& hours, const IsWorkday& is_workday,
                          const date::time_zone& tz = courthub::time::zone());

}  // namespace approvals
