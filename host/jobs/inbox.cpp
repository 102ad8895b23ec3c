// SPDX-License-Identifier: Apache-2.0
// Inbox: durable de-duplicated storage of events and their delivery to subscribers.
#include "host/jobs/inbox.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>

#include "host/log.hpp"

namespace courthub::jobs {
namespace {

using storage::int_of;
using storage::int_value;
using storage::text_of;
using storage::text_value;


struct Due {
  InboxEvent event;
  std::string subscriber;
  int attempts = 0;
};

}  // namespace

Expected<std::unique_ptr<Inbox>> Inbox::open(storage::Database& db,
                                             const std::string& journal_dir, bool sync_journal,
                                             const time::Clock& clock, Subscribers subscribers,
                                             InboxPolicy policy) {
  if (journal_dir.empty()) {
    std::unique_ptr<Inbox> inbox(new Inbox(db, nullptr, clock, std::move(subscribers), policy));
    inbox->direct_ = std::make_unique<storage::GroupCommit>(db);
    inbox->leases_ = std::make_unique<InboxLeases>(db, InboxLeases::new_holder(), policy.lease_ms);
    return inbox;
  }
  auto journal = InboxJournal::open(journal_dir, sync_journal, policy.journal_segment_bytes);
  if (!journal) return journal.outcome();
  int64_t max_id = 0;
  Outcome o = db.query("SELECT COALESCE(MAX(id), 0) FROM inbox", {},
                       [&](const ch_str*, const ch_value* v, size_t) {
                         max_id = int_of(v[0]);
                         return Outcome::success();
                       });
  if (!o.ok()) return Outcome::error("inbox: " + o.message());
  std::unique_ptr<Inbox> inbox(
      new Inbox(db, std::move(*journal), clock, std::move(subscribers), policy));
  inbox->next_id_ = std::max(max_id, inbox->journal_->max_recovered_id()) + 1;
  // Recovered events are duplicates to anyone who sends them again before they are moved.
  for (auto& [seq, e] : inbox->journal_->take(0, SIZE_MAX)) {
    inbox->journalled_[e.dedup_key] = Journalled{e.id, InboxJournal::Ticket{seq, 0}};
    inbox->seen_.add(e.dedup_key);
  }
  o = db.query("SELECT dedup_key FROM inbox", {}, [&](const ch_str*, const ch_value* v, size_t) {
    inbox->seen_.add(text_of(v[0]));
    return Outcome::success();
  });
  if (!o.ok()) return Outcome::error("inbox: " + o.message());
  return inbox;
}

Expected<Inbox::Stored> Inbox::store(std::string_view source, std::string_view topic,
                                     std::string_view dedup_key, std::string_view payload) {
  if (!journal_) return store_direct(source, topic, dedup_key, payload);
  const std::string key(dedup_key);
  while (true) {
    // Read before the look-ups below: a move that ends after this read changes it.
    const uint64_t generation = key_generation_.load(std::memory_order_acquire);
    // Already moved into the tables? Only a key seen before can be there.
    Stored stored;
    if (seen_.maybe_seen(key)) {
      ch_value k[] = {text_value(key)};
      Outcome o = db_.query("SELECT id FROM inbox WHERE dedup_key = ?", k,
                            [&](const ch_str*, const ch_value* v, size_t) {
                              stored.id = int_of(v[0]);
                              return Outcome::success();
                            });
      if (!o.ok()) return o;
    }
    if (stored.id != 0) {
      stored.duplicate = true;
      return stored;
    }
    // Still in the journal, or new. If the mover forgot keys since the look above, they are
    // now in the tables, perhaps this one: look again.
    std::unique_lock lock(keys_mu_);
    if (key_generation_.load(std::memory_order_relaxed) != generation) continue;
    InboxJournal::Ticket ticket;
    if (auto it = journalled_.find(key); it != journalled_.end()) {
      stored = Stored{it->second.id, true};
      ticket = it->second.ticket;
    } else {
      stored.id = next_id_++;
      ticket = journal_->enqueue(InboxJournal::Entry{stored.id, clock_.now_ms(), std::string(source),
                                                     std::string(topic), key,
                                                     std::string(payload)});
      journalled_.emplace(key, Journalled{stored.id, ticket});
      // Before the lock is released: whoever looks for this key after a move (which takes
      // the lock) finds it in the filter.
      seen_.add(key);
    }
    lock.unlock();
    // A duplicate waits too: its first copy may not be durable yet.
    Outcome o = journal_->wait(ticket);
    if (!o.ok()) {
      lock.lock();
      if (auto it = journalled_.find(key);
          it != journalled_.end() && it->second.ticket.seq == ticket.seq) {
        journalled_.erase(it);
      }
      return o;
    }
    if (!stored.duplicate) {
      std::lock_guard mover_lock(mover_mu_);
      if (mover_idle_) {
        mover_idle_ = false;
        mover_cv_.notify_one();
      }
    }
    return stored;
  }
}

Outcome Inbox::queue_deliveries(storage::Transaction& txn, int64_t event_id,
                                const std::vector<std::string>& subscribers, int64_t now_ms) {
  for (auto& s : subscribers) {
    ch_value d[] = {int_value(event_id), text_value(s), int_value(now_ms)};
    Outcome w = txn.query(
        "INSERT INTO inbox_deliveries(event_id, subscriber, state, next_ms) "
        "VALUES (?, ?, 'pending', ?)",
        d);
    if (!w.ok()) return w;
  }
  return Outcome::success();
}

Expected<size_t> Inbox::move_batch(size_t max) {
  if (!journal_) return size_t{0};
  std::lock_guard move_lock(move_mu_);
  auto entries = journal_->take(moved_seq_, max);
  if (entries.empty()) return size_t{0};
  std::unordered_map<std::string, std::vector<std::string>> subscribers;
  for (auto& [seq, e] : entries) {
    if (!subscribers.count(e.topic)) subscribers.emplace(e.topic, subscribers_(e.topic));
  }
  std::vector<std::string> woken;  // subscribers given deliveries by this move
  const int64_t now = clock_.now_ms();
  // Not synced here: the journal keeps these entries until settle() has synced the tables.
  uint64_t ticket = 0;
  Outcome o = db_.transaction_unsynced([&](storage::Transaction& txn) -> Outcome {
    for (auto& [seq, e] : entries) {
      ch_value row[] = {int_value(e.id),        text_value(e.source),  text_value(e.topic),
                        text_value(e.dedup_key), text_value(e.payload), int_value(e.received_ms)};
      storage::QueryResult r;
      // DO NOTHING: an entry of a segment replayed after a crash may be in the tables already.
      Outcome w = txn.query(
          "INSERT INTO inbox(id, source, topic, dedup_key, payload, received_ms) "
          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          row, {}, &r);
      if (!w.ok()) return w;
      if (r.changes == 0) continue;
      w = queue_deliveries(txn, e.id, subscribers[e.topic], now);
      if (!w.ok()) return w;
      for (auto& s : subscribers[e.topic])
        if (std::find(woken.begin(), woken.end(), s) == woken.end()) woken.push_back(s);
    }
    return Outcome::success();
  }, &ticket);
  if (!o.ok()) return o;
  moved_seq_ = entries.back().first;
  moved_ticket_ = ticket;
  {
    std::lock_guard lock(keys_mu_);
    for (auto& [seq, e] : entries) {
      auto it = journalled_.find(e.dedup_key);
      if (it != journalled_.end() && it->second.ticket.seq == seq) journalled_.erase(it);
    }
    key_generation_.fetch_add(1, std::memory_order_release);
  }
  if (running_) {
    for (auto& s : woken) wake_subscriber(s);
  }
  return entries.size();
}

Outcome Inbox::settle() {
  if (!journal_) return Outcome::success();
  std::lock_guard move_lock(move_mu_);
  if (settled_seq_ != moved_seq_) {
    Outcome o = db_.sync(moved_ticket_);
    if (!o.ok()) return o;
    journal_->release(moved_seq_);
    settled_seq_ = moved_seq_;
  }
  // The writer needs a fresh segment now and then; better made here than on its path.
  return journal_->prepare_segment();
}

Outcome Inbox::flush() {
  while (true) {
    auto n = move_batch(1024);
    if (!n) return n.outcome();
    if (*n == 0) return settle();
  }
}

void Inbox::run_mover() {
  // Moves run often (so deliveries start soon); syncs of what was moved, after which the
  // journal lets go of it, a few times a second: each sync competes with the journal's own for
  // the disk, and the journal's are what acknowledgements wait for.
  constexpr auto kSettleEvery = std::chrono::milliseconds(250);
  auto settled = std::chrono::steady_clock::now();
  while (running_) {
    auto n = move_batch(1024);
    Outcome o = n ? Outcome::success() : n.outcome();
    const auto now = std::chrono::steady_clock::now();
    if (o.ok() && (now - settled >= kSettleEvery || (n && *n == 0))) {
      o = settle();
      settled = now;
    }
    if (!o.ok()) {
      log::error("inbox", "cannot move journalled events into the inbox tables (retrying in a "
                          "second; they stay in the journal meanwhile): " +
                              o.message());
      std::unique_lock lock(mover_mu_);
      mover_cv_.wait_for(lock, std::chrono::seconds(1), [&] { return !running_.load(); });
      continue;
    }
    if (*n == 0) {
      std::unique_lock lock(mover_mu_);
      mover_idle_ = true;
      mover_cv_.wait_for(lock, std::chrono::milliseconds(500),
                         [&] { return !mover_idle_ || !running_; });
      mover_idle_ = false;
    } else if (*n < 1024) {
      // Let more arrive: one transaction of a thousand costs little more than one of ten.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

void Inbox::wake() {
  {
    std::lock_guard lock(mu_);
    wake_ = true;
  }
  cv_.notify_one();
}

size_t Inbox::deliver_due(const Handler& handler) {
  Outcome moved = flush();
  if (!moved.ok()) log::error("inbox", "cannot move journalled events: " + moved.message());
  return deliver_ready(handler, nullptr);
}

size_t Inbox::deliver_ready(const Handler& handler, const std::string* subscriber) {
  std::vector<Due> due;
  const int64_t now_ms = clock_.now_ms();
  // Shared tables: only the holder of a subscriber's lease delivers to it.
  auto held = [&](const std::string& s) {
    auto h = leases_->hold(s, now_ms);
    if (!h) {
      log::error("inbox",
                 "cannot take the delivery lease of " + s + ": " + h.outcome().message());
    }
    return h && *h;
  };
  if (leases_ && subscriber && !held(*subscriber)) return 0;
  ch_value all[] = {int_value(now_ms)};
  const std::string who = subscriber ? *subscriber : std::string();  // outlives the query
  ch_value one[] = {text_value(who), int_value(now_ms)};
  std::span<const ch_value> params = subscriber ? std::span<const ch_value>(one)
                                                : std::span<const ch_value>(all);
  Outcome o = db_.query(
      subscriber
          ? "SELECT d.event_id, d.subscriber, d.attempts, i.source, i.topic, i.payload, "
            "i.received_ms FROM inbox_deliveries d JOIN inbox i ON i.id = d.event_id "
            "WHERE d.subscriber = ? AND d.state = 'pending' AND d.next_ms <= ? "
            "ORDER BY d.next_ms, d.event_id LIMIT 64"
          : "SELECT d.event_id, d.subscriber, d.attempts, i.source, i.topic, i.payload, "
            "i.received_ms FROM inbox_deliveries d JOIN inbox i ON i.id = d.event_id "
            "WHERE d.state = 'pending' AND d.next_ms <= ? ORDER BY d.next_ms, d.event_id LIMIT 64",
      params, [&](const ch_str*, const ch_value* v, size_t) {
        Due d;
        d.event.id = int_of(v[0]);
        d.subscriber = text_of(v[1]);
        d.attempts = static_cast<int>(int_of(v[2]));
        d.event.source = text_of(v[3]);
        d.event.topic = text_of(v[4]);
        d.event.payload = text_of(v[5]);
        d.event.received_ms = int_of(v[6]);
        d.event.attempt = d.attempts + 1;
        due.push_back(std::move(d));
        return Outcome::success();
      });
  if (!o.ok()) {
    log::error("inbox", "cannot read due deliveries: " + o.message());
    return 0;
  }
  if (leases_ && !subscriber) {
    std::map<std::string, bool> mine;
    for (auto& d : due) {
      if (!mine.count(d.subscriber)) mine[d.subscriber] = held(d.subscriber);
    }
    std::erase_if(due, [&](const Due& d) { return !mine[d.subscriber]; });
  }
  if (due.empty()) return 0;

  struct Update {
    int64_t event_id;
    std::string subscriber;
    std::string state;
    int attempts;
    int64_t next_ms;
    std::string error;
  };
  std::vector<Update> updates;
  // A lease is renewed per batch: past half of it, the rest waits for the next batch.
  const int64_t renew_by = now_ms + (leases_ ? leases_->lease_ms() / 2 : 0);
  for (auto& d : due) {
    if (leases_ && !updates.empty() && clock_.now_ms() >= renew_by) break;
    HandleResult r;
    try {
      r = handler(d.subscriber, d.event);
    } catch (const std::exception& e) {
      r = HandleResult{Handled::Retry, std::string("handler threw: ") + e.what()};
    }
    Update u{d.event.id, d.subscriber, "done", d.attempts + 1, 0, r.error};
    if (r.outcome == Handled::Retry && u.attempts < policy_.max_attempts) {
      int64_t backoff = policy_.first_backoff_ms << std::min(u.attempts - 1, 20);
      u.state = "pending";
      u.next_ms = clock_.now_ms() + std::min(backoff, policy_.max_backoff_ms);
      log::warn("inbox", "event " + std::to_string(d.event.id) + " (" + d.event.topic + ") to " +
                             d.subscriber + " failed, attempt " + std::to_string(u.attempts) +
                             ", retrying: " + r.error);
    } else if (r.outcome != Handled::Done) {
      u.state = "dead";
      log::error("inbox", "event " + std::to_string(d.event.id) + " (" + d.event.topic +
                              ") to " + d.subscriber + " dead-lettered after " +
                              std::to_string(u.attempts) + " attempt(s): " + r.error);
    }
    updates.push_back(std::move(u));
  }
  o = db_.transaction([&](storage::Transaction& txn) -> Outcome {
    const int64_t t = clock_.now_ms();
    for (auto& u : updates) {
      ch_value p[] = {text_value(u.state), int_value(u.attempts), int_value(u.next_ms),
                      text_value(u.error), int_value(t), int_value(u.event_id),
                      text_value(u.subscriber)};
      Outcome w = txn.query(
          "UPDATE inbox_deliveries SET state = ?, attempts = ?, next_ms = ?, last_error = ?, "
          "done_ms = ? WHERE event_id = ? AND subscriber = ?",
          p);
      if (!w.ok()) return w;
    }
    return Outcome::success();
  });
  if (!o.ok()) log::error("inbox", "cannot record deliveries: " + o.message());
  return updates.size();
}

void Inbox::start(Handler handler) {
  if (running_.exchange(true)) return;
  handler_ = std::move(handler);
  if (journal_) mover_ = std::thread([this] { run_mover(); });
  dispatcher_ = std::thread([this] { run_dispatcher(); });
}

void Inbox::stop() {
  if (!running_.exchange(false)) return;
  {
    std::lock_guard lock(mover_mu_);
    mover_idle_ = false;
  }
  mover_cv_.notify_all();
  wake();
  if (mover_.joinable()) mover_.join();
  if (dispatcher_.joinable()) dispatcher_.join();
  {
    // No worker is added now: wake_subscriber() starts none once running_ is false.
    std::lock_guard lock(workers_mu_);
    for (auto& [name, w] : workers_) {
      {
        std::lock_guard wl(w->mu);
        w->wake = true;
      }
      w->cv.notify_one();
    }
  }
  for (auto& [name, w] : workers_) {
    if (w->thread.joinable()) w->thread.join();
  }
  workers_.clear();
  if (leases_) leases_->release_all();
  // Leave the journal empty at a clean stop; what cannot be moved now is moved at the next open.
  Outcome o = flush();
  if (!o.ok()) log::warn("inbox", "journal left for the next start: " + o.message());
}

void Inbox::wake_subscriber(const std::string& subscriber) {
  SubscriberWorker* worker = nullptr;
  {
    std::lock_guard lock(workers_mu_);
    if (!running_) return;
    auto& slot = workers_[subscriber];
    if (!slot) {
      slot = std::make_unique<SubscriberWorker>();
      SubscriberWorker* w = slot.get();
      w->wake = true;
      w->thread = std::thread([this, subscriber, w] { run_worker(subscriber, *w); });
      return;
    }
    worker = slot.get();
  }
  {
    std::lock_guard lock(worker->mu);
    worker->wake = true;
  }
  worker->cv.notify_one();
}

void Inbox::run_worker(const std::string& subscriber, SubscriberWorker& worker) {
  while (running_) {
    {
      std::unique_lock lock(worker.mu);
      worker.cv.wait(lock, [&] { return worker.wake || !running_; });
      worker.wake = false;
    }
    // Until nothing of this subscriber's is due; a wake meanwhile makes it look once more.
    while (running_ && deliver_ready(handler_, &subscriber) > 0) {
    }
    // Then the next event may be delivered by whichever host stores it.
    if (leases_) leases_->release(subscriber);
  }
}

void Inbox::run_dispatcher() {
  while (running_) {
    // Retries whose backoff ended, replays, deliveries left by the last run: whose are due?
    std::vector<std::string> due;
    ch_value now[] = {int_value(clock_.now_ms())};
    Outcome o = db_.query(
        "SELECT DISTINCT subscriber FROM inbox_deliveries WHERE state = 'pending' AND next_ms <= ?",
        now, [&](const ch_str*, const ch_value* v, size_t) {
          due.emplace_back(text_of(v[0]));
          return Outcome::success();
        });
    if (!o.ok()) log::error("inbox", "cannot read due deliveries: " + o.message());
    for (auto& s : due) wake_subscriber(s);
    std::unique_lock lock(mu_);
    // Backoffs come due without anyone storing: look again at least every half second.
    cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return wake_ || !running_; });
    wake_ = false;
  }
}

Expected<std::vector<Inbox::Backlog>> Inbox::backlog() {
  std::vector<Backlog> out;
  const int64_t now = clock_.now_ms();
  Outcome o = db_.query(
      "SELECT d.subscriber, COUNT(*), MIN(i.received_ms) FROM inbox_deliveries d "
      "JOIN inbox i ON i.id = d.event_id WHERE d.state = 'pending' GROUP BY d.subscriber",
      {}, [&](const ch_str*, const ch_value* v, size_t) {
        out.push_back(Backlog{std::string(text_of(v[0])), int_of(v[1]),
                              std::max<int64_t>(0, now - int_of(v[2]))});
        return Outcome::success();
      });
  if (!o.ok()) return o;
  return out;
}

Expected<Json> Inbox::dead_letters(int limit) {
  Json list = Json::array();
  ch_value p[] = {int_value(limit)};
  Outcome o = db_.query(
      "SELECT d.event_id, d.subscriber, d.attempts, d.last_error, d.done_ms, i.source, i.topic, "
      "i.payload, i.received_ms FROM inbox_deliveries d JOIN inbox i ON i.id = d.event_id "
      "WHERE d.state = 'dead' ORDER BY d.done_ms DESC LIMIT ?",
      p, [&](const ch_str*, const ch_value* v, size_t) {
        Json payload;
        try {
          payload = Json::parse(text_of(v[7]));
        } catch (const Json::exception&) {
          payload = std::string(text_of(v[7]));
        }
        list.push_back(Json::object({{"event_id", int_of(v[0])},
                                     {"subscriber", text_of(v[1])},
                                     {"attempts", int_of(v[2])},
                                     {"last_error", text_of(v[3])},
                                     {"dead_at_ms", int_of(v[4])},
                                     {"source", text_of(v[5])},
                                     {"topic", text_of(v[6])},
                                     {"payload", payload},
                                     {"received_ms", int_of(v[8])}}));
        return Outcome::success();
      });
  if (!o.ok()) return o;
  return list;
}

Expected<Json> Inbox::counts() {
  Outcome moved = flush();
  if (!moved.ok()) return moved;
  Json out = Json::object({{"pending", 0}, {"done", 0}, {"dead", 0}});
  Outcome o = db_.query("SELECT state, COUNT(*) FROM inbox_deliveries GROUP BY state", {},
                        [&](const ch_str*, const ch_value* v, size_t) {
                          out[std::string(text_of(v[0]))] = int_of(v[1]);
                          return Outcome::success();
                        });
  if (!o.ok()) return o;
  auto events = event_count();
  if (!events) return events.outcome();
  out["events"] = *events;
  return out;
}

Outcome Inbox::replay(int64_t event_id, const std::string& subscriber) {
  ch_value p[] = {int_value(clock_.now_ms()), int_value(event_id), text_value(subscriber)};
  storage::QueryResult r;
  Outcome o = db_.query(
      "UPDATE inbox_deliveries SET state = 'pending', attempts = 0, next_ms = ?, last_error = '' "
      "WHERE event_id = ? AND subscriber = ? AND state = 'dead'",
      p, {}, &r);
  if (!o.ok()) return o;
  if (r.changes == 0) {
    return Outcome::not_found("no dead delivery of event " + std::to_string(event_id) + " to '" +
                              subscriber + "'");
  }
  wake_subscriber(subscriber);
  return Outcome::success();
}

Expected<int64_t> Inbox::event_count() {
  Outcome moved = flush();
  if (!moved.ok()) return moved;
  int64_t n = 0;
  Outcome o = db_.query("SELECT COUNT(*) FROM inbox", {},
                        [&](const ch_str*, const ch_value* v, size_t) {
                          n = int_of(v[0]);
                          return Outcome::success();
                        });
  if (!o.ok()) return o;
  return n;
}

}  // namespace courthub::jobs
