// SPDX-License-Identifier: Apache-2.0
// Opening the host's and the plugins' databases on the configured engine.
#include "host/storage/backend.hpp"

#include <filesystem>
#include <system_error>

namespace courthub::storage {

namespace {
constexpr size_t kMaxIdentifier = 63;  // PostgreSQL's NAMEDATALEN - 1
}  // namespace

std::string plugin_schema(std::string_view host_schema, std::string_view plugin) {
  return std::string(host_schema) + "_p_" + std::string(plugin);
}

Expected<std::unique_ptr<Database>> open_host_database(const BackendOptions& options) {
  if (options.dialect == Dialect::kPostgres) return open_postgres(options.postgres);
  return open_sqlite(options.data_dir + "/courthub.db", options.sqlite);
}

Expected<std::unique_ptr<Database>> open_plugin_database(const BackendOptions& options,
                                                         std::string_view plugin) {
  if (options.dialect == Dialect::kPostgres) {
    PostgresOptions o = options.postgres;
    o.schema = plugin_schema(options.postgres.schema, plugin);
    if (o.schema.size() > kMaxIdentifier) {
      return Outcome::invalid("plugin '" + std::string(plugin) + "': its schema " + o.schema +
                              " is longer than PostgreSQL's 63 bytes; choose a shorter "
                              "storage.postgres.schema");
    }
    return open_postgres(o);
  }
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir + "/plugins", ec);
  if (ec) return Outcome::error("cannot create " + options.data_dir + "/plugins: " + ec.message());
  // One file per plugin: no plugin can read or lock another's tables.
  return open_sqlite(options.data_dir + "/plugins/" + std::string(plugin) + ".db", options.sqlite);
}

}  // namespace courthub::storage
