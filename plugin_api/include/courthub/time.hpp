// SPDX-License-Identifier: Apache-2.0
// Dates and times as courts read them: civil dates in a time zone (Asia/Shanghai unless told
// otherwise), from and to Unix milliseconds, and the Chinese formats plugins show people
// ("12月14日 周一", "2026年12月14日", "09:30").
//
// Dates are C++20 calendar types (std::chrono::year_month_day, weekday); zones come from the
// system tzdata through Howard Hinnant's date library (date/tz.h; Debian: libhowardhinnant-date-dev
// and tzdata), which courthub::plugin_api links for you. Instants are Unix milliseconds (int64),
// as everywhere in the SDK.
//
// Header-only. Thread-safety: every function may be called from any thread concurrently.
// Ownership: zones belong to the date library and live as long as the process; everything else
// is returned by value. Errors: only zone() throws (courthub::Error, InvalidArgument); the other
// functions take any value and say in their comment what an out-of-range one gives.
#pragma once

#include <date/tz.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "courthub/error.hpp"

namespace courthub::time {

using Date = std::chrono::year_month_day;

// The zone courts use when nothing else is said.
inline constexpr std::string_view kDefaultZone = "Asia/Shanghai";

// The IANA zone `name` ("Asia/Shanghai", "UTC"). Returns a reference valid for the whole
// process. Errors: throws courthub::Error(InvalidArgument) naming the zone when tzdata has no
// such zone (or is not installed).
inline const date::time_zone& zone(std::string_view name = kDefaultZone) {
  if (name == kDefaultZone) {
    // Looked up once; the common case costs nothing after the first call.
    static const date::time_zone* const shanghai = [] {
      try {
        return date::locate_zone(kDefaultZone);
      } catch (const std::exception&) {
        return static_cast<const date::time_zone*>(nullptr);
      }
    }();
    if (shanghai) return *shanghai;
  }
  try {
    return *date::locate_zone(name);
  } catch (const std::exception&) {
    throw Error(Status::InvalidArgument,
                "unknown time zone '" + std::string(name) + "' (is tzdata installed?)");
  }
}

// A date from numbers; check ok() when they come from outside. No errors.
constexpr Date make_date(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

// The civil date in `tz` at the instant `unix_ms`. No errors.
inline Date local_date(int64_t unix_ms, const date::time_zone& tz = zone()) {
  const auto local = tz.to_local(date::sys_time<std::chrono::milliseconds>{
      std::chrono::milliseconds{unix_ms}});
  return Date{std::chrono::sys_days{date::floor<date::days>(local).time_since_epoch()}};
}

// Minutes since local midnight in `tz` (0..1439) at `unix_ms`; seconds are dropped. No errors.
inline int local_minute(int64_t unix_ms, const date::time_zone& tz = zone()) {
  const auto local = tz.to_local(date::sys_time<std::chrono::milliseconds>{
      std::chrono::milliseconds{unix_ms}});
  return static_cast<int>(
      std::chrono::floor<std::chrono::minutes>(local - date::floor<date::days>(local)).count());
}

// The instant of `minute_of_day` minutes after midnight of `date` in `tz` (1440 is the next
// midnight). A wall time skipped by a daylight-saving change gives the instant the change
// happens; one that occurs twice gives the earlier. (China has kept UTC+8 since 1991.) An
// invalid date gives an unspecified instant: check ok() first. No errors.
inline int64_t to_unix_ms(Date date, int minute_of_day, const date::time_zone& tz = zone()) {
  const date::local_time<std::chrono::minutes> wall{
      std::chrono::sys_days{date}.time_since_epoch() + std::chrono::minutes{minute_of_day}};
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             tz.to_sys(wall, date::choose::earliest).time_since_epoch())
      .count();
}

// Local midnight in `tz` at or before `unix_ms`. No errors.
inline int64_t local_midnight(int64_t unix_ms, const date::time_zone& tz = zone()) {
  return to_unix_ms(local_date(unix_ms, tz), 0, tz);
}

// 1 = Monday .. 7 = Sunday (ISO 8601). No errors for a valid date.
inline int iso_weekday(Date date) {
  return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{date}}.iso_encoding());
}

// "周一" .. "周日". No errors; a weekday that is not ok() gives "".
inline std::string_view weekday_name(std::chrono::weekday wd) {
  static constexpr std::array<std::string_view, 7> kNames = {"周一", "周二", "周三", "周四",
                                                             "周五", "周六", "周日"};
  return wd.ok() ? kNames[wd.iso_encoding() - 1] : std::string_view();
}
inline std::string_view weekday_name(Date date) {
  return weekday_name(std::chrono::weekday{std::chrono::sys_days{date}});
}

// "2026-12-14". No errors.
inline std::string format_date(Date date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

// "12月14日 周一", the way a chat message names a day. No errors.
inline std::string format_month_day(Date date) {
  return std::to_string(static_cast<unsigned>(date.month())) + "月" +
         std::to_string(static_cast<unsigned>(date.day())) + "日 " +
         std::string(weekday_name(date));
}

// "2026年12月14日". No errors.
inline std::string format_chinese_date(Date date) {
  return std::to_string(static_cast<int>(date.year())) + "年" +
         std::to_string(static_cast<unsigned>(date.month())) + "月" +
         std::to_string(static_cast<unsigned>(date.day())) + "日";
}

// "09:30" from minutes since midnight; 1440 gives "24:00". No errors.
inline std::string format_clock(int minute_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return buf;
}

// "2026-12-14 09:30", the local date and time in `tz` at `unix_ms`. No errors.
inline std::string format_local(int64_t unix_ms, const date::time_zone& tz = zone()) {
  return format_date(local_date(unix_ms, tz)) + " " + format_clock(local_minute(unix_ms, tz));
}

// "2026-12-14T09:30:00+08:00" (ISO 8601 with the zone's offset at that instant). No errors.
inline std::string format_iso(int64_t unix_ms, const date::time_zone& tz = zone()) {
  const date::sys_time<std::chrono::milliseconds> at{std::chrono::milliseconds{unix_ms}};
  const auto local = tz.to_local(at);
  const int64_t second_of_day =
      std::chrono::floor<std::chrono::seconds>(local - date::floor<date::days>(local)).count();
  const int64_t offset_minutes = tz.get_info(date::floor<std::chrono::seconds>(at)).offset.count() / 60;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d",
                format_date(local_date(unix_ms, tz)).c_str(), static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60),
                offset_minutes < 0 ? '-' : '+', static_cast<int>(std::abs(offset_minutes) / 60),
                static_cast<int>(std::abs(offset_minutes) % 60));
  return buf;
}

// "2026-12-14" and nothing else, naming a real day; nullopt otherwise. No errors.
inline std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, sizes[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (size_t k = starts[i]; k < starts[i] + sizes[i]; ++k) {
      if (text[k] < '0' || text[k] > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (text[k] - '0');
    }
  }
  const Date date = make_date(parts[0], static_cast<unsigned>(parts[1]),
                              static_cast<unsigned>(parts[2]));
  if (!date.ok()) return std::nullopt;
  return date;
}

// "09:30" or "9:30" (and "24:00") to minutes since midnight; nullopt otherwise. No errors.
inline std::optional<int> parse_clock(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() - colon != 3)
    return std::nullopt;
  int hours = 0, minutes = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    (i < colon ? hours : minutes) = (i < colon ? hours : minutes) * 10 + (text[i] - '0');
  }
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

}  // namespace courthub::time
