// SPDX-License-Identifier: Apache-2.0
// Calendar dates and wall-clock minutes in Asia/Shanghai, and their Unix-millisecond instants.
//
// China has kept UTC+8 all year since 1991, so a fixed offset is exact for every instant a booking
// can name; the plugin needs no tzdata. All instants are Unix milliseconds (int64).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rooms {

inline constexpr int64_t kMinuteMs = 60'000;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;
inline constexpr int64_t kDayMs = 24 * kHourMs;
inline constexpr int64_t kShanghaiOffsetMs = 8 * kHourMs;

// A proleptic Gregorian date.
struct LocalDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend auto operator<=>(const LocalDate&, const LocalDate&) = default;
};

// Days since 1970-01-01 (negative before).
int64_t days_from_civil(const LocalDate& d);
LocalDate civil_from_days(int64_t days);
// ISO weekday: 1 = Monday .. 7 = Sunday.
int weekday(const LocalDate& d);
LocalDate add_days(const LocalDate& d, int64_t n);
// The same day `n` months later, or nullopt when that month is too short (31 Jan + 1 month).
std::optional<LocalDate> add_months_same_day(const LocalDate& d, int n);
bool is_valid_date(int year, int month, int day);
int days_in_month(int year, int month);

// Instant of `minute_of_day` (0..1440) on `d` in Asia/Shanghai.
int64_t to_instant(const LocalDate& d, int minute_of_day);
// The local date and minute of day of an instant (seconds are dropped).
LocalDate local_date(int64_t instant_ms);
int local_minute(int64_t instant_ms);
// Midnight in Asia/Shanghai at or before the instant.
int64_t local_midnight(int64_t instant_ms);

// "2026-03-02"
std::string format_date(const LocalDate& d);
// "09:05"; 1440 prints "24:00".
std::string format_minute(int minute_of_day);
// "2026-03-02T09:00:00+08:00"
std::string format_iso(int64_t instant_ms);
// "3月2日 周一 09:00-10:00", the way a chat message names a slot.
std::string format_slot(int64_t start_ms, int64_t end_ms);
// "周一" for 1..7.
std::string_view weekday_name(int iso_weekday);

// "2026-03-02" only.
std::optional<LocalDate> parse_iso_date(std::string_view text);
// "HH:MM" (24:00 allowed) to minutes.
std::optional<int> parse_clock(std::string_view text);
// ISO 8601 date-time: "2026-03-02T09:00", "...T09:00:00", with "Z" or "+08:00" style offsets, or
// no offset (then Asia/Shanghai). A space may replace the "T". Fractional seconds are refused.
std::optional<int64_t> parse_iso_instant(std::string_view text);

}  // namespace rooms
