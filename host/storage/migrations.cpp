// SPDX-License-Identifier: Apache-2.0
// Applies and records schema migrations in the courthub_migrations table.
#include "host/storage/migrations.hpp"

#include <cstdio>
#include <map>

#include "host/time/clock.hpp"

namespace courthub::storage {
namespace {

// applied_at's DEFAULT is SQLite's and stays, for the databases made with it; every INSERT
// names applied_at, so no backend needs it.
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
      // The real time, as the DEFAULT recorded it: a test clock does not date a schema.
      const std::string applied_at = time::utc_text(time::system_clock().now_ms());
      ch_value params[] = {int_value(m.version), text_value(m.name), text_value(sum),
                           text_value(applied_at)};
      o = txn.query(
          "INSERT INTO courthub_migrations(version, name, checksum, applied_at) "
          "VALUES (?, ?, ?, ?)",
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
  // Made if missing, as migrate does first: then the table answers, not a backend's catalogue.
  Outcome o = db.query(kCreateTable, {});
  if (!o.ok()) return o;
  int64_t version = 0;
  o = db.query("SELECT COALESCE(MAX(version), 0) FROM courthub_migrations", {},
               [&](const ch_str*, const ch_value* v, size_t) {
                 version = int_of(v[0]);
                 return Outcome::success();
               });
  if (!o.ok()) return o;
  return version;
}

}  // namespace courthub::storage
