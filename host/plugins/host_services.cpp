// SPDX-License-Identifier: Apache-2.0
// HostServices: what plugins reach through the host table, on the real host facilities.
#include "host/plugins/host_services.hpp"

#include <filesystem>
#include <random>

#include "host/directory/query.hpp"

namespace courthub::plugins {

Expected<HostServices::PluginDatabase*> HostServices::entry_for(const std::string& plugin) {
  std::lock_guard lock(mu_);
  auto it = databases_.find(plugin);
  if (it != databases_.end()) return &it->second;
  std::error_code ec;
  std::filesystem::create_directories(data_dir_ + "/plugins", ec);
  if (ec) return Outcome::error("cannot create " + data_dir_ + "/plugins: " + ec.message());
  // One file per plugin: no plugin can read or lock another's tables.
  auto db = storage::open_sqlite(data_dir_ + "/plugins/" + plugin + ".db", sqlite_);
  if (!db) return db.outcome();
  PluginDatabase entry;
  entry.db = std::move(*db);
  // Savepoints, not the optimistic retry: a plugin's body may queue messages or publish events,
  // so it must never run twice.
  entry.group_commit = std::make_unique<storage::GroupCommit>(
      *entry.db, 64, storage::GroupCommit::Isolation::kSavepoints);
  return &databases_.emplace(plugin, std::move(entry)).first->second;
}

Expected<storage::Database*> HostServices::plugin_database(const std::string& plugin) {
  auto entry = entry_for(plugin);
  if (!entry) return entry.outcome();
  return (*entry)->db.get();
}

Outcome HostServices::plugin_transaction(
    const std::string& plugin, const std::function<Outcome(storage::Transaction&)>& body) {
  auto entry = entry_for(plugin);
  if (!entry) return entry.outcome();
  return (*entry)->group_commit->run(body);
}

Expected<std::string> HostServices::plugin_data_dir(const std::string& plugin) {
  std::string dir = data_dir_ + "/plugins/" + plugin;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Outcome::error("cannot create " + dir + ": " + ec.message());
  return dir;
}

Expected<Json> HostServices::directory(const Json& query) {
  auto snap = directory_.snapshot();
  return directory::answer(*snap, query);
}

Expected<int64_t> HostServices::outbox_send(const std::string& plugin, const Json& message) {
  return outbox_.queue(plugin, message);
}

Outcome HostServices::publish(const std::string& plugin, const std::string& name,
                              const Json& payload) {
  // Internal events have no natural id: each publication is its own event.
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string topic = plugin + "." + name;
  std::string key = "publish:" + topic + ":" + std::to_string(rng()) + std::to_string(rng());
  auto stored = inbox_.store(plugin, topic, key, payload.dump());
  return stored ? Outcome::success() : stored.outcome();
}

}  // namespace courthub::plugins
