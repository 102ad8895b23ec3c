// SPDX-License-Identifier: Apache-2.0
// The Services the server and the test harness give plugins: per-plugin SQLite databases under
// the data directory, the live directory, the inbox and the outbox.
//
// Threading: all methods from any thread.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "host/directory/directory.hpp"
#include "host/jobs/inbox.hpp"
#include "host/jobs/outbox.hpp"
#include "host/plugins/effect_queue.hpp"
#include "host/plugins/services.hpp"
#include "host/storage/group_commit.hpp"
#include "host/storage/backend.hpp"

namespace courthub::plugins {

class HostServices : public Services {
 public:
  // Everything passed by reference must outlive the services.
  // `backend` says where plugin databases live; its data_dir also holds plugin folders.
  HostServices(storage::BackendOptions backend, directory::Directory& directory,
               jobs::Inbox& inbox, jobs::Outbox& outbox, const time::Clock& clock,
               const time::WorkCalendar& calendar)
      : backend_(std::move(backend)), directory_(directory), inbox_(inbox),
        outbox_(outbox), clock_(clock), calendar_(calendar), effects_(inbox, outbox) {}

  Expected<storage::Database*> plugin_database(const std::string& plugin) override;
  storage::Dialect database_dialect() const override { return backend_.dialect; }
  Outcome plugin_transaction(const std::string& plugin,
                             const std::function<Outcome(storage::Transaction&)>& body) override;
  Expected<std::string> plugin_data_dir(const std::string& plugin) override;
  // Whether `plugin`'s database holds the receipt of inbox event `event_id` (delivery_receipt.hpp)
  // written no earlier than the event arrived (`received_ms`: a receipt older than its event
  // names an earlier event of the same id, after courthub.db was restored without the plugin's
  // database). Prunes receipts past their retention first, once a day by the host clock.
  // Errors: the database cannot be opened or read (the caller delivers then: at least once).
  Expected<bool> delivered_before(const std::string& plugin, int64_t event_id, int64_t received_ms);
  Expected<Json> directory(const Json& query) override;
  Expected<int64_t> outbox_send(const std::string& plugin, storage::Transaction* txn,
                                const Json& message) override;
  Outcome publish(const std::string& plugin, storage::Transaction* txn, const std::string& name,
                  const Json& payload, const std::string& key) override;
  bool plugin_active(const std::string& name) override {
    return active_ && active_(name);
  }
  Expected<Json> issue_session(const std::string& plugin, const std::string& audience,
                               const std::string& subject) override;
  // Who signs outside users' sessions: (plugin, audience, subject) → token. Set once by the
  // server (its SessionTokens) or the test harness; without one, issue_session is Unavailable.
  using SessionIssuer = std::function<Expected<std::string>(
      const std::string& plugin, const std::string& audience, const std::string& subject,
      int64_t now_s)>;
  void set_session_issuer(SessionIssuer issuer, int64_t ttl_seconds) {
    issuer_ = std::move(issuer);
    session_ttl_seconds_ = ttl_seconds;
  }
  // Set once the plugin set exists (it is built after the services).
  const time::Clock& clock() const override { return clock_; }
  const time::WorkCalendar& work_calendar() const override { return calendar_; }
  void set_active_check(std::function<bool(const std::string&)> active) {
    active_ = std::move(active);
  }
  // Effects (effect_queue.hpp) are handed to the inbox and outbox only from here on: those
  // committed before (a plugin's start, or left in a shared database by another host, or by a
  // crash) go now, with every plugin's subscriptions known.
  void plugins_started() override;

 private:
  storage::BackendOptions backend_;
  directory::Directory& directory_;
  jobs::Inbox& inbox_;
  jobs::Outbox& outbox_;
  const time::Clock& clock_;
  const time::WorkCalendar& calendar_;
  EffectQueue effects_;
  std::mutex mu_;
  // One hand-over of committed effects at a time per plugin: a commit that finds one running
  // leaves a request the running one serves, instead of reading the same rows again.
  struct HandOver {
    std::mutex running;
    std::atomic<bool> requested{false};
  };
  struct PluginDatabase {
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<storage::GroupCommit> group_commit;
    std::unique_ptr<HandOver> hand_over = std::make_unique<HandOver>();
    // When its delivery receipts were last pruned (host clock).
    std::unique_ptr<std::atomic<int64_t>> receipts_pruned_ms =
        std::make_unique<std::atomic<int64_t>>(0);
  };
  // Deletes `entry`'s receipts past their retention if the last pruning is a day old.
  void prune_receipts(const std::string& plugin, PluginDatabase& entry);
  void forward_effects(const std::string& plugin, PluginDatabase& entry);
  Expected<PluginDatabase*> entry_for(const std::string& plugin);

  std::map<std::string, PluginDatabase> databases_;
  std::atomic<bool> plugins_started_{false};
  std::function<bool(const std::string&)> active_;
  SessionIssuer issuer_;
  int64_t session_ttl_seconds_ = 0;
};

}  // namespace courthub::plugins
