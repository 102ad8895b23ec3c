// SPDX-License-Identifier: Apache-2.0
// The SQLite backend: WAL, foreign keys, busy timeout, one writer and a pool of readers.
//
// Why one writer: SQLite allows one writer at a time anyway; serialising writers on an
// in-process mutex (with BEGIN IMMEDIATE) means no SQLITE_BUSY between our own threads and no
// deadlocking lock upgrades, while readers keep reading the last committed state through WAL.
#pragma once

#include <memory>
#include <string>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::storage {

struct SqliteOptions {
  // true: a write returns only once it is on disk (survives power loss); false: it may be
  // lost with the machine, not with the process (SQLite's synchronous=NORMAL).
  bool synchronous_full = true;
  int busy_timeout_ms = 5000;    // waiting for another process holding the file
  int readers = 4;               // read connections, opened on demand
};

// Durability without one fsync per commit: commits run with synchronous=NORMAL in WAL mode,
// then each writer waits for an fdatasync of the WAL file that started after its commit. The
// first waiter performs it for everyone queued behind (group fsync), so concurrent commits share
// one disk flush while every acknowledged write is still on disk, exactly as with FULL.
// (Checkpoints keep SQLite's own syncs.)

// Opens (creating if needed) the database file; its directory must exist.
// Errors: Error with SQLite's message and the path.
Expected<std::unique_ptr<Database>> open_sqlite(const std::string& path,
                                                const SqliteOptions& options);

}  // namespace courthub::storage
