// SPDX-License-Identifier: Apache-2.0
// Slot titles, ISO instants and monthly series on top of courthub/time.hpp.
#include "dates.hpp"

namespace rooms {
namespace {

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

std::optional<LocalDate> add_months_same_day(const LocalDate& d, int n) {
  const LocalDate out = d + std::chrono::months{n};
  if (!out.ok()) return std::nullopt;
  return out;
}

std::string format_slot(int64_t start_ms, int64_t end_ms) {
  const LocalDate d = local_date(start_ms);
  int end_minute = local_minute(end_ms);
  // An end at midnight belongs to the day that ends there.
  if (end_minute == 0 && end_ms > start_ms && local_date(end_ms) != d) end_minute = 1440;
  std::string out = courthub::time::format_month_day(d);
  out += " " + format_minute(local_minute(start_ms)) + "-" + format_minute(end_minute);
  if (local_date(end_ms - 1) != d) out += "（次日）";
  return out;
}

std::optional<int64_t> parse_iso_instant(std::string_view t) {
  if (t.size() < 16 || (t[10] != 'T' && t[10] != 't' && t[10] != ' ')) return std::nullopt;
  auto date = parse_iso_date(t.substr(0, 10));
  if (!date) return std::nullopt;
  std::string_view rest = t.substr(11);
  auto minute = parse_clock(rest.substr(0, 5));
  if (!minute || *minute >= 1440 || rest[2] != ':') return std::nullopt;
  rest.remove_prefix(5);
  int seconds = 0;
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !digits(rest.substr(1, 2))) return std::nullopt;
    seconds = number(rest.substr(1, 2));
    if (seconds > 59) return std::nullopt;
    rest.remove_prefix(3);
    // Fractional seconds (JavaScript's toISOString() sends ".000") are dropped: the instant is
    // rounded down to its second.
    if (!rest.empty() && (rest[0] == '.' || rest[0] == ',')) {
      size_t n = 1;
      while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
      if (n == 1 || n > 10) return std::nullopt;
      rest.remove_prefix(n);
    }
  }
  if (rest.empty()) return to_instant(*date, *minute) + seconds * 1000;
  int64_t offset_ms = 0;
  if (rest != "Z" && rest != "z") {
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':')
      return std::nullopt;
    if (!digits(rest.substr(1, 2)) || !digits(rest.substr(4, 2))) return std::nullopt;
    int oh = number(rest.substr(1, 2)), om = number(rest.substr(4, 2));
    if (oh > 14 || om > 59) return std::nullopt;
    offset_ms = (oh * kHourMs + om * kMinuteMs) * (rest[0] == '-' ? -1 : 1);
  }
  const int64_t wall_ms = std::chrono::sys_days{*date}.time_since_epoch().count() * kDayMs;
  return wall_ms + *minute * kMinuteMs + seconds * 1000 - offset_ms;
}

}  // namespace rooms
