// SPDX-License-Identifier: Apache-2.0
// DeliveryReceipt: "event E reached this plugin", written in the plugin's own transaction.
//
// The inbox records a delivery as done in the host's database (courthub.db), a different file
// from the plugin's, so a kill -9 between the handler's commit and that record used to deliver
// the event again. While a handler runs, every write transaction the plugin commits also inserts
// a row into courthub_deliveries (created and owned by the host, like courthub_effects); before
// delivering, the host looks for that row and, when it is there, records the delivery as done
// without calling the handler again. Effects that commit with the plugin's transaction
// (its rows, and events and messages recorded through courthub_effects) are then exactly once.
//
// Receipts are kept kRetentionMs (the inbox keeps done events for de-duplication for good, so
// the fallback of 30 days applies): a delivery that is pending longer than that (replayed from
// the dead-letter list a month later) may run its handler again.
//
// Threading: every function from any thread. Errors: the database's Outcome.
#pragma once

#include <cstdint>
#include <optional>

#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::plugins {

class DeliveryReceipt {
 public:
  static constexpr int64_t kRetentionMs = 30LL * 24 * 3600 * 1000;
  static constexpr int64_t kPruneEveryMs = 24LL * 3600 * 1000;

  // Creates courthub_deliveries in a plugin's database if it is missing.
  static Outcome prepare(storage::Database& db);

  // Records in `txn` (a transaction of the plugin's database) that `event_id` reached it at
  // `now_ms`; a second receipt for the same event is ignored.
  static Outcome record(storage::Transaction& txn, int64_t event_id, int64_t now_ms);

  // When the receipt of `event_id` was written (host clock, Unix ms), or nullopt if there is
  // none.
  static Expected<std::optional<int64_t>> find(storage::Database& db, int64_t event_id);

  // Deletes receipts written before `before_ms`; returns how many.
  static Expected<int64_t> prune(storage::Database& db, int64_t before_ms);
};

}  // namespace courthub::plugins
