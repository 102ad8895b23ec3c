// SPDX-License-Identifier: Apache-2.0
// A consistent copy of a data directory while its host keeps serving (`courthub backup DIR`).
//
// The host holds courthub.lock; the copy never takes it. Each database is copied with SQLite's
// online backup (one snapshot each); the order makes the set consistent where the databases
// depend on each other (docs/operations.md "Backup and restore"):
//   1. the inbox journal (events acknowledged and not yet moved into courthub.db): an event
//      acknowledged before the backup began is in this copy or, moved since, in courthub.db;
//   2. courthub.db, a first snapshot: which event deliveries were done before step 3;
//   3. each plugin's database and private folder;
//   4. courthub.db again, the copy kept: every effect a plugin forwarded (and deleted from its
//      own database) before step 3 is in it. A delivery it records as done that was not done in
//      snapshot 2 is set back to pending: the plugin's copy may predate it, so it is delivered
//      again after a restore, under the same event id (at least once, never lost).
// `courthub backup` then checks every copy (PRAGMA integrity_check) and writes manifest.json.
//
// Threading: one call at a time per output folder; the host may write the source meanwhile.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "courthub/json.hpp"
#include "host/outcome.hpp"

namespace courthub {

// Copies the data directory `data` into `out` (created; should be empty) as described above and
// appends the database copies to `databases` (courthub.db first). `between_snapshots`, when
// given, runs after the first snapshot of courthub.db (tests write there, as a host would).
// Errors: NotFound when `data` has no courthub.db; Error naming the file that could not be read
// or written. Integrity is not checked here.
Outcome back_up_data_dir(const std::filesystem::path& data, const std::filesystem::path& out,
                         std::vector<std::filesystem::path>& databases,
                         const std::function<void()>& between_snapshots = {});

// The manifest of the folder `out`: {"courthub": version, "source", "started_ms",
// "finished_ms", "files": [{"path" (relative), "bytes", "sha256"}]}, files sorted by path,
// manifest.json itself and SQLite's side files left out. Never fails (an unreadable file gets an empty sha256).
Json backup_manifest(const std::filesystem::path& out, const std::filesystem::path& data,
                     int64_t started_ms, int64_t done_ms);

}  // namespace courthub
