// SPDX-License-Identifier: Apache-2.0
// The interactive cards the host has sent, and to whom: a card press is honoured only for a card
// on this list and only from one of its recipients.
//
// Kept in the host database (table card_recipients), not in memory: every host sharing the
// database must honour a card another host sent, and a restart must not forget it.
// Threading: any thread; the database serialises writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::jobs {

// Records that `plugin` sent the card `out_track_id` to `user_id`. Runs inside the outbox's
// transaction, so the record exists exactly when the card is queued. Recording twice is harmless.
// Errors: the database's.
Outcome record_card_recipient(storage::Transaction& txn, const std::string& plugin,
                              const std::string& out_track_id, const std::string& user_id,
                              int64_t now_ms);

// The plugin that sent `out_track_id` to `user_id`; nullopt when the host sent no such card or
// did not send it to that user (the caller must not tell the two apart).
// Errors: the database's.
Expected<std::optional<std::string>> card_sender_for(storage::Database& db,
                                                     const std::string& out_track_id,
                                                     const std::string& user_id);

}  // namespace courthub::jobs
