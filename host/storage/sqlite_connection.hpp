// SPDX-License-Identifier: Apache-2.0
// One SQLite connection with its cache of prepared statements.
//
// Threading: not thread-safe; its owner (SqliteDatabase) hands it to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::storage {

class SqliteConnection {
 public:
  // Opens the file and applies the pragmas. `read_only` connections refuse writes.
  static Expected<std::unique_ptr<SqliteConnection>> open(const std::string& path, bool read_only,
                                                          bool synchronous_full,
                                                          int busy_timeout_ms);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Prepares (or takes from the cache) and runs one statement.
  Outcome run(std::string_view sql, std::span<const ch_value> params, const RowSink& sink,
              QueryResult* out);
  // Runs several statements with no parameters.
  Outcome script(std::string_view sql);
  // Whether the statement only reads (prepares it into the cache).
  Expected<bool> is_read_only(std::string_view sql);

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  Expected<sqlite3_stmt*> prepare(std::string_view sql);
  Outcome failure(int rc, std::string_view what) const;

  static constexpr size_t kMaxCachedStatements = 512;
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// The Outcome code for an SQLite result code.
Status status_of_sqlite(int rc);

}  // namespace courthub::storage
