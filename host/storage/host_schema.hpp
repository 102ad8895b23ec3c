// SPDX-License-Identifier: Apache-2.0
// The host's own database schema: directory, inbox, outbox, audit log and bookkeeping.
#pragma once

#include <span>

#include "host/storage/migrations.hpp"

namespace courthub::storage {

// The host database's migrations, oldest first. Never edit one that has shipped; append.
// (Inbox and outbox ids are plain rowids, not AUTOINCREMENT: that would update sqlite_sequence
// on every insert of the hottest path. Their rows are purged oldest first, never from the top,
// so an id is never handed out twice.)
std::span<const Migration> host_migrations();

}  // namespace courthub::storage
