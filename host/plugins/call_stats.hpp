// SPDX-License-Identifier: Apache-2.0
// CallStats: how one plugin's calls ended, for /admin/plugins and /metrics.
//
// One per plugin name, kept by the PluginSet across reconfigurations (each new instance counts
// on), so the counters only ever grow. A plugin is `slow` while it has exceeded its deadline
// kSlowCount times within the last kSlowWindowMs of the host clock. Each deadline exceeded is
// logged as a WARN line, at most one per plugin every kWarnEveryMs (the next line says how many
// were not logged).
//
// Threading: every method from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "host/time/clock.hpp"

namespace courthub::plugins {

class CallStats {
 public:
  static constexpr int kSlowCount = 3;
  static constexpr int64_t kSlowWindowMs = 10 * time::kMinuteMs;
  static constexpr int64_t kWarnEveryMs = 10 * time::kSecondMs;

  // `clock` (the host clock; must outlive the stats) dates deadline misses for the slow flag.
  CallStats(std::string plugin, const time::Clock& clock);

  // A call that ended with the plugin's answer: `ok` when it succeeded.
  void completed(bool ok);
  // A call that went past its deadline: `what` says which ("GET /apps/x/y", "event ...") for the
  // log, `abandoned` whether its caller stopped waiting (a request) or it finished late (a
  // delivery, which also counts as completed).
  void deadline_exceeded(int64_t deadline_ms, const std::string& what, bool abandoned);
  // A call refused by the bulkhead.
  void rejected();
  // An abandoned call that ended afterwards; its result went nowhere.
  void late_result() { late_results_.fetch_add(1, std::memory_order_relaxed); }

  struct Counts {
    uint64_t ok = 0;
    uint64_t failed = 0;
    uint64_t deadline_exceeded = 0;  // every miss: abandoned requests and late deliveries
    uint64_t abandoned = 0;          // of those, requests whose caller got no answer from it
    uint64_t rejected = 0;
    uint64_t late_results = 0;
    uint64_t completed() const { return ok + failed; }
  };
  Counts counts() const;
  // Whether it exceeded its deadline kSlowCount times in the last kSlowWindowMs (host clock).
  bool slow() const;

 private:
  const std::string plugin_;
  const time::Clock& clock_;
  std::atomic<uint64_t> ok_{0}, failed_{0}, deadline_exceeded_{0}, abandoned_{0}, rejected_{0},
      late_results_{0};

  mutable std::mutex mu_;
  std::array<int64_t, kSlowCount> misses_{};  // host-clock ms of the latest misses, a ring
  size_t next_miss_ = 0;
  int64_t last_warn_steady_ms_ = INT64_MIN;
  uint64_t unlogged_ = 0;
};

}  // namespace courthub::plugins
