// SPDX-License-Identifier: Apache-2.0
// host_meta, the host database's small key-value table: the directory seed's digest, and the
// versions that hosts sharing one database compare to notice each other's changes (the
// directory's, the configuration's).
// Threading: as the Database or Transaction passed in.
#pragma once

#include <string>
#include <string_view>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::storage {

// The value of `key`, "" if it has none. Errors: the database's.
Expected<std::string> read_host_meta(Database& db, std::string_view key);
// Sets `key` to `value` inside `txn`. Errors: the database's.
Outcome write_host_meta(Transaction& txn, std::string_view key, std::string_view value);
// A fresh version for such a key: 16 random hex digits.
std::string new_version();

}  // namespace courthub::storage
