// SPDX-License-Identifier: Apache-2.0
// The host's own database schema: directory, inbox, outbox, audit log and bookkeeping.
#pragma once

#include <span>

#include "host/storage/migrations.hpp"

namespace courthub::storage {

// The host database's migrations, oldest first. Never edit one that has shipped; append.
std::span<const Migration> host_migrations();

}  // namespace courthub::storage
