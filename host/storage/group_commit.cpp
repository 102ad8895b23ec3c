// SPDX-License-Identifier: Apache-2.0
// GroupCommit: leader-follower batching of small write transactions.
#include "host/storage/group_commit.hpp"

#include <vector>

namespace courthub::storage {

Outcome GroupCommit::run(Write write) {
  Pending me;
  me.write = &write;
  std::unique_lock lock(mu_);
  queue_.push_back(&me);
  while (!me.done) {
    if (!leader_active_ && queue_.front() == &me) break;  // my turn to lead
    me.cv.wait(lock);
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
      Outcome o = txn.query("SAVEPOINT courthub_write", {});
      if (!o.ok()) return o;
      try {
        p->result = (*p->write)(txn);
      } catch (const std::exception& e) {
        p->result = Outcome::error(std::string("write threw: ") + e.what());
      }
      if (!p->result.ok()) {
        o = txn.query("ROLLBACK TO courthub_write", {});
        if (!o.ok()) return o;
      }
      o = txn.query("RELEASE courthub_write", {});
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
  leader_active_ = false;
  for (Pending* p : batch) {
    p->done = true;
    if (p != &me) p->cv.notify_one();
  }
  // Whoever queued meanwhile leads the next commit.
  if (!queue_.empty()) queue_.front()->cv.notify_one();
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
