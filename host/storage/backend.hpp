// SPDX-License-Identifier: Apache-2.0
// Where the host's and the plugins' databases live: SQLite files under the data directory, or
// schemas of one PostgreSQL database (the storage.backend setting, docs/configuration.md).
//
// The one place that turns the setting into open databases, so the server, the harness and the
// plugin services name no engine. Threading: the functions may be called from any thread; each
// call opens a new Database.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"
#include "host/storage/postgres_database.hpp"
#include "host/storage/sqlite_database.hpp"

namespace courthub::storage {

struct BackendOptions {
  Dialect dialect = Dialect::kSqlite;
  std::string data_dir;     // SQLite: <data_dir>/courthub.db and <data_dir>/plugins/<plugin>.db
  SqliteOptions sqlite;
  // PostgreSQL: `schema` is the host's; each plugin gets <schema>_p_<plugin>. The pool size is
  // per database (the host's and each plugin's); pools open connections on demand.
  PostgresOptions postgres;
};

// The host's database. Errors: those of open_sqlite / open_postgres.
Expected<std::unique_ptr<Database>> open_host_database(const BackendOptions& options);

// `plugin`'s own database: a file, or a schema, no other plugin shares. The plugins/ folder is
// created when missing. Errors: as open_host_database; InvalidArgument when the schema name
// would pass PostgreSQL's 63-byte limit.
Expected<std::unique_ptr<Database>> open_plugin_database(const BackendOptions& options,
                                                         std::string_view plugin);

// <schema>_p_<plugin>: the schema of a plugin's database on PostgreSQL.
std::string plugin_schema(std::string_view host_schema, std::string_view plugin);

}  // namespace courthub::storage
