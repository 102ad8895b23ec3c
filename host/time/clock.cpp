// SPDX-License-Identifier: Apache-2.0
// SystemClock: the one read of std::chrono::system_clock in the host.
#include "host/time/clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace courthub::time {

int64_t Clock::now_seconds() const {
  const int64_t ms = now_ms();
  return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

int64_t SystemClock::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

std::string utc_text(int64_t unix_ms) {
  const int64_t ms = ((unix_ms % 1000) + 1000) % 1000;  // before 1970 too
  std::time_t secs = static_cast<std::time_t>((unix_ms - ms) / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];  // -Wformat-truncation cannot tell that every field is small
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace courthub::time
