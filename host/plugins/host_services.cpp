// SPDX-License-Identifier: Apache-2.0
// HostServices: what plugins reach through the host table, on the real host facilities.
#include "host/plugins/host_services.hpp"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <utility>
#include <vector>

#include "host/directory/query.hpp"
#include "host/log.hpp"
#include "host/plugins/delivery_receipt.hpp"

namespace courthub::plugins {

Expected<HostServices::PluginDatabase*> HostServices::entry_for(const std::string& plugin) {
  std::lock_guard lock(mu_);
  auto it = databases_.find(plugin);
  if (it != databases_.end()) return &it->second;
  auto db = storage::open_plugin_database(backend_, plugin);
  if (!db) return db.outcome();
  // Effects left by a transaction that committed just before a crash (or by another host on the
  // same database) go out now, unless the plugins are still starting (plugins_started).
  Outcome ready = EffectQueue::prepare(**db);
  if (ready.ok() && plugins_started_.load()) ready = effects_.forward(plugin, **db);
  if (ready.ok()) ready = DeliveryReceipt::prepare(**db);
  if (!ready.ok()) return Outcome::error("plugin database " + plugin + ": " + ready.message());
  PluginDatabase entry;
  entry.db = std::move(*db);
  prune_receipts(plugin, entry);
  // Savepoints, not the optimistic retry: a plugin's body may queue messages or publish events,
  // so it must never run twice.
  entry.group_commit = std::make_unique<storage::GroupCommit>(
      *entry.db, 64, storage::GroupCommit::Isolation::kSavepoints);
  return &databases_.emplace(plugin, std::move(entry)).first->second;
}

void HostServices::prune_receipts(const std::string& plugin, PluginDatabase& entry) {
  const int64_t now = clock_.now_ms();
  int64_t last = entry.receipts_pruned_ms->load();
  if (last != 0 && now - last < DeliveryReceipt::kPruneEveryMs) return;
  if (!entry.receipts_pruned_ms->compare_exchange_strong(last, now)) return;  // another does it
  auto pruned = DeliveryReceipt::prune(*entry.db, now - DeliveryReceipt::kRetentionMs);
  // A failed pruning only leaves rows for the next one.
  if (!pruned)
    log::warn("plugin:" + plugin, "delivery receipts not pruned: " + pruned.outcome().message());
}

Expected<bool> HostServices::delivered_before(const std::string& plugin, int64_t event_id,
                                              int64_t received_ms) {
  auto entry = entry_for(plugin);
  if (!entry) return entry.outcome();
  prune_receipts(plugin, **entry);
  auto at = DeliveryReceipt::find(*(*entry)->db, event_id);
  if (!at) return at.outcome();
  return at->has_value() && **at >= received_ms;
}

Expected<storage::Database*> HostServices::plugin_database(const std::string& plugin) {
  auto entry = entry_for(plugin);
  if (!entry) return entry.outcome();
  return (*entry)->db.get();
}

namespace {

// The transaction a plugin's body sees: the database's own, remembering whether the body
// recorded effects that must be forwarded after the commit.
class PluginTransaction : public storage::Transaction {
 public:
  explicit PluginTransaction(storage::Transaction& inner) : inner_(inner) {}
  Outcome query(std::string_view sql, std::span<const ch_value> params,
                const storage::RowSink& sink, storage::QueryResult* out) override {
    return inner_.query(sql, params, sink, out);
  }
  Outcome script(std::string_view sql) override { return inner_.script(sql); }
  bool has_effects = false;

 private:
  storage::Transaction& inner_;
};

PluginTransaction* plugin_transaction_of(storage::Transaction* txn) {
  return dynamic_cast<PluginTransaction*>(txn);
}

}  // namespace

Outcome HostServices::plugin_transaction(
    const std::string& plugin, const std::function<Outcome(storage::Transaction&)>& body) {
  auto entry = entry_for(plugin);
  if (!entry) return entry.outcome();
  bool has_effects = false;
  Outcome o = (*entry)->group_commit->run([&](storage::Transaction& txn) {
    PluginTransaction scoped(txn);
    Outcome r = body(scoped);
    has_effects = scoped.has_effects;
    return r;
  });
  if (o.ok() && has_effects) forward_effects(plugin, **entry);
  return o;
}

void HostServices::plugins_started() {
  if (plugins_started_.exchange(true)) return;
  std::vector<std::pair<std::string, PluginDatabase*>> open;
  {
    std::lock_guard lock(mu_);
    for (auto& [plugin, entry] : databases_) open.emplace_back(plugin, &entry);
  }
  for (auto& [plugin, entry] : open) forward_effects(plugin, *entry);
}

void HostServices::forward_effects(const std::string& plugin, PluginDatabase& entry) {
  if (!plugins_started_.load()) return;  // they wait in the table for plugins_started
  HandOver& h = *entry.hand_over;
  h.requested.store(true);
  // Re-checked after the lock is released: a request made while the last round ended is not
  // left behind.
  while (h.requested.load()) {
    std::unique_lock lock(h.running, std::try_to_lock);
    if (!lock) return;  // the thread handing over now serves this request
    while (h.requested.exchange(false)) {
      // Committed: the effects exist. Failing to hand them over now only delays them (they go
      // after the next transaction with effects, or at the next start).
      Outcome f = effects_.forward(plugin, *entry.db);
      if (!f.ok()) {
        log::warn("plugin:" + plugin, "effects wait for the next commit: " + f.message());
        return;
      }
    }
  }
}

Expected<std::string> HostServices::plugin_data_dir(const std::string& plugin) {
  std::string dir = backend_.data_dir + "/plugins/" + plugin;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Outcome::error("cannot create " + dir + ": " + ec.message());
  return dir;
}

Expected<Json> HostServices::issue_session(const std::string& plugin, const std::string& audience,
                                           const std::string& subject) {
  if (!issuer_) return Outcome::failure(Status::Unavailable, "this host issues no sessions");
  bool subject_ok = !subject.empty() && subject.size() <= 64;
  for (char c : subject)
    subject_ok = subject_ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                                c == '.' || c == ':' || c == '-');
  if (!subject_ok) {
    return Outcome::invalid("a session subject is 1-64 characters of A-Z a-z 0-9 _ . : -");
  }
  const int64_t now_s = clock_.now_ms() / 1000;
  auto token = issuer_(plugin, audience, subject, now_s);
  if (!token) return token.outcome();
  return Json::object({{"token", *token}, {"expires_at", now_s + session_ttl_seconds_}});
}

Expected<Json> HostServices::directory(const Json& query) {
  auto snap = directory_.snapshot();
  return directory::answer(*snap, query);
}

Expected<int64_t> HostServices::outbox_send(const std::string& plugin,
                                            storage::Transaction* txn, const Json& message) {
  if (!txn) return outbox_.queue(plugin, message);
  auto* scoped = plugin_transaction_of(txn);
  if (!scoped) return Outcome::invalid("not a transaction of this plugin");
  Outcome o = effects_.record_message(*scoped, message);
  if (!o.ok()) return o;
  scoped->has_effects = true;
  return int64_t{0};
}

Outcome HostServices::publish(const std::string& plugin, storage::Transaction* txn,
                              const std::string& name, const Json& payload,
                              const std::string& key) {
  std::string topic = plugin + "." + name;
  if (key.size() > 200) return Outcome::invalid("event key is longer than 200 characters");
  if (!txn) return effects_.publish_now(plugin, topic, payload, key);
  auto* scoped = plugin_transaction_of(txn);
  if (!scoped) return Outcome::invalid("not a transaction of this plugin");
  Outcome o = effects_.record_event(*scoped, plugin, topic, payload, key);
  if (o.ok()) scoped->has_effects = true;
  return o;
}

}  // namespace courthub::plugins
