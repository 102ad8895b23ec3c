// SPDX-License-Identifier: Apache-2.0
// host_meta reads and writes: one row per key.
#include "host/storage/host_meta.hpp"

#include <cstdio>
#include <random>

namespace courthub::storage {

Expected<std::string> read_host_meta(Database& db, std::string_view key) {
  std::string value;
  ch_value k[] = {text_value(key)};
  Outcome o = db.query("SELECT value FROM host_meta WHERE key = ?", k,
                       [&](const ch_str*, const ch_value* v, size_t) {
                         value = std::string(text_of(v[0]));
                         return Outcome::success();
                       });
  if (!o.ok()) return o;
  return value;
}

Outcome write_host_meta(Transaction& txn, std::string_view key, std::string_view value) {
  ch_value p[] = {text_value(key), text_value(value)};
  return txn.query(
      "INSERT INTO host_meta(key, value) VALUES (?, ?) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      p);
}

std::string new_version() {
  static thread_local std::mt19937_64 bits{std::random_device{}()};
  char version[17];
  std::snprintf(version, sizeof version, "%016llx", static_cast<unsigned long long>(bits()));
  return version;
}

}  // namespace courthub::storage
