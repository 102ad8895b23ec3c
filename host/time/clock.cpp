// SPDX-License-Identifier: Apache-2.0
// SystemClock: the one read of std::chrono::system_clock in the host.
#include "host/time/clock.hpp"

#include <chrono>

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

}  // namespace courthub::time
