// SPDX-License-Identifier: Apache-2.0
// EffectQueue: events and messages a plugin sends inside its own database transaction.
//
// A plugin that publishes an event or queues a DingTalk message inside a transaction wants it to
// happen if and only if the transaction commits, exactly once. The inbox and outbox live in the
// host's database, a different file from the plugin's, so the effect is first written into the
// plugin's own database (table courthub_effects, created and owned by the host), in the same
// transaction as the plugin's rows. After the commit the host forwards what that table holds to
// the inbox or outbox, each with an idempotency key, and deletes it. A crash between the two
// leaves the rows behind; they are forwarded when the plugin's database is next opened, and the
// keys make a second forwarding a no-op (the transactional-outbox pattern).
//
// Threading: every method from any thread; forwarding may run concurrently with itself (the keys
// keep it exactly once).
#pragma once

#include <cstdint>
#include <string>

#include "courthub/json.hpp"
#include "host/outcome.hpp"
#include "host/storage/database.hpp"

namespace courthub::jobs {
class Inbox;
class Outbox;
}  // namespace courthub::jobs

namespace courthub::plugins {

class EffectQueue {
 public:
  EffectQueue(jobs::Inbox& inbox, jobs::Outbox& outbox) : inbox_(inbox), outbox_(outbox) {}

  // Creates courthub_effects in a plugin's database if it is missing.
  static Outcome prepare(storage::Database& db);

  // Records an event or a message in `txn` (a transaction of `plugin`'s database). The message
  // is checked now, so a bad one fails the call, not the forwarding.
  Outcome record_event(storage::Transaction& txn, const std::string& plugin,
                       const std::string& topic, const Json& payload, const std::string& key);
  Outcome record_message(storage::Transaction& txn, const Json& message);

  // Stores an event of `plugin` in the inbox now; an empty key makes it a new event each time.
  Outcome publish_now(const std::string& plugin, const std::string& topic, const Json& payload,
                      const std::string& key);

  // Hands every committed effect of `plugin`'s database to the inbox or outbox, oldest first,
  // and deletes it. Stops at the first failure (what is left goes next time).
  Outcome forward(const std::string& plugin, storage::Database& db);

 private:
  static constexpr size_t kBatch = 256;
  Outcome forward_some(const std::string& plugin, storage::Database& db, size_t* count);

  jobs::Inbox& inbox_;
  jobs::Outbox& outbox_;
};

}  // namespace courthub::plugins
