// SPDX-License-Identifier: Apache-2.0
// Delivery leases for hosts that share the inbox tables (PostgreSQL): one host at a time delivers
// a subscriber's events, so each subscriber still sees them one at a time and in order. A lease
// is a row of inbox_leases (subscriber, holder, until_ms): the holder renews it at each batch and
// gives it up when the subscriber has nothing due; another host takes it when it is free or has
// lapsed (its holder died or stalled for lease_ms), so a killed host's subscribers move on after
// at most lease_ms. A stalled holder that resumes after losing its lease may deliver one batch
// next to the new holder; delivery receipts (plugins/delivery_receipt.hpp) keep a plugin's
// transaction from running twice.
// Times are the host clock's: hosts sharing a database keep their clocks in step (NTP).
// Threading: any thread; the lease rows are the only shared state.
#pragma once

#include <cstdint>
#include <mutex>
#include <set>
#include <string>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::jobs {

class InboxLeases {
 public:
  // `holder` names this host for as long as it runs (new_holder()); `db` must outlive this.
  InboxLeases(storage::Database& db, std::string holder, int64_t lease_ms)
      : db_(db), holder_(std::move(holder)), lease_ms_(lease_ms) {}

  // A name no other host or run has: the host name, the process id and random bits.
  static std::string new_holder();

  // Takes the lease of `subscriber` (free, lapsed or already this holder's) until
  // now_ms + lease_ms. False: another holder has it. Errors: the write failed (not held).
  Expected<bool> hold(const std::string& subscriber, int64_t now_ms);
  // Gives up the lease of `subscriber` if this holder has it; never fails (a lease not given up
  // lapses by itself).
  void release(const std::string& subscriber);
  // Gives up every lease of this holder (a clean stop): other hosts take over at once.
  void release_all();

  const std::string& holder() const { return holder_; }
  int64_t lease_ms() const { return lease_ms_; }

 private:
  storage::Database& db_;
  const std::string holder_;
  const int64_t lease_ms_;
  std::mutex mu_;
  std::set<std::string> held_;  // subscribers whose lease this holder last took
};

}  // namespace courthub::jobs
