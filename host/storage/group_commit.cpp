// SPDX-License-Identifier: Apache-2.0
// GroupCommit: leader-follower batching of small write transactions.
#include "host/storage/group_commit.hpp"

#include <vector>

namespace courthub::storage {

Outcome GroupCommit::run(Write write) {
  Pending me{&write, Outcome::success(), false};
  std::unique_lock lock(mu_);
  queue_.push_back(&me);
  while (!me.done) {
    if (!leader_active_ && queue_.front() == &me) break;  // my turn to lead
    cv_.wait(lock);
  }
  if (me.done) return me.result;

  leader_active_ = true;
  std::vector<Pending*> batch;
  while (!queue_.empty() && batch.size() < max_batch_) {
    batch.push_back(queue_.front());
    queue_.pop_front();
  }
  lock.unlock();

  Outcome committed = db_.transaction([&](Transaction& txn) -> Outcome {
    for (Pending* p : batch) {
      Outcome o = txn.script("SAVEPOINT courthub_write");
      if (!o.ok()) return o;
      try {
        p->result = (*p->write)(txn);
      } catch (const std::exception& e) {
        p->result = Outcome::error(std::string("write threw: ") + e.what());
      }
      o = txn.script(p->result.ok() ? "RELEASE courthub_write"
                                    : "ROLLBACK TO courthub_write; RELEASE courthub_write");
      if (!o.ok()) return o;
    }
    return Outcome::success();
  });
  if (!committed.ok()) {
    // The whole transaction failed (disk full, I/O error): nothing is durable.
    for (Pending* p : batch)
      if (p->result.ok()) p->result = committed;
  }

  lock.lock();
  ++commits_;
  writes_ += batch.size();
  for (Pending* p : batch) p->done = true;
  leader_active_ = false;
  lock.unlock();
  cv_.notify_all();
  return me.result;
}

uint64_t GroupCommit::commits() const {
  std::lock_guard lock(mu_);
  return commits_;
}

uint64_t GroupCommit::writes() const {
  std::lock_guard lock(mu_);
  return writes_;
}

}  // namespace courthub::storage
