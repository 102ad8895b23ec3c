// SPDX-License-Identifier: Apache-2.0
// Booking dates and times in Asia/Shanghai: the SDK's courthub/time.hpp under the names the
// rooms code uses, plus what only bookings need (slot titles, ISO instants, monthly series).
// All instants are Unix milliseconds (int64).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "courthub/time.hpp"

namespace rooms {

inline constexpr int64_t kMinuteMs = 60'000;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;
inline constexpr int64_t kDayMs = 24 * kHourMs;

using LocalDate = courthub::time::Date;
using courthub::time::format_date;
using courthub::time::format_iso;
using courthub::time::local_date;
using courthub::time::local_midnight;
using courthub::time::local_minute;
using courthub::time::make_date;
using courthub::time::parse_clock;
using courthub::time::weekday_name;

// ISO weekday: 1 = Monday .. 7 = Sunday.
inline int weekday(const LocalDate& d) { return courthub::time::iso_weekday(d); }
inline LocalDate add_days(const LocalDate& d, int64_t n) {
  return LocalDate{std::chrono::sys_days{d} + std::chrono::days{n}};
}
// Days from `from` to `to` (negative when `to` is earlier).
inline int64_t days_between(const LocalDate& from, const LocalDate& to) {
  return (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count();
}
// Instant of `minute_of_day` (0..1440) on `d` in Asia/Shanghai.
inline int64_t to_instant(const LocalDate& d, int minute_of_day) {
  return courthub::time::to_unix_ms(d, minute_of_day);
}
// "09:05"; 1440 prints "24:00".
inline std::string format_minute(int minute_of_day) {
  return courthub::time::format_clock(minute_of_day);
}
// A real date in the years bookings can name (1900..9999).
inline bool is_valid_date(int year, int month, int day) {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
         make_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day)).ok();
}
// "2026-03-02" only, in the years is_valid_date() accepts.
inline std::optional<LocalDate> parse_iso_date(std::string_view text) {
  auto d = courthub::time::parse_date(text);
  if (!d || static_cast<int>(d->year()) < 1900) return std::nullopt;
  return d;
}

// The same day `n` months later, or nullopt when that month is too short (31 Jan + 1 month).
std::optional<LocalDate> add_months_same_day(const LocalDate& d, int n);
// "3月2日 周一 09:00-10:00", the way a chat message names a slot.
std::string format_slot(int64_t start_ms, int64_t end_ms);
// ISO 8601 date-time: "2026-03-02T09:00", "...T09:00:00", with "Z" or "+08:00" style offsets, or
// no offset (then Asia/Shanghai). A space may replace the "T". Fractional seconds after the
// seconds ("09:00:00.000Z", 1-9 digits) are accepted and dropped: rounded down to the second.
std::optional<int64_t> parse_iso_instant(std::string_view text);

}  // namespace rooms
