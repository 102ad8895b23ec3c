// SPDX-License-Identifier: Apache-2.0
// The host's one clock: wall time as Unix milliseconds, real or set by a test.
//
// Every host component that needs "now" (timestamps in the inbox, outbox, audit log, session
// expiry, cron) takes a `const Clock&` when it is built and asks it; SystemClock in clock.cpp is
// the only place in host/ that reads std::chrono::system_clock. Durations and timeouts (waiting
// for a lock, a socket deadline) use std::chrono::steady_clock directly: they measure elapsed time,
// not the date, and a test clock must not stall them.
//
// Why int64 milliseconds rather than a time_point: it is what the database rows, the C ABI and
// DingTalk's timestamps already speak, and it has no epoch or precision to get wrong.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace courthub::time {

inline constexpr int64_t kSecondMs = 1000;
inline constexpr int64_t kMinuteMs = 60 * kSecondMs;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;
inline constexpr int64_t kDayMs = 24 * kHourMs;

// Thread-safety: every implementation may be read from any thread concurrently.
class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since 1970-01-01T00:00:00Z, leap seconds not counted (Unix time). No errors.
  virtual int64_t now_ms() const = 0;
  // The same, in whole seconds, rounded towards the past. No errors.
  int64_t now_seconds() const;
};

// The real wall clock of the machine. Stateless; one instance (system_clock()) is enough.
class SystemClock final : public Clock {
 public:
  int64_t now_ms() const override;
};

// The process's SystemClock. Lives as long as the process; never fails.
const Clock& system_clock();

// `unix_ms` as UTC text to the millisecond, "2026-05-01T08:30:00.250Z": the shape of the log's
// timestamps and of SQLite's strftime('%Y-%m-%dT%H:%M:%fZ'). No errors.
std::string utc_text(int64_t unix_ms);

// A clock that stands still until a test moves it. Starts at `start_ms`.
// Thread-safety: set() and advance() may race with readers; a reader sees the old or the new
// time, never a torn one. Moving it backwards is allowed (a test may want to).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_ms) : ms_(start_ms) {}
  int64_t now_ms() const override { return ms_.load(std::memory_order_acquire); }
  // Sets the time to `unix_ms`.
  void set(int64_t unix_ms) { ms_.store(unix_ms, std::memory_order_release); }
  // Moves the time `delta_ms` forward (backward when negative); returns the new time.
  int64_t advance(int64_t delta_ms) {
    return ms_.fetch_add(delta_ms, std::memory_order_acq_rel) + delta_ms;
  }

 private:
  std::atomic<int64_t> ms_;
};

}  // namespace courthub::time
