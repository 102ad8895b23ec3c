// SPDX-License-Identifier: Apache-2.0
// Runtime: the parts plugins live in, in build order.
#include "host/runtime.hpp"

#include "host/log.hpp"
#include "host/plugins/remote_plugin.hpp"
#include "host/storage/host_schema.hpp"
#include "host/storage/migrations.hpp"

namespace courthub {

Expected<std::unique_ptr<Runtime>> Runtime::open(RuntimeOptions options) {
  std::unique_ptr<Runtime> rt(new Runtime(std::move(options)));
  const RuntimeOptions& o = rt->options_;
  rt->clock_ = o.clock ? o.clock : &time::system_clock();
  const time::Clock& clock = *rt->clock_;

  auto calendar = time::WorkCalendar::load(o.calendar_files, [](std::chrono::year year) {
    log::warn("calendar", "no work-calendar file covers " + std::to_string(int(year)) +
                              ": counting Monday to Friday as workdays, public holidays unknown "
                              "(docs/work-calendar.md says how to add a year)");
  });
  if (!calendar.ok()) return Outcome::invalid("calendar: " + calendar.errors.front().to_string());
  rt->calendar_ = calendar.calendar;

  auto db = storage::open_host_database(o.storage);
  if (!db) return db.outcome();
  rt->host_db_ = std::move(*db);
  std::vector<int64_t> applied;
  Outcome migrated = storage::migrate(*rt->host_db_, storage::host_migrations(), &applied);
  if (!migrated.ok()) return Outcome::error("host database: " + migrated.message());
  if (!applied.empty()) {
    log::info("storage", "host database at schema version " + std::to_string(applied.back()));
  }
  rt->group_commit_ = std::make_unique<storage::GroupCommit>(*rt->host_db_);

  rt->directory_ = std::make_unique<directory::Directory>(*rt->host_db_, clock);
  Outcome loaded = rt->directory_->load(o.directory_seed);
  if (!loaded.ok()) return Outcome::error("directory: " + loaded.message());

  Runtime* raw = rt.get();
  jobs::InboxPolicy inbox_policy;
  if (o.journal_segment_bytes) inbox_policy.journal_segment_bytes = o.journal_segment_bytes;
  inbox_policy.lease_ms = o.takeover_ms;
  // PostgreSQL: no journal, the tables are shared by every host (inbox.hpp).
  const std::string journal_dir = o.storage.dialect == storage::Dialect::kPostgres
                                      ? std::string()
                                      : o.storage.data_dir + "/inbox-journal";
  auto inbox = jobs::Inbox::open(
      *rt->host_db_, journal_dir, o.sync_journal, clock,
      [raw](const std::string& topic) { return raw->subscribers(topic); }, inbox_policy);
  if (!inbox) return inbox.outcome();
  rt->inbox_ = std::move(*inbox);

  jobs::OutboxPolicy outbox_policy;
  outbox_policy.max_attempts = o.outbox_max_attempts;
  outbox_policy.claim_ms = o.takeover_ms;
  outbox_policy.known_group_robot = o.known_group_robot;
  rt->outbox_ = std::make_unique<jobs::Outbox>(*rt->host_db_, *rt->group_commit_, clock,
                                              outbox_policy);

  rt->services_ = std::make_unique<plugins::HostServices>(
      o.storage, *rt->directory_, *rt->inbox_, *rt->outbox_, clock, *rt->calendar_);
  rt->plugins_ = std::make_unique<plugins::PluginSet>(rt->services_.get());
  rt->services_->set_active_check([raw](const std::string& name) {
    // A plugin whose runner crashed too often is live but disabled: not active for the others.
    if (auto live = raw->plugins_->live(name);
        live && plugins::isolation_status(live->library()).state != "disabled") {
      return true;
    }
    return raw->options_.also_active && raw->options_.also_active(name);
  });
  rt->scheduler_ = std::make_unique<plugins::Scheduler>(*rt->plugins_, *rt->host_db_, clock);
  rt->plugins_->on_change([raw] { raw->scheduler_->refresh(); });
  return rt;
}

Runtime::~Runtime() { close(); }

std::vector<std::string> Runtime::subscribers(const std::string& topic) const {
  std::vector<std::string> out;
  if (options_.host_subscribers) out = options_.host_subscribers(topic);
  if (!plugins_) return out;
  for (auto& inst : plugins_->live_all()) {
    for (auto& s : inst->subscriptions()) {
      if (s.topic == topic) {
        out.push_back(inst->name());
        break;
      }
    }
  }
  return out;
}

jobs::HandleResult Runtime::deliver(const std::string& subscriber, const jobs::InboxEvent& ev) {
  auto inst = plugins_->live(subscriber);
  if (!inst) return {jobs::Handled::Retry, "plugin '" + subscriber + "' is not running"};
  ch_event e{sizeof(ch_event),
             ch_str{ev.topic.data(), ev.topic.size()},
             ch_str{ev.source.data(), ev.source.size()},
             ch_str{ev.payload.data(), ev.payload.size()},
             ev.id,
             static_cast<uint32_t>(ev.attempt)};
  log::RequestScope scope("event-" + std::to_string(ev.id));
  auto before = services_->delivered_before(subscriber, ev.id, ev.received_ms);
  if (!before) {
    log::warn("inbox", "cannot read the delivery receipts of " + subscriber +
                           " (delivering event " + std::to_string(ev.id) +
                           " anyway): " + before.outcome().message());
  } else if (*before) {
    {
      std::lock_guard lock(skipped_mu_);
      ++skipped_[subscriber];
    }
    log::info("inbox", "event " + std::to_string(ev.id) + " (" + ev.topic + ") reached " +
                           subscriber +
                           " before a restart (its receipt is in the plugin's "
                           "database): recorded as done, handler not called again");
    return {jobs::Handled::Done, "delivered before a restart"};
  }
  bool any = false;
  for (auto& s : inst->subscriptions()) {
    if (s.topic != ev.topic) continue;
    any = true;
    auto r = inst->event(s.handler, e);
    if (r.status == CH_INVALID_ARGUMENT) return {jobs::Handled::Reject, r.error};
    if (!r.ok()) return {jobs::Handled::Retry, r.error};
  }
  if (!any) return {jobs::Handled::Done, "no longer subscribed"};
  return {jobs::Handled::Done, ""};
}

void Runtime::close() {
  if (scheduler_) scheduler_->stop();
  if (inbox_) inbox_->stop();
  if (outbox_) outbox_->stop();
  if (plugins_) plugins_->retire_all();
  scheduler_.reset();
  plugins_.reset();
  services_.reset();
  outbox_.reset();
  inbox_.reset();
  directory_.reset();
  group_commit_.reset();
  host_db_.reset();
}

}  // namespace courthub
