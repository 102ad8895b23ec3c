// SPDX-License-Identifier: Apache-2.0
// CallStats: counters, the slow flag and the rate-limited deadline warning of one plugin.
#include "host/plugins/call_stats.hpp"

#include <chrono>

#include "host/log.hpp"

namespace courthub::plugins {

CallStats::CallStats(std::string plugin, const time::Clock& clock)
    : plugin_(std::move(plugin)), clock_(clock) {
  misses_.fill(INT64_MIN);
}

void CallStats::completed(bool ok) {
  (ok ? ok_ : failed_).fetch_add(1, std::memory_order_relaxed);
}

void CallStats::rejected() { rejected_.fetch_add(1, std::memory_order_relaxed); }

void CallStats::deadline_exceeded(int64_t deadline_ms, const std::string& what, bool abandoned) {
  deadline_exceeded_.fetch_add(1, std::memory_order_relaxed);
  if (abandoned) abandoned_.fetch_add(1, std::memory_order_relaxed);
  const int64_t steady_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now().time_since_epoch())
                                .count();
  uint64_t skipped = 0;
  {
    std::lock_guard lock(mu_);
    misses_[next_miss_] = clock_.now_ms();
    next_miss_ = (next_miss_ + 1) % misses_.size();
    if (last_warn_steady_ms_ != INT64_MIN && steady_ms - last_warn_steady_ms_ < kWarnEveryMs) {
      ++unlogged_;
      return;
    }
    last_warn_steady_ms_ = steady_ms;
    skipped = unlogged_;
    unlogged_ = 0;
  }
  std::string line = "plugin '" + plugin_ + "' exceeded its deadline of " +
                     std::to_string(deadline_ms) + " ms (" + what + "); " +
                     (abandoned ? "the caller was answered without it (limits.deadline_ms)"
                                : "it finished late");
  if (skipped) line += "; " + std::to_string(skipped) + " more since the last such line";
  log::warn("plugins", line);
}

CallStats::Counts CallStats::counts() const {
  Counts c;
  c.ok = ok_.load(std::memory_order_relaxed);
  c.failed = failed_.load(std::memory_order_relaxed);
  c.deadline_exceeded = deadline_exceeded_.load(std::memory_order_relaxed);
  c.abandoned = abandoned_.load(std::memory_order_relaxed);
  c.rejected = rejected_.load(std::memory_order_relaxed);
  c.late_results = late_results_.load(std::memory_order_relaxed);
  return c;
}

bool CallStats::slow() const {
  std::lock_guard lock(mu_);
  // The oldest of the last kSlowCount misses is the one the ring writes next.
  const int64_t oldest = misses_[next_miss_];
  return oldest != INT64_MIN && clock_.now_ms() - oldest < kSlowWindowMs;
}

}  // namespace courthub::plugins
