// SPDX-License-Identifier: Apache-2.0
// Civil-date arithmetic (Howard Hinnant's days_from_civil) at the fixed Asia/Shanghai offset.
#include "civil_time.hpp"

#include <array>
#include <cstdio>

namespace rooms {
namespace {

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

int64_t days_from_civil(const LocalDate& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  int64_t era = floor_div(y, 400);
  int64_t yoe = y - era * 400;
  int64_t mp = (d.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

LocalDate civil_from_days(int64_t z) {
  z += 719468;
  int64_t era = floor_div(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return LocalDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int weekday(const LocalDate& d) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = floor_div(days_from_civil(d) + 3, 7);
  return static_cast<int>(days_from_civil(d) + 3 - w * 7) + 1;
}

LocalDate add_days(const LocalDate& d, int64_t n) {
  return civil_from_days(days_from_civil(d) + n);
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::optional<LocalDate> add_months_same_day(const LocalDate& d, int n) {
  int index = d.year * 12 + (d.month - 1) + n;
  LocalDate out{index / 12, index % 12 + 1, d.day};
  if (!is_valid_date(out.year, out.month, out.day)) return std::nullopt;
  return out;
}

int64_t to_instant(const LocalDate& d, int minute_of_day) {
  return days_from_civil(d) * kDayMs + minute_of_day * kMinuteMs - kShanghaiOffsetMs;
}

LocalDate local_date(int64_t instant_ms) {
  return civil_from_days(floor_div(instant_ms + kShanghaiOffsetMs, kDayMs));
}

int local_minute(int64_t instant_ms) {
  int64_t local = instant_ms + kShanghaiOffsetMs;
  return static_cast<int>((local - floor_div(local, kDayMs) * kDayMs) / kMinuteMs);
}

int64_t local_midnight(int64_t instant_ms) {
  return to_instant(local_date(instant_ms), 0);
}

std::string format_date(const LocalDate& d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_minute(int minute_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return buf;
}

std::string format_iso(int64_t instant_ms) {
  int64_t local = instant_ms + kShanghaiOffsetMs;
  int64_t second_of_day = (local - floor_div(local, kDayMs) * kDayMs) / 1000;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+08:00",
                format_date(local_date(instant_ms)).c_str(), static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60));
  return buf;
}

std::string_view weekday_name(int iso_weekday) {
  static constexpr std::array<std::string_view, 7> kNames = {"周一", "周二", "周三", "周四",
                                                             "周五", "周六", "周日"};
  return kNames[(iso_weekday - 1) % 7];
}

std::string format_slot(int64_t start_ms, int64_t end_ms) {
  LocalDate d = local_date(start_ms);
  int end_minute = local_minute(end_ms);
  // An end at midnight belongs to the day that ends there.
  if (end_minute == 0 && end_ms > start_ms && local_date(end_ms) != d) end_minute = 1440;
  std::string out = std::to_string(d.month) + "月" + std::to_string(d.day) + "日 ";
  out += weekday_name(weekday(d));
  out += " " + format_minute(local_minute(start_ms)) + "-" + format_minute(end_minute);
  if (local_date(end_ms - 1) != d) out += "（次日）";
  return out;
}

std::optional<LocalDate> parse_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  if (!digits(t.substr(0, 4)) || !digits(t.substr(5, 2)) || !digits(t.substr(8, 2)))
    return std::nullopt;
  int y = number(t.substr(0, 4)), m = number(t.substr(5, 2)), d = number(t.substr(8, 2));
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return LocalDate{y, m, d};
}

std::optional<int> parse_clock(std::string_view t) {
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || t.size() - colon != 3)
    return std::nullopt;
  std::string_view h = t.substr(0, colon), m = t.substr(colon + 1);
  if (!digits(h) || !digits(m)) return std::nullopt;
  int hours = number(h), minutes = number(m);
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::optional<int64_t> parse_iso_instant(std::string_view t) {
  if (t.size() < 16 || (t[10] != 'T' && t[10] != 't' && t[10] != ' ')) return std::nullopt;
  auto date = parse_iso_date(t.substr(0, 10));
  if (!date) return std::nullopt;
  std::string_view rest = t.substr(11);
  auto minute = parse_clock(rest.substr(0, 5));
  if (!minute || *minute >= 1440) return std::nullopt;
  rest.remove_prefix(5);
  int seconds = 0;
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !digits(rest.substr(1, 2))) return std::nullopt;
    seconds = number(rest.substr(1, 2));
    if (seconds > 59) return std::nullopt;
    rest.remove_prefix(3);
  }
  int64_t offset_ms = kShanghaiOffsetMs;
  if (rest == "Z" || rest == "z") {
    offset_ms = 0;
  } else if (!rest.empty()) {
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':')
      return std::nullopt;
    if (!digits(rest.substr(1, 2)) || !digits(rest.substr(4, 2))) return std::nullopt;
    int oh = number(rest.substr(1, 2)), om = number(rest.substr(4, 2));
    if (oh > 14 || om > 59) return std::nullopt;
    offset_ms = (oh * kHourMs + om * kMinuteMs) * (rest[0] == '-' ? -1 : 1);
  }
  return days_from_civil(*date) * kDayMs + *minute * kMinuteMs + seconds * 1000 - offset_ms;
}

}  // namespace rooms
