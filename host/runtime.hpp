// SPDX-License-Identifier: Apache-2.0
// Runtime: the host's parts that plugins live in — the host database, directory, inbox, outbox,
// the services table, the plugin set and the scheduler — built in one place.
//
// `courthub serve` (Server) puts the HTTP edge and the DingTalk channel around a Runtime; the
// in-process test harness (courthub/testing.hpp) drives one directly. Both build it with
// Runtime::open, so a plugin meets the same wiring in its unit tests as in production: the same
// subscriber routing, delivery results, request scopes and effect forwarding.
//
// Threading: open/apply/close from the control thread; the parts are thread-safe as documented
// in their own headers.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "host/config/config.hpp"
#include "host/directory/directory.hpp"
#include "host/jobs/inbox.hpp"
#include "host/jobs/outbox.hpp"
#include "host/plugins/scheduler.hpp"
#include "host/outcome.hpp"
#include "host/plugins/host_services.hpp"
#include "host/plugins/plugin_set.hpp"
#include "host/storage/database.hpp"
#include "host/storage/group_commit.hpp"
#include "host/storage/backend.hpp"
#include "host/time/clock.hpp"
#include "host/time/work_calendar.hpp"

namespace courthub {

struct RuntimeOptions {
  // Where the databases live (its data_dir also holds the inbox journal and plugin folders).
  storage::BackendOptions storage;
  // The host clock; must outlive the Runtime. nullptr = the system clock.
  const time::Clock* clock = nullptr;
  // The work calendar's files (config calendar.files); a year none covers counts Monday to
  // Friday, logged once.
  std::vector<std::string> calendar_files;
  std::vector<std::string> directory_seed;
  int outbox_max_attempts = 12;
  bool sync_journal = true;          // fdatasync the inbox journal (tests may skip it)
  size_t journal_segment_bytes = 0;  // 0 = the inbox's default
  // PostgreSQL: how long a host's inbox leases and outbox claims last
  // (storage.postgres.takeover_ms).
  int64_t takeover_ms = 30000;
  // Whether a group robot of that name is configured (outbox messages to unknown ones are
  // refused).
  std::function<bool(const std::string&)> known_group_robot = [](const std::string&) {
    return false;
  };
  // Host subscribers of a topic besides the plugins ("@directory" for contact events), asked
  // first.
  std::function<std::vector<std::string>(const std::string& topic)> host_subscribers;
  // Plugins to report as active besides the live ones (the harness pretends others run).
  std::function<bool(const std::string&)> also_active;
};

class Runtime {
 public:
  // Opens the host database (migrated), loads the directory, opens the inbox (recovering its
  // journal) and builds the outbox, services, plugin set and scheduler; starts no thread.
  // Errors name the part that failed.
  static Expected<std::unique_ptr<Runtime>> open(RuntimeOptions options);
  ~Runtime();

  // The subscribers of a topic: host_subscribers first, then every live plugin subscribed.
  std::vector<std::string> subscribers(const std::string& topic) const;

  // Delivers an inbox event to one plugin: each of its subscriptions to the topic in turn, under
  // the event's request scope. Done / "no longer subscribed" / Retry / Reject as the plugin
  // answers. An event whose delivery receipt the plugin's database holds (its handler committed
  // before the host died without recording the delivery done) is Done without calling the
  // plugin again, and counted; if the receipt cannot be read it is delivered (at least once).
  // Threading: any thread (the inbox's subscriber workers).
  jobs::HandleResult deliver(const std::string& subscriber, const jobs::InboxEvent& event);

  // Redeliveries answered from a receipt without calling the plugin, per plugin, since the
  // runtime opened (courthub_inbox_redeliveries_skipped_total). Any thread; a snapshot.
  std::map<std::string, uint64_t> redeliveries_skipped() const {
    std::lock_guard lock(skipped_mu_);
    return skipped_;
  }

  // Retires every plugin, then closes the parts in reverse order.
  void close();

  const RuntimeOptions& options() const { return options_; }
  storage::Database& host_db() { return *host_db_; }
  storage::GroupCommit& group_commit() { return *group_commit_; }
  directory::Directory& directory() { return *directory_; }
  jobs::Inbox& inbox() { return *inbox_; }
  jobs::Outbox& outbox() { return *outbox_; }
  plugins::HostServices& services() { return *services_; }
  plugins::PluginSet& plugins() { return *plugins_; }
  const time::Clock& clock() const { return *clock_; }
  const time::WorkCalendar& calendar() const { return *calendar_; }
  plugins::Scheduler& scheduler() { return *scheduler_; }

 private:
  explicit Runtime(RuntimeOptions options) : options_(std::move(options)) {}

  RuntimeOptions options_;
  const time::Clock* clock_ = nullptr;
  std::shared_ptr<const time::WorkCalendar> calendar_;
  std::unique_ptr<storage::Database> host_db_;
  std::unique_ptr<storage::GroupCommit> group_commit_;
  std::unique_ptr<directory::Directory> directory_;
  std::unique_ptr<jobs::Inbox> inbox_;
  std::unique_ptr<jobs::Outbox> outbox_;
  std::unique_ptr<plugins::HostServices> services_;
  std::unique_ptr<plugins::PluginSet> plugins_;
  std::unique_ptr<plugins::Scheduler> scheduler_;
  mutable std::mutex skipped_mu_;
  std::map<std::string, uint64_t> skipped_;
};

}  // namespace courthub
