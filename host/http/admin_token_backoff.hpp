// SPDX-License-Identifier: Apache-2.0
// Back-off for admin-token guesses, per client address: a few failures are free, then the
// address must wait before its next attempt, twice as long after each further failure, up to a
// cap; a success resets it. Also decides which refusals are worth a log line (one per address
// per minute, counting the ones left out).
//
// Time is the host's clock (tests step it). Memory is bounded: at most max_addresses entries,
// the one whose last failure is oldest is forgotten first.
//
// Hosts sharing a database (PostgreSQL) share the count: with `shared` set, each address's
// failures and wait live in the table admin_backoff, so a guesser spreading attempts over the
// hosts behind a balancer waits as long as against one. The log decisions stay per host. If the
// table cannot be read or written, this host's own count decides (and the error is logged).
// Threading: every method from any thread concurrently (one mutex).
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "host/storage/database.hpp"
#include "host/time/clock.hpp"

namespace courthub::http {

struct BackoffLimits {
  int free_failures = 5;               // failures before the first wait
  int64_t first_wait_ms = 1'000;       // then 1 s, 2 s, 4 s, ...
  int64_t max_wait_ms = 15 * 60'000;   // ... up to 15 min
  int64_t forget_after_ms = 60 * 60'000;  // an address quiet this long starts afresh
  int64_t log_every_ms = 60'000;       // one log line per address per minute
  size_t max_addresses = 4096;
};

// What one failure means.
struct FailureVerdict {
  int failures = 0;           // consecutive failures of the address, this one included
  int64_t wait_ms = 0;        // the wait it starts (0: still free)
  bool entered_backoff = false;  // this failure started the address's first wait
  bool log = false;           // write a log line for this failure
  uint64_t unlogged = 0;      // failures since the previous line that got none (when log)
};

class AdminTokenBackoff {
 public:
  // `shared` (may be null: this host's count only) must outlive the back-off.
  explicit AdminTokenBackoff(const time::Clock& clock, BackoffLimits limits = {},
                             storage::Database* shared = nullptr)
      : clock_(clock), limits_(limits), shared_(shared) {}

  // Milliseconds `address` must still wait before an attempt is checked; 0 = it may try now.
  int64_t wait_ms(const std::string& address);
  // A wrong token from `address`; with `counts` false a refusal that was no token guess (no
  // token, an expired session): only the log decision is made, the failure count stays.
  FailureVerdict failed(const std::string& address, bool counts = true);
  // The right token from `address`: its failures and wait are forgotten (not its log limit).
  void succeeded(const std::string& address);
  // Addresses remembered now (at most limits.max_addresses).
  size_t size() const;

 private:
  struct Entry {
    std::string address;
    int failures = 0;
    int64_t last_failure_ms = 0;
    int64_t blocked_until_ms = 0;
    int64_t last_log_ms = INT64_MIN;
    uint64_t unlogged = 0;
  };
  using Order = std::list<Entry>;  // most recent failure first

  // The wait a run of `failures` starts (0: still free).
  int64_t wait_for(int failures) const;
  // The shared count (admin_backoff): a failure recorded, the address's failures in a row after
  // it; nullopt if the table failed (this host's count decides then).
  std::optional<int> shared_failure(const std::string& address, int64_t now);

  const time::Clock& clock_;
  const BackoffLimits limits_;
  storage::Database* const shared_;
  int64_t pruned_ms_ = 0;  // when admin_backoff was last pruned of forgotten addresses
  mutable std::mutex mu_;
  Order order_;
  std::unordered_map<std::string, Order::iterator> by_address_;
};

// "1.2.3.4:5678" -> "1.2.3.4", "[::1]:80" -> "::1"; anything else unchanged.
std::string address_without_port(const std::string& address);

}  // namespace courthub::http
