// SPDX-License-Identifier: Apache-2.0
// Applies and records schema migrations in the courthub_migrations table.
#include "host/storage/migrations.hpp"

#include <cstdio>
#include <map>

namespace courthub::storage {
namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS courthub_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " checksum TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))";

// FNV-1a: stable across builds and platforms, enough to notice an edited migration.
std::string checksum(const std::string& sql) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : sql) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

Outcome migrate(Database& db, std::span<const Migration> migrations,
                std::vector<int64_t>* applied) {
  int64_t previous = 0;
  for (auto& m : migrations) {
    if (m.version <= previous) {
      return Outcome::invalid("migration versions must be positive and ascending: " +
                              std::to_string(m.version) + " after " + std::to_string(previous));
    }
    previous = m.version;
  }
  Outcome result = db.transaction([&](Transaction& txn) -> Outcome {
    Outcome o = txn.script(kCreateTable);
    if (!o.ok()) return o;
    std::map<int64_t, std::string> done;
    o = txn.query("SELECT version, checksum FROM courthub_migrations", {},
                  [&](const ch_str*, const ch_value* v, size_t) {
                    done.emplace(int_of(v[0]), std::string(text_of(v[1])));
                    return Outcome::success();
                  });
    if (!o.ok()) return o;
    for (auto& m : migrations) {
      std::string sum = checksum(m.sql);
      if (auto it = done.find(m.version); it != done.end()) {
        if (it->second != sum) {
          return Outcome::conflict("migration " + std::to_string(m.version) + " (" + m.name +
                                   ") was changed after it was applied; add a new migration "
                                   "instead of editing an applied one");
        }
        continue;
      }
      o = txn.script(m.sql);
      if (!o.ok()) {
        return Outcome::failure(o.code(), "migration " + std::to_string(m.version) + " (" +
                                              m.name + ") failed: " + o.message());
      }
      ch_value params[] = {int_value(m.version), text_value(m.name), text_value(sum)};
      o = txn.query("INSERT INTO courthub_migrations(version, name, checksum) VALUES (?, ?, ?)",
                    params);
      if (!o.ok()) return o;
      if (applied) applied->push_back(m.version);
    }
    return Outcome::success();
  });
  // Rolled back: nothing this call did stands.
  if (!result.ok() && applied) applied->clear();
  return result;
}

Expected<int64_t> schema_version(Database& db) {
  int64_t version = 0;
  bool exists = false;
  Outcome o = db.query(
      "SELECT 1 FROM sqlite_master WHERE type='table' AND name='courthub_migrations'", {},
      [&](const ch_str*, const ch_value*, size_t) {
        exists = true;
        return Outcome::success();
      });
  if (!o.ok()) return o;
  if (!exists) return int64_t{0};
  o = db.query("SELECT COALESCE(MAX(version), 0) FROM courthub_migrations", {},
               [&](const ch_str*, const ch_value* v, size_t) {
                 version = int_of(v[0]);
                 return Outcome::success();
               });
  if (!o.ok()) return o;
  return version;
}

}  // namespace courthub::storage
