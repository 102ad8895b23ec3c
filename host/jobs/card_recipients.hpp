// SPDX-License-Identifier: Apache-2.0
// The interactive cards the host has sent, and to whom: a card press is honoured only for a card
// on this list and only from one of its recipients, and a card update goes to each of them.
//
// Kept in the host database (table card_recipients), not in memory: every host sharing the
// database must honour a card another host sent, and a restart must not forget it.
// Threading: any thread; the database serialises writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::jobs {

// Records that `plugin` sent the card `out_track_id` to `user_id` in outbox row `outbox_id`.
// Runs inside the outbox's transaction, so the record exists exactly when the card is queued.
// Recording twice is harmless (the first record stays). Errors: the database's.
Outcome record_card_recipient(storage::Transaction& txn, const std::string& plugin,
                              const std::string& out_track_id, const std::string& user_id,
                              int64_t outbox_id, int64_t now_ms);

// One person's copy of a card and how far its delivery got.
struct CardCopy {
  std::string out_track_id;  // as createAndDeliver used it (".<userid>" appended for several people)
  std::string user_id;
  // The state of the card's outbox row: pending | sent | dead; "sent" too for a card recorded
  // before the row was remembered, or whose row is gone.
  std::string state;
  int64_t next_ms = 0;  // the row's next attempt while pending
};

// Every copy of the card `out_track_id` that `plugin` sent: the card itself, or the copies made
// when one message named several people (`out_track_id.<userid>`). Empty when there is none.
// Errors: the database's.
Expected<std::vector<CardCopy>> card_copies(storage::Transaction& txn, const std::string& plugin,
                                            const std::string& out_track_id);
// The copy `out_track_id` (exactly) that went to `user_id`; nullopt when there is none.
// Errors: the database's.
Expected<std::optional<CardCopy>> card_copy(storage::Database& db, const std::string& out_track_id,
                                            const std::string& user_id);

// The plugin that sent `out_track_id` to `user_id`; nullopt when the host sent no such card or
// did not send it to that user (the caller must not tell the two apart).
// Errors: the database's.
Expected<std::optional<std::string>> card_sender_for(storage::Database& db,
                                                     const std::string& out_track_id,
                                                     const std::string& user_id);

}  // namespace courthub::jobs
