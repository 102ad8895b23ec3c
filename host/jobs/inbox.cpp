// SPDX-License-Identifier: Apache-2.0
// Inbox: durable de-duplicated storage of events and their delivery to subscribers.
#include "host/jobs/inbox.hpp"

#include <algorithm>
#include <chrono>

#include "host/log.hpp"

namespace courthub::jobs {
namespace {

using storage::int_of;
using storage::int_value;
using storage::text_of;
using storage::text_value;

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Due {
  InboxEvent event;
  std::string subscriber;
  int attempts = 0;
};

}  // namespace

Expected<Inbox::Stored> Inbox::store(std::string_view source, std::string_view topic,
                                     std::string_view dedup_key, std::string_view payload) {
  std::vector<std::string> subscribers = subscribers_(std::string(topic));
  Stored stored;
  const int64_t now = now_ms();
  Outcome o = group_commit_.run([&](storage::Transaction& txn) -> Outcome {
    ch_value row[] = {text_value(source), text_value(topic), text_value(dedup_key),
                      text_value(payload), int_value(now)};
    storage::QueryResult r;
    Outcome w = txn.query(
        "INSERT INTO inbox(source, topic, dedup_key, payload, received_ms) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(dedup_key) DO NOTHING",
        row, {}, &r);
    if (!w.ok()) return w;
    if (r.changes == 0) {
      stored.duplicate = true;
      ch_value key[] = {text_value(dedup_key)};
      return txn.query("SELECT id FROM inbox WHERE dedup_key = ?", key,
                       [&](const ch_str*, const ch_value* v, size_t) {
                         stored.id = int_of(v[0]);
                         return Outcome::success();
                       });
    }
    stored.id = r.last_insert_id;
    for (auto& s : subscribers) {
      ch_value d[] = {int_value(stored.id), text_value(s), int_value(now)};
      w = txn.query(
          "INSERT INTO inbox_deliveries(event_id, subscriber, state, next_ms) "
          "VALUES (?, ?, 'pending', ?)",
          d);
      if (!w.ok()) return w;
    }
    return Outcome::success();
  });
  if (!o.ok()) return o;
  if (!stored.duplicate && !subscribers.empty()) {
    {
      std::lock_guard lock(mu_);
      wake_ = true;
    }
    cv_.notify_one();
  }
  return stored;
}

size_t Inbox::deliver_due(const Handler& handler) {
  std::vector<Due> due;
  ch_value now[] = {int_value(now_ms())};
  Outcome o = db_.query(
      "SELECT d.event_id, d.subscriber, d.attempts, i.source, i.topic, i.payload "
      "FROM inbox_deliveries d JOIN inbox i ON i.id = d.event_id "
      "WHERE d.state = 'pending' AND d.next_ms <= ? ORDER BY d.next_ms, d.event_id LIMIT 64",
      now, [&](const ch_str*, const ch_value* v, size_t) {
        Due d;
        d.event.id = int_of(v[0]);
        d.subscriber = text_of(v[1]);
        d.attempts = static_cast<int>(int_of(v[2]));
        d.event.source = text_of(v[3]);
        d.event.topic = text_of(v[4]);
        d.event.payload = text_of(v[5]);
        d.event.attempt = d.attempts + 1;
        due.push_back(std::move(d));
        return Outcome::success();
      });
  if (!o.ok()) {
    log::error("inbox", "cannot read due deliveries: " + o.message());
    return 0;
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
  for (auto& d : due) {
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
      u.next_ms = now_ms() + std::min(backoff, policy_.max_backoff_ms);
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
    const int64_t t = now_ms();
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
  return due.size();
}

void Inbox::start(Handler handler) {
  if (running_.exchange(true)) return;
  worker_ = std::thread([this, handler = std::move(handler)] { run(handler); });
}

void Inbox::stop() {
  if (!running_.exchange(false)) return;
  {
    std::lock_guard lock(mu_);
    wake_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void Inbox::run(Handler handler) {
  while (running_) {
    size_t n = deliver_due(handler);
    if (n > 0) continue;
    std::unique_lock lock(mu_);
    // Backoffs come due without anyone storing: look again at least every half second.
    cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return wake_ || !running_; });
    wake_ = false;
  }
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
        } catch (const JsonError&) {
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
  ch_value p[] = {int_value(now_ms()), int_value(event_id), text_value(subscriber)};
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
  {
    std::lock_guard lock(mu_);
    wake_ = true;
  }
  cv_.notify_one();
  return Outcome::success();
}

Expected<int64_t> Inbox::event_count() {
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
