// SPDX-License-Identifier: Apache-2.0
// Group commit: concurrent small writes share one transaction and one fsync.
//
// The first writer to find no commit under way becomes the leader: it takes everything queued
// (up to max_batch), commits it as one transaction and wakes each writer in it; whoever queued
// meanwhile is handed the lead for the next commit. The batch is first tried as one plain
// transaction; if a write fails it is redone with a SAVEPOINT around each write, so the failing
// one is rolled back alone and the rest still commit. The lead passes on as soon as the batch is
// committed, so the next batch is written while this one is synced to disk. Waiters sleep on
// their own flag (a futex, without spinning) and are woken once, outside any lock: on a
// two-core machine the context switches, not the disk, are what a commit costs most.
// Threading: run() from any thread; it returns only when the write is durable (or failed).
#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::storage {

class GroupCommit {
 public:
  // How a batch isolates its writes from each other.
  enum class Isolation {
    // One plain transaction first; only if a write fails is the batch redone with savepoints, so
    // a write may run twice. For the host's own writes, which touch nothing but the database.
    kOptimistic,
    // A savepoint around every write, so each runs exactly once. For plugin transactions, whose
    // bodies may have effects outside the database (queueing a message, publishing an event).
    kSavepoints,
  };

  explicit GroupCommit(Database& db, size_t max_batch = 64,
                       Isolation isolation = Isolation::kOptimistic)
      : db_(db), max_batch_(max_batch), isolation_(isolation) {}

  using Write = std::function<Outcome(Transaction&)>;
  // Runs `write` inside a transaction shared with concurrent callers and returns its result once
  // that transaction is durable. `write` may run on another caller's thread (this one waits
  // meanwhile). Called again from inside a write of the same GroupCommit it returns
  // InvalidArgument ("nested transactions are not supported") instead of waiting for itself.
  Outcome run(Write write);

  // For tests and metrics: transactions committed and writes carried.
  uint64_t commits() const { return commits_.load(); }
  uint64_t writes() const { return writes_.load(); }
  // Writes waiting for a leader to take them into a batch.
  size_t queued() const {
    std::lock_guard lock(mu_);
    return queue_.size();
  }

 private:
  enum State : int { kWaiting = 0, kDone = 1, kLead = 2 };
  struct Pending {
    explicit Pending(Write* w) : write(w) {}
    Write* write;
    Outcome result;
    std::atomic<int> state{kWaiting};
  };
  // Commits `batch`, leaving each writer's result in it; returns the ticket to sync() before
  // anyone is told.
  uint64_t commit(std::vector<std::shared_ptr<Pending>>& batch);

  Database& db_;
  size_t max_batch_;
  Isolation isolation_;
  mutable std::mutex mu_;  // guards queue_ and leader_active_
  std::deque<std::shared_ptr<Pending>> queue_;
  bool leader_active_ = false;
  std::atomic<uint64_t> commits_{0};
  std::atomic<uint64_t> writes_{0};
};

}  // namespace courthub::storage
