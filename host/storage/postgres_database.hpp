// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL backend: one schema of one database, a pool of connections, and writers
// serialised the way SQLite serialises them, across every host that shares the schema.
//
// Why serialise writers on PostgreSQL: the SQL the plugins write was born on SQLite, where a
// transaction that checks and then inserts (is the room free? then book it) cannot interleave
// with another writer. Each write transaction therefore takes a transaction-scoped advisory
// lock on its schema first, so the guarantee holds on PostgreSQL too, for all hosts at once.
// Readers never wait for it. Within one process writers also queue on a mutex, so a burst of
// transactions holds one connection, not the whole pool, while it waits for the lock.
#pragma once

#include <memory>
#include <string>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::storage {

struct PostgresOptions {
  std::string conninfo;         // libpq keywords or a postgresql:// URI; a secret, never logged
  std::string schema;           // created when missing; search_path is this schema, then public
  int connections = 8;          // the pool, opened on demand
  int lock_timeout_ms = 5000;   // waiting for a lock (the writer lock included): Unavailable
};

// Connects once (to report a bad address or password now, not at the first query) and creates
// the schema if it does not exist.
// Errors: Unavailable when the server cannot be reached; InvalidArgument for an empty schema
// name; the server's error otherwise. No message contains the conninfo.
Expected<std::unique_ptr<Database>> open_postgres(const PostgresOptions& options);

}  // namespace courthub::storage
