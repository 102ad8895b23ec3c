// SPDX-License-Identifier: Apache-2.0
// EffectQueue: recording effects in a plugin's transaction, forwarding them after the commit.
#include "host/plugins/effect_queue.hpp"

#include <cstdio>
#include <random>
#include <vector>

#include "host/jobs/inbox.hpp"
#include "host/jobs/outbox.hpp"
#include "host/log.hpp"
#include "host/storage/migrations.hpp"

namespace courthub::plugins {
namespace {

using storage::int_of;
using storage::int_value;
using storage::text_of;
using storage::text_value;

// A fresh key for an effect the plugin gave none: unique across databases and restarts.
std::string fresh_key() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return buf;
}

// Inbox keys of internal events: one namespace per plugin, so plugins cannot collide.
std::string event_key(const std::string& plugin, const std::string& key) {
  return "publish:" + plugin + ":" + key;
}

struct Effect {
  int64_t id = 0;
  std::string kind, topic, body, key;
};

// Stores one effect in the inbox or the outbox; its key makes a second hand-over a no-op.
Outcome hand_over(jobs::Inbox& inbox, jobs::Outbox& outbox, const std::string& plugin,
                  const Effect& e) {
  if (e.kind == "event") {
    auto stored = inbox.store(plugin, e.topic, event_key(plugin, e.key), e.body);
    return stored ? Outcome::success() : stored.outcome();
  }
  Json message;
  try {
    message = Json::parse(e.body);
  } catch (const Json::exception& err) {
    return Outcome::error(std::string("courthub_effects row is not JSON: ") + err.what());
  }
  auto queued = outbox.queue(plugin, message);
  if (queued) return Outcome::success();
  // A message that became invalid since it was checked (a group robot removed by a reload) can
  // never be sent: drop it rather than block everything after it.
  if (queued.outcome().code() != Status::InvalidArgument) return queued.outcome();
  log::warn("plugin:" + plugin,
            "dropped a message queued in a transaction: " + queued.outcome().message());
  return Outcome::success();
}

}  // namespace

Outcome EffectQueue::prepare(storage::Database& db) {
  const std::string create = storage::portable_sql(
      "CREATE TABLE IF NOT EXISTS courthub_effects ("
      " id {{serial}},"
      " kind TEXT NOT NULL CHECK (kind IN ('event', 'message')),"
      " topic TEXT NOT NULL DEFAULT '',"
      " body TEXT NOT NULL,"
      " idem_key TEXT NOT NULL)",
      db.dialect());
  return db.query(create, {});
}

Outcome EffectQueue::record_event(storage::Transaction& txn, const std::string& plugin,
                                  const std::string& topic, const Json& payload,
                                  const std::string& key) {
  (void)plugin;
  std::string body = payload.dump();
  std::string k = key.empty() ? fresh_key() : key;
  ch_value row[] = {text_value(topic), text_value(body), text_value(k)};
  return txn.query(
      "INSERT INTO courthub_effects(kind, topic, body, idem_key) VALUES ('event', ?, ?, ?)", row);
}

Outcome EffectQueue::record_message(storage::Transaction& txn, const Json& message) {
  Outcome checked = outbox_.check(message);
  if (!checked.ok()) return checked;
  Json keyed = message;
  std::string k;
  if (auto* key = json::find(message, "key"); key && key->is_string()) {
    k = key->get<std::string>();
  } else {
    k = "effect:" + fresh_key();
    keyed["key"] = k;
  }
  std::string body = keyed.dump();
  ch_value row[] = {text_value(body), text_value(k)};
  return txn.query(
      "INSERT INTO courthub_effects(kind, topic, body, idem_key) VALUES ('message', '', ?, ?)",
      row);
}

Outcome EffectQueue::publish_now(const std::string& plugin, const std::string& topic,
                                 const Json& payload, const std::string& key) {
  auto stored = inbox_.store(plugin, topic, event_key(plugin, key.empty() ? fresh_key() : key),
                             payload.dump());
  return stored ? Outcome::success() : stored.outcome();
}

Outcome EffectQueue::forward(const std::string& plugin, storage::Database& db) {
  for (;;) {
    size_t count = 0;
    Outcome o = forward_some(plugin, db, &count);
    if (!o.ok() || count < kBatch) return o;
  }
}

Outcome EffectQueue::forward_some(const std::string& plugin, storage::Database& db,
                                  size_t* count) {
  std::vector<Effect> effects;
  Outcome o = db.query(
      "SELECT id, kind, topic, body, idem_key FROM courthub_effects ORDER BY id LIMIT 256", {},
      [&](const ch_str*, const ch_value* v, size_t) {
        effects.push_back(Effect{int_of(v[0]), std::string(text_of(v[1])),
                                 std::string(text_of(v[2])), std::string(text_of(v[3])),
                                 std::string(text_of(v[4]))});
        return Outcome::success();
      });
  if (!o.ok()) return o;
  *count = effects.size();
  // What was handed over is deleted in one statement (one commit, not one per effect); rows are
  // handed over in id order, so everything up to the last one handed over can go.
  int64_t done = 0;
  auto forget_done = [&]() -> Outcome {
    if (done == 0) return Outcome::success();
    ch_value up_to[] = {int_value(done)};
    return db.query("DELETE FROM courthub_effects WHERE id <= ?", up_to);
  };
  for (auto& e : effects) {
    Outcome handed = hand_over(inbox_, outbox_, plugin, e);
    if (!handed.ok()) {
      Outcome forgotten = forget_done();
      return forgotten.ok() ? handed : forgotten;
    }
    done = e.id;
  }
  return forget_done();
}

}  // namespace courthub::plugins
