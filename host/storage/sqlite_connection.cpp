// SPDX-License-Identifier: Apache-2.0
// One SQLite connection: pragmas, prepared-statement cache, binding and stepping.
#include "host/storage/sqlite_connection.hpp"

#include <memory>
#include <vector>

namespace courthub::storage {

Status status_of_sqlite(int rc) {
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT: return Status::Conflict;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Status::Unavailable;
    case SQLITE_ERROR:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_READONLY: return Status::InvalidArgument;
    default: return Status::Error;
  }
}

Outcome SqliteConnection::failure(int rc, std::string_view what) const {
  std::string message(what);
  message += ": ";
  message += sqlite3_errmsg(db_);
  return Outcome::failure(status_of_sqlite(rc), message);
}

Expected<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path,
                                                                   bool read_only,
                                                                   bool synchronous_full,
                                                                   int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = "cannot open database " + path + ": " +
                      (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return Outcome::error(msg);
  }
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  std::string pragmas = "PRAGMA foreign_keys=ON;";
  if (read_only) {
    pragmas += "PRAGMA query_only=ON;";
  } else {
    pragmas += "PRAGMA journal_mode=WAL;";
    // FULL durability comes from the database's group fsync of the WAL (sqlite_database.hpp).
    (void)synchronous_full;
    pragmas += "PRAGMA synchronous=NORMAL;";
  }
  Outcome o = conn->script(pragmas);
  if (!o.ok()) return Outcome::error("cannot configure database " + path + ": " + o.message());
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Expected<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) return failure(rc, "cannot prepare statement");
  if (!stmt) return Outcome::invalid("empty SQL statement");
  // Trailing text other than whitespace and ';' means several statements: refuse, since only
  // the first would run.
  for (const char* p = tail; p && p < sql.data() + sql.size(); ++p) {
    if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t' && *p != ';') {
      sqlite3_finalize(stmt);
      return Outcome::invalid("one statement per call; use a migration or a transaction for more");
    }
  }
  if (cache_.size() >= kMaxCachedStatements) {
    // Plugins that build SQL dynamically would otherwise grow the cache without bound.
    for (auto& [s, st] : cache_) sqlite3_finalize(st);
    cache_.clear();
  }
  cache_.emplace(std::move(key), stmt);
  return stmt;
}

Expected<bool> SqliteConnection::is_read_only(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return stmt.outcome();
  return sqlite3_stmt_readonly(*stmt) != 0;
}

namespace {

// Resets the statement however the call ends, so the cached statement is reusable.
struct StatementReset {
  sqlite3_stmt* stmt;
  ~StatementReset() {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }
};

}  // namespace

Outcome SqliteConnection::run(std::string_view sql, std::span<const ch_value> params,
                              const RowSink& sink, QueryResult* out) {
  auto prepared = prepare(sql);
  if (!prepared) return prepared.outcome();
  sqlite3_stmt* stmt = *prepared;
  StatementReset reset{stmt};

  int expected = sqlite3_bind_parameter_count(stmt);
  if (static_cast<size_t>(expected) != params.size()) {
    return Outcome::invalid("statement takes " + std::to_string(expected) + " parameters, " +
                            std::to_string(params.size()) + " given");
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const ch_value& v = params[i];
    int idx = static_cast<int>(i + 1);
    int rc = SQLITE_OK;
    switch (v.type) {
      case CH_VALUE_NULL: rc = sqlite3_bind_null(stmt, idx); break;
      case CH_VALUE_INT: rc = sqlite3_bind_int64(stmt, idx, v.as.i); break;
      case CH_VALUE_REAL: rc = sqlite3_bind_double(stmt, idx, v.as.r); break;
      case CH_VALUE_TEXT:
        rc = sqlite3_bind_text64(stmt, idx, v.as.s.data ? v.as.s.data : "", v.as.s.size,
                                 SQLITE_STATIC, SQLITE_UTF8);
        break;
      case CH_VALUE_BLOB:
        rc = sqlite3_bind_blob64(stmt, idx, v.as.s.data ? v.as.s.data : "", v.as.s.size,
                                 SQLITE_STATIC);
        break;
      default: return Outcome::invalid("parameter " + std::to_string(idx) + " has unknown type");
    }
    if (rc != SQLITE_OK) return failure(rc, "cannot bind parameter " + std::to_string(idx));
  }

  const int columns = sqlite3_column_count(stmt);
  std::vector<ch_str> names;
  std::vector<ch_value> values(columns);
  while (true) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return failure(rc, "statement failed");
    if (!sink) continue;
    if (names.empty()) {
      for (int c = 0; c < columns; ++c) {
        const char* n = sqlite3_column_name(stmt, c);
        names.push_back(ch_str{n, n ? std::char_traits<char>::length(n) : 0});
      }
    }
    for (int c = 0; c < columns; ++c) {
      ch_value& v = values[c];
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          v.type = CH_VALUE_INT;
          v.as.i = sqlite3_column_int64(stmt, c);
          break;
        case SQLITE_FLOAT:
          v.type = CH_VALUE_REAL;
          v.as.r = sqlite3_column_double(stmt, c);
          break;
        case SQLITE_TEXT: {
          v.type = CH_VALUE_TEXT;
          auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          v.as.s = ch_str{p, static_cast<size_t>(sqlite3_column_bytes(stmt, c))};
          break;
        }
        case SQLITE_BLOB: {
          v.type = CH_VALUE_BLOB;
          auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          v.as.s = ch_str{p, static_cast<size_t>(sqlite3_column_bytes(stmt, c))};
          break;
        }
        default: v.type = CH_VALUE_NULL;
      }
    }
    Outcome o = sink(names.data(), values.data(), values.size());
    if (!o.ok()) return o;
  }
  if (out) {
    out->changes = sqlite3_changes64(db_);
    out->last_insert_id = sqlite3_last_insert_rowid(db_);
  }
  return Outcome::success();
}

Outcome SqliteConnection::script(std::string_view sql) {
  const char* p = sql.data();
  const char* end = sql.data() + sql.size();
  while (p < end) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, p, static_cast<int>(end - p), &stmt, &tail);
    if (rc != SQLITE_OK) return failure(rc, "cannot prepare statement");
    if (!stmt) break;  // only whitespace or comments left
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return failure(rc, "statement failed");
    p = tail;
  }
  return Outcome::success();
}

}  // namespace courthub::storage
