// SPDX-License-Identifier: Apache-2.0
// The backend-neutral Database interface the host and every plugin store through.
//
// SQL is written portably (docs/plugins.md "Portable SQL"): `?` placeholders, one text for SQLite
// and PostgreSQL wherever one text works, dialect() where it cannot.
// Values cross as the ABI's ch_value views, so a plugin's parameters reach the backend uncopied.
//
// Threading: a Database may be used from any thread concurrently. Reads may run in parallel;
// writes and transactions are serialised by the implementation. A Transaction belongs to the
// thread that runs its body.
// Errors: Outcome codes — Conflict (constraint violated), Unavailable (busy past the timeout),
// InvalidArgument (bad SQL or parameters), Error (I/O and anything else).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "courthub/plugin_abi.h"
#include "host/outcome.hpp"

namespace courthub::storage {

// Receives one row; names and values are valid only during the call. A failed Outcome stops the
// query and becomes its result.
using RowSink = std::function<Outcome(const ch_str* names, const ch_value* values, size_t count)>;

struct QueryResult {
  int64_t changes = 0;
  int64_t last_insert_id = 0;
};

inline ch_value null_value() { return ch_value{CH_VALUE_NULL, {}}; }
inline ch_value int_value(int64_t v) {
  ch_value out{CH_VALUE_INT, {}};
  out.as.i = v;
  return out;
}
inline ch_value real_value(double v) {
  ch_value out{CH_VALUE_REAL, {}};
  out.as.r = v;
  return out;
}
// The value points at `v`'s bytes, which must outlive the query call.
inline ch_value text_value(std::string_view v) {
  ch_value out{CH_VALUE_TEXT, {}};
  out.as.s = ch_str{v.data(), v.size()};
  return out;
}
inline ch_value text_value(const char* v) { return text_value(std::string_view(v)); }
// A temporary string would be gone before the query runs (ASan found two): name it first.
ch_value text_value(std::string&&) = delete;
inline std::string_view text_of(const ch_value& v) {
  return (v.type == CH_VALUE_TEXT || v.type == CH_VALUE_BLOB) && v.as.s.size
             ? std::string_view(v.as.s.data, v.as.s.size)
             : std::string_view();
}
inline int64_t int_of(const ch_value& v) {
  if (v.type == CH_VALUE_INT) return v.as.i;
  if (v.type == CH_VALUE_REAL) return static_cast<int64_t>(v.as.r);
  return 0;
}

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Outcome query(std::string_view sql, std::span<const ch_value> params,
                        const RowSink& sink = {}, QueryResult* out = nullptr) = 0;
  // Several statements separated by ';', no parameters (migrations).
  virtual Outcome script(std::string_view sql) = 0;
};

// The SQL a database speaks, for the few statements that must differ (DDL, mostly).
enum class Dialect { kSqlite, kPostgres };

class Database {
 public:
  virtual ~Database() = default;

  virtual Dialect dialect() const = 0;

  // One statement on its own (autocommit).
  virtual Outcome query(std::string_view sql, std::span<const ch_value> params,
                        const RowSink& sink = {}, QueryResult* out = nullptr) = 0;

  // Runs `body` in one write transaction: committed when body succeeds, rolled back otherwise.
  // Returns body's Outcome, or the commit's failure. A body must not call transaction() again
  // or write through query() on the same Database (InvalidArgument: it would deadlock).
  virtual Outcome transaction(const std::function<Outcome(Transaction&)>& body) = 0;

  // transaction() in two halves, for callers that batch commits (GroupCommit): the first returns
  // once the transaction is committed and sets *ticket, before the commit is durable; the
  // second returns once commit `ticket` (and every one before it) is on disk, or the sync's
  // failure. Meanwhile the next transaction may already run, so its writes and this sync
  // overlap. Until sync() succeeds nobody may be told the transaction is done: a crash loses it.
  // The defaults are transaction() (durable on return) and a sync() with nothing to wait for.
  virtual Outcome transaction_unsynced(const std::function<Outcome(Transaction&)>& body,
                                       uint64_t* ticket) {
    *ticket = 0;
    return transaction(body);
  }
  virtual Outcome sync(uint64_t ticket) {
    (void)ticket;
    return Outcome::success();
  }

  // Whether `sql` (one statement) only reads: a statement that writes commits on its own when
  // run through query(). A backend that cannot tell answers false (treat it as a write).
  // Errors: the statement does not prepare.
  virtual Expected<bool> is_read_only(std::string_view sql) {
    (void)sql;
    return false;
  }

  // The file (SQLite) or schema (PostgreSQL) this database lives in.
  virtual const std::string& location() const = 0;
};

}  // namespace courthub::storage
