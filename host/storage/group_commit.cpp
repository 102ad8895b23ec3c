// SPDX-License-Identifier: Apache-2.0
// GroupCommit: leader-follower batching of small write transactions.
#include "host/storage/group_commit.hpp"

#include <vector>

#include "host/storage/wait_flag.hpp"

namespace courthub::storage {
namespace {

// The GroupCommit whose batch this thread is committing, to refuse nested transactions.
thread_local const GroupCommit* t_committing = nullptr;

}  // namespace

Outcome GroupCommit::run(Write write) {
  if (t_committing == this) return Outcome::invalid("nested transactions are not supported");
  // Shared: the leader may still be waking this writer when it has already returned.
  auto me = std::make_shared<Pending>(&write);
  {
    std::lock_guard lock(mu_);
    queue_.push_back(me);
    if (!leader_active_) {
      leader_active_ = true;
      me->state.store(kLead);
    }
  }
  sleep_while(me->state, kWaiting);
  const int state = me->state.load(std::memory_order_acquire);
  if (state == kDone) return me->result;

  // Leading: commit everything queued so far (this writer included).
  std::vector<std::shared_ptr<Pending>> batch;
  {
    std::lock_guard lock(mu_);
    while (!queue_.empty() && batch.size() < max_batch_) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
  }
  t_committing = this;
  const uint64_t ticket = commit(batch);
  t_committing = nullptr;

  // Hand the lead to whoever queued meanwhile, so the next batch is written while this one is
  // synced; then, once it is durable, wake the writers of this batch.
  std::shared_ptr<Pending> next;
  {
    std::lock_guard lock(mu_);
    if (queue_.empty()) {
      leader_active_ = false;
    } else {
      next = queue_.front();
    }
  }
  if (next) {
    next->state.store(kLead, std::memory_order_release);
    wake_one(next->state);
  }
  Outcome synced = db_.sync(ticket);
  if (!synced.ok()) {
    for (auto& p : batch)
      if (p->result.ok()) p->result = synced;
  }
  Outcome mine = me->result;
  for (auto& p : batch) {
    if (p == me) continue;
    p->state.store(kDone, std::memory_order_release);
    wake_one(p->state);
  }
  return mine;
}

uint64_t GroupCommit::commit(std::vector<std::shared_ptr<Pending>>& batch) {
  uint64_t ticket = 0;
  // Optimistic first: all writes in one transaction without savepoints (three statements fewer
  // per write). Only if one fails is the batch rolled back and redone with a savepoint around
  // each write, so the failing one is undone alone.
  for (bool isolated : {false, true}) {
    if (!isolated && isolation_ == Isolation::kSavepoints) continue;
    bool write_failed = false;
    Outcome committed = db_.transaction_unsynced([&](Transaction& txn) -> Outcome {
      for (auto& p : batch) {
        if (isolated) {
          Outcome o = txn.query("SAVEPOINT courthub_write", {});
          if (!o.ok()) return o;
        }
        try {
          p->result = (*p->write)(txn);
        } catch (const std::exception& e) {
          p->result = Outcome::error(std::string("write threw: ") + e.what());
        }
        if (!isolated && !p->result.ok()) {
          write_failed = true;
          return Outcome::error("a write failed; redo with savepoints");
        }
        if (isolated) {
          if (!p->result.ok()) {
            Outcome o = txn.query("ROLLBACK TO courthub_write", {});
            if (!o.ok()) return o;
          }
          Outcome o = txn.query("RELEASE courthub_write", {});
          if (!o.ok()) return o;
        }
      }
      return Outcome::success();
    }, &ticket);
    if (write_failed && !isolated) continue;
    if (!committed.ok()) {
      // The whole transaction failed (disk full, I/O error): nothing is durable.
      for (auto& p : batch)
        if (p->result.ok()) p->result = committed;
    }
    break;
  }
  commits_++;
  writes_ += batch.size();
  return ticket;
}

}  // namespace courthub::storage
