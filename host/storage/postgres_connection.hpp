// SPDX-License-Identifier: Apache-2.0
// One PostgreSQL connection (libpq) with its prepared statements, speaking the storage
// interface's values: `?` parameters, ch_value in and out.
//
// Types across the wire (docs/plugins.md "Portable SQL"):
//   in:  INT as int8, REAL as float8, BLOB as bytea; TEXT and NULL untyped, so PostgreSQL takes
//        the type from the context ('42' into a BIGINT column, `? || '.'`), as SQLite would.
//   out: int2/int4/int8 and bool (0/1) as INT; float4/float8 as REAL; numeric as INT when it is
//        a whole number in range (SUM of a BIGINT is numeric), else REAL; bytea as BLOB;
//        everything else as TEXT. NULL is NULL.
// A statement is prepared once per connection for each pattern of parameter types.
//
// Threading: not thread-safe; its owner (PostgresDatabase) hands it to one thread at a time.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::storage {

class PostgresConnection {
 public:
  // Connects with `conninfo` (a libpq keyword string or a postgresql:// URI) and sets the
  // session: search_path to `schema` (then public), lock_timeout, UTF-8, UTC.
  // Errors: Unavailable when the server cannot be reached; the message never holds the conninfo.
  static Expected<std::unique_ptr<PostgresConnection>> open(const std::string& conninfo,
                                                            const std::string& schema,
                                                            int lock_timeout_ms);
  ~PostgresConnection();
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  // Prepares (or reuses) and runs one statement. `out->changes` counts the rows an INSERT,
  // UPDATE or DELETE touched (0 for anything else); `out->last_insert_id` is the integer a
  // one-row `RETURNING id` gave back, else 0.
  Outcome run(std::string_view sql, std::span<const ch_value> params, const RowSink& sink,
              QueryResult* out);
  // Several statements with no parameters, in one round trip (PL/pgSQL bodies included).
  Outcome script(std::string_view sql);

  // Forgets every prepared statement (after DDL elsewhere: a statement prepared before a table
  // changed shape fails with "cached plan must not change result type").
  void forget_prepared();
  // The DDL generation (PostgresDatabase's count of schema changes) its statements were
  // prepared under.
  uint64_t generation = 0;

  // Whether the connection still works; a broken one is dropped, never pooled again.
  bool healthy() const;
  // Whether a statement of the open transaction failed (only ROLLBACK [TO] helps then).
  bool transaction_failed() const;

 private:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  Outcome failure(PGresult* res, std::string_view what) const;

  static constexpr size_t kMaxPreparedStatements = 512;
  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // types + SQL -> statement name
  uint64_t next_name_ = 0;
};

// The Outcome code for a SQLSTATE: class 23 (constraints, exclusion included) Conflict; lock,
// deadlock, serialization, cancel and connection failures Unavailable; syntax, access and data
// errors InvalidArgument; the rest Error.
Status status_of_sqlstate(std::string_view sqlstate);

}  // namespace courthub::storage
