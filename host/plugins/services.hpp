// SPDX-License-Identifier: Apache-2.0
// The host facilities a plugin reaches through the host table, as one interface.
//
// The server implements it over the real directory, inbox and outbox; the test harness
// implements it over the same classes in a temporary directory; `check-config` needs none of it
// (configure may not touch the outside world). Threading: every method may be called from any
// thread concurrently.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "courthub/json.hpp"
#include "host/outcome.hpp"
#include "host/storage/database.hpp"
#include "host/time/clock.hpp"
#include "host/time/work_calendar.hpp"

namespace courthub::plugins {

class Services {
 public:
  virtual ~Services() = default;

  // The plugin's own database, opened on first use and kept open while the host runs, so a
  // reconfigured instance continues with the same connections.
  virtual Expected<storage::Database*> plugin_database(const std::string& plugin) = 0;
  // The engine that holds every plugin's database (the storage.backend setting).
  virtual storage::Dialect database_dialect() const = 0;
  // Runs `body` in a write transaction of the plugin's database that concurrent transactions of
  // the same plugin share (group commit: one COMMIT and one fsync for all of them). `body` runs
  // exactly once, under a savepoint of its own, possibly on another caller's thread while this
  // one waits; a body that fails is rolled back alone. Returns once the transaction is durable.
  virtual Outcome plugin_transaction(const std::string& plugin,
                                     const std::function<Outcome(storage::Transaction&)>& body) = 0;
  // <data dir>/plugins/<plugin>/, created on demand.
  virtual Expected<std::string> plugin_data_dir(const std::string& plugin) = 0;
  // Answers a directory query (see ch_host_api.directory).
  virtual Expected<Json> directory(const Json& query) = 0;
  // Stores an outbound message; returns its outbox id. With `txn` (a transaction of the
  // plugin's database, from plugin_transaction) the message is recorded in that transaction and
  // queued once it commits; the id is then 0.
  virtual Expected<int64_t> outbox_send(const std::string& plugin, storage::Transaction* txn,
                                        const Json& message) = 0;
  // Stores an internal event "<plugin>.<name>" for its subscribers; with `txn`, as outbox_send.
  // A non-empty `key` makes it idempotent per plugin.
  virtual Outcome publish(const std::string& plugin, storage::Transaction* txn,
                          const std::string& name, const Json& payload,
                          const std::string& key) = 0;
  // A session token for an outside user of `plugin`'s portal (ch_host_api.issue_session):
  // {"token", "expires_at"}. Errors: InvalidArgument for a staff or unknown audience;
  // Unavailable when the host issues no sessions (check-config).
  virtual Expected<Json> issue_session(const std::string& plugin, const std::string& audience,
                                       const std::string& subject) = 0;
  // Whether the plugin `name` is enabled and active.
  virtual bool plugin_active(const std::string& name) = 0;
  // The host's clock: what "now" is for plugins (host/time/clock.hpp). Lives as long as the
  // services.
  virtual const time::Clock& clock() const = 0;
  // The official work calendar (host/time/work_calendar.hpp). Lives as long as the services.
  virtual const time::WorkCalendar& work_calendar() const = 0;
  // The plugin set's first apply has started every enabled plugin (PluginSet::apply calls it
  // after each apply; only the first matters). Until then the events and messages plugins commit
  // may wait in their databases: an event stored before its subscribers started would reach
  // only the ones already running.
  virtual void plugins_started() {}
};

}  // namespace courthub::plugins
