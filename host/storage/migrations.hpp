// SPDX-License-Identifier: Apache-2.0
// Ordered schema migrations, applied once each and recorded in the database they change.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::storage {

struct Migration {
  int64_t version;   // > 0, ascending, unique
  std::string name;
  std::string sql;   // one or more statements
};

// Applies every migration whose version is not yet recorded, all of them in ONE transaction:
// either the database reaches the newest version or it stays exactly as it was.
// Errors: InvalidArgument for versions out of order or duplicated; Conflict when an applied
// migration's text has changed since (editing history would leave databases that differ);
// the failing statement's error otherwise, naming the version. `applied` (may be null) receives
// the versions applied by this call.
Outcome migrate(Database& db, std::span<const Migration> migrations,
                std::vector<int64_t>* applied = nullptr);

// The highest applied version, 0 for a fresh database.
Expected<int64_t> schema_version(Database& db);

}  // namespace courthub::storage
