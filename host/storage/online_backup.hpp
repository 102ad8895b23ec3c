// SPDX-License-Identifier: Apache-2.0
// Copies of SQLite databases taken while their owner keeps writing: SQLite's online backup API
// copies one consistent snapshot (a read transaction; in WAL mode writers are not blocked).
//
// Threading: each function opens its own connections; call from any thread.
#pragma once

#include <string>

#include "host/outcome.hpp"

namespace courthub::storage {

// Copies the database file `from` (its WAL included) into the new file `to`, as one snapshot.
// Errors: Error naming the file and SQLite's reason (`from` missing or unreadable, `to` not
// writable); `to` may then be left incomplete.
Outcome backup_database(const std::string& from, const std::string& to);

// Runs `sql` (several statements; no parameters) on the database file `path`.
// Errors: Error naming the file and SQLite's reason.
Outcome run_script(const std::string& path, const std::string& sql);

// PRAGMA integrity_check of the database file `path`: "ok", or the problems it lists, one a line.
// Errors: Error when the file cannot be opened or read.
Expected<std::string> integrity_check(const std::string& path);

}  // namespace courthub::storage
