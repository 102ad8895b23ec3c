// SPDX-License-Identifier: Apache-2.0
// DispatchQueue: work notifications and events decided inside a write transaction, delivered to
// the host's outbox and inbox after it commits.
//
// Why: the host's outbox and event bus live in the host's database, not ours, so "commit, then
// send" could lose a message to a crash in between, and "send, then commit" could announce what
// was rolled back. Each message or event is therefore first a row of our `dispatch` table,
// written in the same transaction as the decision. After the commit the request thread delivers
// the rows (keys make outbox sends idempotent) and remembers their ids; the next transaction
// deletes them, so a delivery costs no commit of its own. Rows left behind by a crash or a failed
// delivery are sent again by the `dispatch-retry` job.
//
// Threading: any handler thread; the delivered-id list is guarded by a mutex.
#pragma once

#include <courthub/host.hpp>

#include <cstdint>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace approvals {

using courthub::Json;

struct DispatchItem {
  int64_t id = 0;
  std::string kind;  // "message" | "event"
  Json body;         // message: {"users", "msg", "key"}; event: {"name", "payload"}
};

class DispatchQueue;

// What one transaction decided to tell people and other plugins.
class Effects {
 public:
  Effects(DispatchQueue& queue, courthub::Sql& tx, int64_t now_ms)
      : queue_(queue), tx_(tx), now_ms_(now_ms) {}

  // A work notification to `users`; `key` (unique per logical message) makes resending harmless.
  void notify(const std::vector<std::string>& users, const courthub::Message& message,
              const std::string& key);
  // "approvals.<name>" for other plugins.
  void publish(const std::string& name, const Json& payload);

  const std::vector<DispatchItem>& items() const { return items_; }

 private:
  void add(std::string kind, Json body);

  DispatchQueue& queue_;
  courthub::Sql& tx_;
  int64_t now_ms_;
  std::vector<DispatchItem> items_;
};

class DispatchQueue {
 public:
  explicit DispatchQueue(courthub::Host& host) : host_(host) {}
  ~DispatchQueue();
  DispatchQueue(const DispatchQueue&) = delete;
  DispatchQueue& operator=(const DispatchQueue&) = delete;

  // Runs body(tx, effects) in one write transaction (BEGIN IMMEDIATE) and delivers the effects
  // once it has committed. Returns what body returns; an exception rolls everything back and
  // delivers nothing.
  template <class F>
  auto transaction(int64_t now_ms, F&& body) {
    std::vector<int64_t> purged;
    std::vector<DispatchItem> items;
    auto run = [&](courthub::Sql& tx) {
      purged = purge(tx);
      Effects effects(*this, tx, now_ms);
      struct Collect {
        Effects& e;
        std::vector<DispatchItem>& out;
        ~Collect() { out = e.items(); }
      } collect{effects, items};
      return body(tx, effects);
    };
    using R = decltype(run(std::declval<courthub::Sql&>()));
    // An rvalue: Database::transaction cannot take an lvalue callable (it forms F* from F&).
    if constexpr (std::is_void_v<R>) {
      host_.db().transaction(std::move(run));
      forget(purged);
      deliver(items);
    } else {
      R result = host_.db().transaction(std::move(run));
      forget(purged);
      deliver(items);
      return result;
    }
  }

  // Sends what is still queued from before `now_ms - grace_ms` (crashes, failed deliveries).
  // Returns how many were delivered.
  size_t redeliver(int64_t now_ms, int64_t grace_ms = 60000);

 private:
  friend class Effects;
  std::vector<int64_t> purge(courthub::Sql& tx);
  void flush();  // deletes delivered rows in a transaction of its own, if there are any
  void forget(const std::vector<int64_t>& ids);
  void deliver(const std::vector<DispatchItem>& items);
  bool deliver_one(const DispatchItem& item);  // false when the host refused it

  courthub::Host& host_;
  std::mutex mu_;
  std::vector<int64_t> delivered_;  // delivered, not yet deleted
};

}  // namespace approvals
