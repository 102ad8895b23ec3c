// SPDX-License-Identifier: Apache-2.0
// Server: wiring the host's parts together, in start order.
#include "host/server.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <tuple>

#include "host/config/bundled_paths.hpp"
#include "host/config/config_loader.hpp"
#include "host/dingtalk/channel.hpp"
#include "host/sms/sms_courier.hpp"
#include "host/sms/sms_gateway.hpp"
#include "host/dingtalk/event_keys.hpp"
#include "host/directory/directory.hpp"
#include "host/http/admin_endpoints.hpp"
#include "host/http/admin_token_guard.hpp"
#include "host/http/app_catalog.hpp"
#include "host/http/apps_endpoint.hpp"
#include "host/http/directory_endpoint.hpp"
#include "host/http/host_pages.hpp"
#include "host/http/identity.hpp"
#include "host/http/me_endpoints.hpp"
#include "host/http/metrics.hpp"
#include "host/http/ops_endpoints.hpp"
#include "host/http/router.hpp"
#include "host/http/server.hpp"
#include "host/http/session_token.hpp"
#include "host/jobs/cluster_watch.hpp"
#include "host/jobs/inbox.hpp"
#include "host/jobs/outbox.hpp"
#include "host/log.hpp"
#include "host/runtime.hpp"
#include "host/storage/audit_log.hpp"
#include "host/storage/host_meta.hpp"

namespace courthub {

void apply_overrides(config::Config& cfg, const ServeOverrides& o) {
  if (o.host) cfg.server.host = *o.host;
  if (o.port) cfg.server.port = *o.port;
  if (o.data_dir) cfg.storage.data_dir = std::filesystem::absolute(*o.data_dir).lexically_normal();
}

namespace {

// host_meta's key for the configuration's generation (hosts sharing PostgreSQL).
constexpr std::string_view kConfigGeneration = "config.generation";

// Whether two server sections are the same (each of its keys takes effect at a restart).
bool same_server(const config::ServerConfig& a, const config::ServerConfig& b) {
  auto proxies = [](const config::ServerConfig& c) {
    std::vector<std::string> text;
    for (const auto& r : c.trusted_proxies) text.push_back(r.text);
    return text;
  };
  auto fields = [](const config::ServerConfig& c) {
    return std::tie(c.host, c.port, c.threads, c.max_body_bytes, c.queue_size, c.header_timeout_ms,
                    c.body_timeout_ms, c.body_min_bytes_per_second, c.idle_timeout_ms,
                    c.write_timeout_ms, c.max_connections, c.max_connections_per_address,
                    c.max_header_bytes);
  };
  return fields(a) == fields(b) && proxies(a) == proxies(b);
}

// Only one host per data directory: two would both deliver the same inbox.
class DataDirLock {
 public:
  static Expected<std::unique_ptr<DataDirLock>> acquire(const std::string& dir) {
    std::string path = dir + "/courthub.lock";
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Outcome::error("cannot open " + path);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      return Outcome::unavailable("another courthub is already using the data directory " + dir);
    }
    return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
  }
  ~DataDirLock() { ::close(fd_); }

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_;
};


// Each plugin's calls (CallStats, read at scrape time) and each subscriber's inbox backlog.
void add_containment_metrics(http::Metrics& metrics, plugins::PluginSet& plugins,
                             jobs::Inbox& inbox) {
  using Samples = http::Metrics::Samples;
  auto per_plugin = [&plugins](auto value) {
    return [&plugins, value] {
      Samples out;
      for (auto& s : plugins.status()) out.push_back({{{"plugin", s.name}}, value(s.calls)});
      return out;
    };
  };
  metrics.family("courthub_plugin_calls_total", "counter",
                 "Calls into plugins by how they ended: ok, failed (the plugin's error), "
                 "deadline_exceeded (the caller was answered 504), rejected (503 busy)",
                 [&plugins] {
                   Samples out;
                   for (auto& s : plugins.status()) {
                     const auto& c = s.calls.counts;
                     for (auto [outcome, n] : {std::pair{"ok", c.ok}, {"failed", c.failed},
                                               {"deadline_exceeded", c.abandoned},
                                               {"rejected", c.rejected}}) {
                       out.push_back({{{"plugin", s.name}, {"outcome", outcome}},
                                      static_cast<double>(n)});
                     }
                   }
                   return out;
                 });
  metrics.family("courthub_plugin_deadline_exceeded_total", "counter",
                 "Plugin calls past their deadline (limits.deadline_ms): requests answered 504 "
                 "and events or jobs that finished late",
                 per_plugin([](const plugins::CallReport& c) {
                   return static_cast<double>(c.counts.deadline_exceeded);
                 }));
  metrics.family("courthub_plugin_rejected_total", "counter",
                 "Plugin calls refused because max_concurrent ran and max_queued waited",
                 per_plugin([](const plugins::CallReport& c) {
                   return static_cast<double>(c.counts.rejected);
                 }));
  metrics.family("courthub_plugin_in_flight", "gauge",
                 "Calls running in each plugin now, abandoned ones included",
                 per_plugin([](const plugins::CallReport& c) {
                   return static_cast<double>(c.in_flight);
                 }));
  metrics.family("courthub_plugin_slow", "gauge",
                 "1 while the plugin exceeded its deadline 3 times within the last 10 minutes",
                 per_plugin([](const plugins::CallReport& c) { return c.slow ? 1.0 : 0.0; }));
  metrics.family("courthub_inbox_backlog", "gauge",
                 "Event deliveries waiting for each subscriber (due or backing off)", [&inbox] {
                   Samples out;
                   if (auto b = inbox.backlog()) {
                     for (auto& s : *b) {
                       out.push_back({{{"subscriber", s.subscriber}}, double(s.pending)});
                     }
                   }
                   return out;
                 });
  metrics.family("courthub_inbox_oldest_age_seconds", "gauge",
                 "Age of the oldest event each subscriber has not yet handled", [&inbox] {
                   Samples out;
                   if (auto b = inbox.backlog()) {
                     for (auto& s : *b) {
                       out.push_back({{{"subscriber", s.subscriber}}, s.oldest_age_ms / 1000.0});
                     }
                   }
                   return out;
                 });
}

}  // namespace

struct Server::Parts {
  config::Config config;
  std::unique_ptr<DataDirLock> lock;
  std::unique_ptr<Runtime> runtime;
  std::unique_ptr<storage::AuditLog> audit;
  // Shortcuts into the runtime.
  storage::Database* host_db = nullptr;
  directory::Directory* directory = nullptr;
  jobs::Inbox* inbox = nullptr;
  jobs::Outbox* outbox = nullptr;
  plugins::PluginSet* plugins = nullptr;
  plugins::Scheduler* scheduler = nullptr;
  http::Metrics metrics;
  std::unique_ptr<http::SessionTokens> sessions;
  std::unique_ptr<http::Authenticator> auth;
  std::unique_ptr<http::AdminTokenGuard> admin_guard;
  http::AppCatalog apps;  // the 工作台's tiles, re-read at every apply
  http::Router router;
  std::unique_ptr<dingtalk::DingTalkChannel> channel;
  std::unique_ptr<sms::SmsGateway> sms_gateway;  // null without an sms section
  std::unique_ptr<sms::SmsCourier> courier;      // what the outbox worker delivers through
  std::unique_ptr<http::HttpServer> http;

  ~Parts() {
    if (plugins) plugins->set_runner_events(nullptr);
    if (audit) audit.reset();
    if (runtime) runtime->close();
  }
};

Server::Server(std::string config_path, ServeOverrides overrides, const time::Clock& clock)
    : config_path_(std::move(config_path)), overrides_(std::move(overrides)), clock_(clock) {}

Server::Server(std::string config_path, ServeOverrides overrides, time::ManualClock& test_clock)
    : Server(std::move(config_path), std::move(overrides), static_cast<const time::Clock&>(test_clock)) {
  test_clock_ = &test_clock;
}

Server::~Server() { stop(); }

uint16_t Server::port() const { return parts_ && parts_->http ? parts_->http->port() : 0; }

Outcome Server::start(config::Config cfg) {
  std::lock_guard control(control_mu_);
  if (parts_) return Outcome::error("already started");
  auto p = std::make_unique<Parts>();
  p->config = std::move(cfg);
  const config::Config& c = p->config;
  for (auto* secret : {&c.admin.token, &c.sessions.secret, &c.dingtalk.app_secret,
                       &c.dingtalk.callback_token, &c.dingtalk.callback_aes_key,
                       &c.dingtalk.card_route_key, &c.storage.postgres.url}) {
    log::redact(*secret);
  }
  for (auto& robot : c.dingtalk.group_robots) {
    log::redact(robot.secret);
    log::redact(robot.webhook);
  }

  std::error_code ec;
  std::filesystem::create_directories(c.storage.data_dir, ec);
  if (ec) return Outcome::error("cannot create data directory " + c.storage.data_dir + ": " + ec.message());
  auto lock = DataDirLock::acquire(c.storage.data_dir);
  if (!lock) return lock.outcome();
  p->lock = std::move(*lock);
  // Left by a host that was killed, it names a dead port; the new one is written once listening.
  std::filesystem::remove(c.storage.data_dir + "/courthub.addr", ec);

  Parts* raw = p.get();
  RuntimeOptions options;
  options.storage.data_dir = c.storage.data_dir;
  options.storage.sqlite =
      storage::SqliteOptions{c.storage.synchronous_full, c.storage.busy_timeout_ms, 4};
  if (c.storage.backend == config::StorageConfig::Backend::kPostgres) {
    options.storage.dialect = storage::Dialect::kPostgres;
    options.storage.postgres = storage::PostgresOptions{
        c.storage.postgres.url, c.storage.postgres.schema, c.storage.postgres.connections,
        c.storage.busy_timeout_ms};
    options.takeover_ms = c.storage.postgres.takeover_ms;
  }
  options.sync_journal = c.storage.synchronous_full;
  options.directory_seed = c.directory.seed;
  options.calendar_files = c.calendar.files;
  options.clock = &clock_;
  options.outbox_max_attempts = c.dingtalk.outbox_max_attempts;
  options.known_group_robot = [raw](const std::string& name) {
    for (auto& r : raw->config.dingtalk.group_robots)
      if (r.name == name) return true;
    return false;
  };
  // The host's own subscriber: contact events keep the directory current.
  options.host_subscribers = [raw](const std::string& topic) {
    std::vector<std::string> out;
    if (raw->channel && dingtalk::is_contact_event(topic)) out.push_back("@directory");
    return out;
  };
  auto runtime = Runtime::open(std::move(options));
  if (!runtime) return runtime.outcome();
  p->runtime = std::move(*runtime);
  Runtime& rt = *p->runtime;
  p->host_db = &rt.host_db();
  p->directory = &rt.directory();
  p->inbox = &rt.inbox();
  p->outbox = &rt.outbox();
  p->plugins = &rt.plugins();
  p->scheduler = &rt.scheduler();
  p->audit = std::make_unique<storage::AuditLog>(*p->host_db, clock_);
  Outcome o;

  p->sessions = std::make_unique<http::SessionTokens>(c.sessions.secret, c.sessions.ttl_seconds);
  // Plugins with a portal (lawyers) sign their outside users in with sessions of this host.
  rt.services().set_session_issuer(
      [tokens = p->sessions.get()](const std::string& plugin, const std::string& audience,
                                   const std::string& subject, int64_t now_s) {
        return tokens->issue_outside(plugin, audience, subject, now_s);
      },
      c.sessions.ttl_seconds);
  // Isolated plugins' runners: counted in /metrics, each crash, restart and disabling audited.
  p->metrics.describe("courthub_plugin_runner_crashes_total", "counter",
                      "Runner processes of isolated plugins that ended unasked");
  p->metrics.describe("courthub_plugin_runner_restarts_total", "counter",
                      "Runner processes of isolated plugins restarted after a crash");
  p->plugins->set_runner_events([raw](const plugins::RunnerEvent& e) {
    using Kind = plugins::RunnerEvent::Kind;
    const http::Labels labels = {{"plugin", e.plugin}};
    switch (e.kind) {
      case Kind::Started:  // so both series exist from the start
        raw->metrics.count("courthub_plugin_runner_crashes_total", labels, 0);
        raw->metrics.count("courthub_plugin_runner_restarts_total", labels, 0);
        return;
      case Kind::Crashed:
        raw->metrics.count("courthub_plugin_runner_crashes_total", labels);
        (void)raw->audit->record("host", "plugin.runner_crashed", e.plugin, e.detail, "error");
        return;
      case Kind::Restarted:
        raw->metrics.count("courthub_plugin_runner_restarts_total", labels);
        (void)raw->audit->record("host", "plugin.runner_restarted", e.plugin, e.detail, "ok");
        return;
      case Kind::Disabled:
        (void)raw->audit->record("host", "plugin.disabled_after_crashes", e.plugin, e.detail,
                                 "error");
        return;
    }
  });
  for (auto& change : p->plugins->apply(c)) {
    (void)p->audit->record("startup", "plugin." + change.action, change.plugin, change.detail,
                           change.action == "failed" ? "error" : "ok");
  }
  p->apps.refresh(*p->plugins);

  p->auth = std::make_unique<http::Authenticator>(c.admin.token, p->sessions.get(),
                                                  http::kStaffAudience, p->directory);
  // Hosts sharing PostgreSQL count guesses together.
  p->admin_guard = std::make_unique<http::AdminTokenGuard>(
      clock_, p->metrics, p->audit.get(), http::BackoffLimits{},
      c.storage.backend == config::StorageConfig::Backend::kPostgres ? p->host_db : nullptr);
  p->auth->set_admin_guard(p->admin_guard.get());
  // parts_ outlives the HTTP server (stop() stops it first).
  http::add_ops_endpoints(p->router, p->metrics, [this] { return ready_.load(); }, [this] {
    Json checks = Json::object();
    if (parts_ && parts_->channel) {
      if (std::string stream = parts_->channel->stream_health(); !stream.empty())
        checks["dingtalk_stream"] = stream;
    }
    return checks;
  });
  http::AdminTargets admin{p->plugins, p->audit.get(), p->inbox, p->outbox, p->scheduler, &clock_,
                           test_clock_, [this](const std::string& actor) { return reload(actor); },
                           &p->apps};
  http::add_admin_endpoints(p->router, *p->auth, admin);
  http::add_apps_endpoint(p->router, *p->plugins, *p->auth, p->metrics, clock_);
  http::add_me_endpoints(p->router, *p->sessions, *p->directory, p->apps, clock_);
  http::add_directory_endpoint(p->router, *p->sessions, *p->directory, clock_);
  dingtalk::add_auth_config_endpoint(p->router, c.dingtalk, clock_);
  const std::string share = config::host_env()("COURTHUB_SHARE").value_or("");
  http::add_host_pages(p->router, std::filesystem::path(share) / "web" / "kit");
  if (c.dingtalk.dev_login) {
    log::warn("server", "dingtalk.dev_login is on: anyone who can reach this host can log in as "
                        "any person in the directory through the DingTalk double. For the demo "
                        "and tests only; never in production");
  }
  if (!c.dingtalk.app_key.empty()) {
    auto channel = dingtalk::DingTalkChannel::create(c.dingtalk, *p->directory, *p->inbox,
                                                     *p->outbox, *p->plugins, *p->sessions,
                                                     *p->host_db, p->metrics, clock_);
    if (!channel) return channel.outcome();
    p->channel = std::move(*channel);
    p->channel->add_endpoints(p->router);
  } else {
    log::warn("server", "no dingtalk section: the DingTalk endpoints answer 503 and the outbox "
                        "keeps messages until a channel is configured");
    dingtalk::add_unconfigured_endpoints(p->router);
  }
  p->metrics.gauge("courthub_plugins_active", "Plugins in the active state", [raw] {
    return static_cast<double>(raw->plugins->live_all().size());
  });

  add_containment_metrics(p->metrics, *p->plugins, *p->inbox);
  p->metrics.family("courthub_inbox_redeliveries_skipped_total", "counter",
                    "Event deliveries repeated after a restart that the plugin had already "
                    "committed (its delivery receipt): recorded as done, handler not called",
                    [runtime = &rt] {
                      http::Metrics::Samples out;
                      for (auto& [plugin, n] : runtime->redeliveries_skipped()) {
                        out.push_back({{{"plugin", plugin}}, static_cast<double>(n)});
                      }
                      return out;
                    });

  // Counts read at scrape time; their ratios are the host-db batch and journal group sizes.
  auto* host_commits = &rt.group_commit();
  auto* live_inbox = p->inbox;
  const struct {
    const char* name;
    const char* help;
    std::function<uint64_t()> read;
  } counts[] = {
      {"courthub_host_db_commits",
       "Transactions group-committed to the host database (inbox, outbox, audit)",
       [host_commits] { return host_commits->commits(); }},
      {"courthub_host_db_writes",
       "Writes carried by those transactions; writes/commits is the batch size",
       [host_commits] { return host_commits->writes(); }},
      {"courthub_inbox_journal_syncs",
       "Groups written to the inbox journal, each with one write and one sync (PostgreSQL: "
       "the transactions that stored events)",
       [live_inbox] { return live_inbox->journal_groups(); }},
      {"courthub_inbox_journal_events",
       "Events written to the inbox journal (PostgreSQL: stored); events/syncs is the group size",
       [live_inbox] { return live_inbox->journal_events(); }},
  };
  for (auto& c : counts) {
    p->metrics.gauge(c.name, c.help, [read = c.read] { return static_cast<double>(read()); });
  }

  p->scheduler->start();
  p->inbox->start([raw](const std::string& subscriber, const jobs::InboxEvent& ev) {
    if (subscriber == "@directory" && raw->channel) return raw->channel->handle_contact_event(ev);
    return raw->runtime->deliver(subscriber, ev);
  });
  if (c.sms.configured()) p->sms_gateway = std::make_unique<sms::SmsGateway>(c.sms);
  if (p->channel || p->sms_gateway) {
    p->courier = std::make_unique<sms::SmsCourier>(
        p->sms_gateway.get(), p->channel ? &p->channel->courier() : nullptr);
    p->outbox->start(*p->courier);
  }

  p->http = std::make_unique<http::HttpServer>(c.server, p->router, p->metrics);
  o = p->http->start();
  parts_ = std::move(p);
  if (!o.ok()) {
    control_mu_.unlock();
    stop();
    control_mu_.lock();
    return o;
  }
  (void)parts_->audit->record("startup", "host.start", config_path_, "", "ok");
  shares_database_ = c.storage.backend == config::StorageConfig::Backend::kPostgres;
  if (shares_database_) {
    auto generation = storage::read_host_meta(*parts_->host_db, kConfigGeneration);
    config_generation_ = generation ? *generation : "";
    watch_ = std::make_unique<jobs::ClusterWatch>(std::chrono::seconds(1),
                                                  std::vector<jobs::ClusterWatch::Check>{
                                                      [this] { catch_up(); }});
    watch_->start();
  }
  ready_ = true;
  // Stream mode: events may arrive now (the plugins run, the inbox is open).
  if (parts_->channel) parts_->channel->start_stream();
  return Outcome::success();
}

void Server::catch_up() {
  // parts_ stays until stop() has stopped this watch.
  Outcome dir = parts_->directory->refresh();
  if (!dir.ok()) log::warn("directory", "cannot look for other hosts' changes: " + dir.message());
  auto generation = storage::read_host_meta(*parts_->host_db, kConfigGeneration);
  if (!generation) {
    log::warn("server", "cannot read the configuration generation: " +
                            generation.outcome().message());
    return;
  }
  {
    std::lock_guard control(control_mu_);
    if (generation->empty() || *generation == config_generation_) return;
    config_generation_ = *generation;
  }
  log::info("server", "another host reloaded its configuration: reloading this host's file");
  (void)reload("cluster");
}

void Server::stop() {
  // First, and outside the lock: the watch may be inside reload(), which takes it.
  watch_.reset();
  std::lock_guard control(control_mu_);
  if (!parts_) return;
  ready_ = false;
  auto& p = *parts_;
  if (p.channel) p.channel->stop_stream();  // its last event is stored and ACKed first
  if (p.http) p.http->stop(std::chrono::seconds(10));
  if (p.plugins) p.plugins->set_runner_events(nullptr);  // the audit log closes next
  if (p.audit) (void)p.audit->record("shutdown", "host.stop", config_path_, "", "ok");
  p.audit.reset();
  if (p.runtime) p.runtime->close();
  p.plugins = nullptr;  // closed with the runtime: ~Parts must not reach it (use after free)
  parts_.reset();  // closes the databases, releases the data directory
  log::info("server", "stopped");
}

Json Server::reload(const std::string& actor) {
  std::lock_guard control(control_mu_);
  Json errors = Json::array();
  Json warnings = Json::array();
  if (!parts_) return Json::object({{"ok", false}, {"errors", Json::array({"not running"})}});
  auto& p = *parts_;

  auto loaded = config::load_config(config_path_);
  for (auto& e : loaded.errors) errors.push_back(e.to_string());
  for (auto& w : loaded.warnings) warnings.push_back(w.to_string());
  if (loaded.ok()) {
    apply_overrides(*loaded.config, overrides_);
    for (auto& e : plugins::PluginSet::check_settings(*loaded.config)) errors.push_back(e);
  }
  if (errors.size() > 0) {
    log::error("server", "reload refused: " + std::to_string(errors.size()) + " error(s)");
    for (auto& e : errors) log::error("config", e.get<std::string>());
    (void)p.audit->record(actor, "config.reload", config_path_, errors.dump(), "refused");
    return Json::object({{"ok", false}, {"errors", errors}, {"warnings", warnings}});
  }
  config::Config& next = *loaded.config;
  const config::Config& cur = p.config;
  if (!same_server(next.server, cur.server) || next.storage.data_dir != cur.storage.data_dir ||
      next.storage.backend != cur.storage.backend ||
      next.storage.postgres.url != cur.storage.postgres.url ||
      next.storage.postgres.schema != cur.storage.postgres.schema ||
      next.storage.postgres.connections != cur.storage.postgres.connections ||
      next.storage.postgres.takeover_ms != cur.storage.postgres.takeover_ms) {
    warnings.push_back("server and storage changes take effect after a restart");
  }
  if (next.admin.token != cur.admin.token || next.sessions.secret != cur.sessions.secret) {
    warnings.push_back("admin.token and sessions.secret changes take effect after a restart");
  }
  auto robots = [](const config::DingTalkConfig& d) {
    std::string all;
    for (auto& r : d.group_robots) all += r.name + "|" + r.webhook + "|" + r.secret + ";";
    return all;
  };
  const auto& nd = next.dingtalk;
  const auto& cd = cur.dingtalk;
  if (nd.api_base != cd.api_base || nd.app_key != cd.app_key || nd.app_secret != cd.app_secret ||
      nd.corp_id != cd.corp_id || nd.agent_id != cd.agent_id ||
      nd.callback_token != cd.callback_token || nd.callback_aes_key != cd.callback_aes_key ||
      nd.owner_key != cd.owner_key || nd.card_route_key != cd.card_route_key ||
      nd.dev_login != cd.dev_login || robots(nd) != robots(cd) ||
      nd.api_v1_base != cd.api_v1_base || nd.ca_file != cd.ca_file || nd.mode != cd.mode ||
      nd.stream_ping_interval_ms != cd.stream_ping_interval_ms ||
      nd.stream_pong_timeout_ms != cd.stream_pong_timeout_ms ||
      nd.stream_reconnect_min_ms != cd.stream_reconnect_min_ms ||
      nd.stream_reconnect_max_ms != cd.stream_reconnect_max_ms) {
    warnings.push_back("dingtalk changes take effect after a restart");
  }
  if (next.calendar.files != cur.calendar.files) {
    warnings.push_back("calendar changes take effect after a restart");
  }
  Outcome dir = p.directory->load(next.directory.seed);
  if (!dir.ok()) warnings.push_back("directory not reloaded: " + dir.message());

  Json changes = Json::array();
  for (auto& c : p.plugins->apply(next)) {
    changes.push_back(Json::object({{"plugin", c.plugin}, {"action", c.action}, {"detail", c.detail}}));
    if (c.action != "unchanged") {
      (void)p.audit->record(actor, "plugin." + c.action, c.plugin, c.detail,
                            c.action == "failed" ? "error" : "ok");
    }
  }
  p.apps.refresh(*p.plugins);
  // Keep what cannot change at runtime; take the rest (plugin settings, robots, ...).
  next.server = cur.server;
  next.storage = cur.storage;
  next.admin = cur.admin;
  next.sessions = cur.sessions;
  next.dingtalk = cur.dingtalk;
  p.config = std::move(next);
  (void)p.audit->record(actor, "config.reload", config_path_, changes.dump(), "ok");
  log::info("server", "configuration reloaded by " + actor);
  // The other hosts on the database follow (catch_up); a reload that follows starts none.
  if (shares_database_ && actor != "cluster") {
    const std::string generation = storage::new_version();
    Outcome o = p.host_db->transaction([&](storage::Transaction& txn) {
      return storage::write_host_meta(txn, kConfigGeneration, generation);
    });
    if (o.ok()) {
      config_generation_ = generation;
    } else {
      warnings.push_back("the other hosts were not told to reload: " + o.message());
    }
  }
  return Json::object({{"ok", true}, {"changes", changes}, {"warnings", warnings}});
}

}  // namespace courthub
