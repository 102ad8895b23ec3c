// SPDX-License-Identifier: Apache-2.0
// Inbox::store without a journal (PostgreSQL): the event and one pending delivery per subscriber
// are inserted in a transaction shared with concurrent stores, acknowledged once it committed.
#include "host/jobs/inbox.hpp"

namespace courthub::jobs {

using storage::int_of;
using storage::int_value;
using storage::text_value;

Expected<Inbox::Stored> Inbox::store_direct(std::string_view source, std::string_view topic,
                                            std::string_view dedup_key,
                                            std::string_view payload) {
  const std::vector<std::string> subscribers = subscribers_(std::string(topic));
  const int64_t now = clock_.now_ms();
  Stored stored;
  // May run twice (a batch redone with savepoints after another store in it failed): it starts
  // from nothing each time.
  Outcome o = direct_->run([&](storage::Transaction& txn) -> Outcome {
    stored = Stored{};
    auto id_of = [&](const ch_str*, const ch_value* v, size_t) {
      stored.id = int_of(v[0]);
      return Outcome::success();
    };
    ch_value row[] = {text_value(source), text_value(topic), text_value(dedup_key),
                      text_value(payload), int_value(now)};
    // DO NOTHING waits for another host's uncommitted copy of the key, then yields to it.
    Outcome w = txn.query(
        "INSERT INTO inbox(source, topic, dedup_key, payload, received_ms) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING RETURNING id",
        row, id_of);
    if (!w.ok()) return w;
    if (stored.id == 0) {
      stored.duplicate = true;
      ch_value key[] = {text_value(dedup_key)};
      w = txn.query("SELECT id FROM inbox WHERE dedup_key = ?", key, id_of);
      if (!w.ok()) return w;
      if (stored.id == 0) return Outcome::error("inbox: a duplicate key without its event");
      return Outcome::success();
    }
    return queue_deliveries(txn, stored.id, subscribers, now);
  });
  if (!o.ok()) return o;
  if (!stored.duplicate && running_) {
    for (auto& s : subscribers) wake_subscriber(s);
  }
  return stored;
}

}  // namespace courthub::jobs
