// SPDX-License-Identifier: Apache-2.0
// Beijing wall-clock text for notices.
#include "court_time.hpp"

#include <chrono>
#include <cstdio>

namespace lawyers {
namespace {

constexpr int64_t kBeijingOffsetMs = 8 * 3600 * 1000;

struct WallClock {
  unsigned month, day;
  int hour, minute;
};

WallClock wall_clock(int64_t unix_ms) {
  using namespace std::chrono;
  sys_time<milliseconds> local{milliseconds(unix_ms + kBeijingOffsetMs)};
  auto day = floor<days>(local);
  year_month_day ymd{day};
  auto minutes_of_day = duration_cast<minutes>(local - day).count();
  return {static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
          static_cast<int>(minutes_of_day / 60), static_cast<int>(minutes_of_day % 60)};
}

std::string hh_mm(const WallClock& w) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", w.hour, w.minute);
  return buf;
}

std::string day_of(const WallClock& w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u月%02u日", w.month, w.day);
  return buf;
}

}  // namespace

std::string court_day_time(int64_t unix_ms) {
  WallClock w = wall_clock(unix_ms);
  return day_of(w) + " " + hh_mm(w);
}

std::string court_span(int64_t start_ms, int64_t end_ms) {
  WallClock a = wall_clock(start_ms), b = wall_clock(end_ms);
  if (a.month == b.month && a.day == b.day) return day_of(a) + " " + hh_mm(a) + "–" + hh_mm(b);
  return day_of(a) + " " + hh_mm(a) + " – " + day_of(b) + " " + hh_mm(b);
}

}  // namespace lawyers
