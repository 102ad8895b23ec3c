// SPDX-License-Identifier: Apache-2.0
// Group commit: concurrent small writes share one transaction and one fsync.
//
// With synchronous=FULL every commit waits for the disk; one row per commit tops out at a few
// thousand commits a second, while 64 rows per commit go tens of times further (DESIGN.md). The
// first waiting writer becomes the leader, takes everything queued behind it (up to max_batch),
// commits it as one transaction and wakes the others; each write runs under its own SAVEPOINT,
// so one failing write is rolled back alone and the rest still commit.
// Threading: run() from any thread; it returns only when the write is durable (or failed).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::storage {

class GroupCommit {
 public:
  explicit GroupCommit(Database& db, size_t max_batch = 64) : db_(db), max_batch_(max_batch) {}

  using Write = std::function<Outcome(Transaction&)>;
  Outcome run(Write write);

  // For tests and metrics: transactions committed and writes carried.
  uint64_t commits() const;
  uint64_t writes() const;

 private:
  struct Pending {
    Write* write;
    Outcome result;
    bool done = false;
    std::condition_variable cv;  // one per waiter: a commit wakes only its own writers
  };

  Database& db_;
  size_t max_batch_;
  mutable std::mutex mu_;
  std::deque<Pending*> queue_;
  bool leader_active_ = false;
  uint64_t commits_ = 0;
  uint64_t writes_ = 0;
};

}  // namespace courthub::storage
