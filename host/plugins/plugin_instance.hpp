// SPDX-License-Identifier: Apache-2.0
// One live plugin instance: its registrations, its calls, and its orderly end.
//
// Lifecycle (control thread): configure() -> activate() -> ... -> retire(). Calls (any thread)
// enter only between activate and retire; retire() stops new calls, waits for the ones in
// flight (abandoned ones included), then destroys the plugin object. The library stays mapped
// (see plugin_library.hpp).
//
// Plugin code runs on the instance's CallLane (call_lane.hpp): at most limits.max_concurrent
// calls at once (one for a plugin that did not declare itself thread-safe), limits.max_queued
// more waiting; HTTP routes, commands and card actions wait for at most limits.deadline_ms and
// are refused when the lane is full. Events and jobs are never refused nor abandoned (the inbox
// and the scheduler need their real outcome); past the deadline they are only counted.
// configure/activate/retire run on the control thread, outside the lane and its deadline.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "courthub/plugin_abi.h"
#include "host/config/config.hpp"
#include "host/outcome.hpp"
#include "host/plugins/call_lane.hpp"
#include "host/plugins/call_stats.hpp"
#include "host/plugins/plugin_library.hpp"
#include "host/plugins/route_table.hpp"
#include "host/plugins/services.hpp"

namespace courthub::plugins {
class PluginInstance;
}

// The opaque handles of plugin_abi.h, as the host defines them.
struct ch_host {
  courthub::plugins::PluginInstance* instance;
};
struct ch_reply {
  int32_t status = 200;
  std::string content_type;
  std::string body;
  bool has_body = false;
  std::string title;  // a command reply's title (reply_title)
  std::vector<std::pair<std::string, std::string>> headers;
  std::string header(std::string_view name) const {
    for (auto& [k, v] : headers)
      if (k == name) return v;
    return {};
  }
};

namespace courthub::plugins {

struct SettingsError {
  std::string pointer;  // JSON pointer into the plugin's settings
  std::string message;
  config::Location location;
  std::string to_string(const std::string& plugin) const;  // "file:line: plugins.<name>.settings<ptr>: msg"
};

struct CommandRegistration {
  std::string name, usage, summary;
  uint64_t handler;
};
struct CardActionRegistration {
  std::string action;
  uint64_t handler;
};
struct Subscription {
  std::string topic;
  uint64_t handler;
};
struct JobRegistration {
  std::string name, cron, time_zone;
  uint64_t handler;
};

// What a call into the plugin ended with.
struct CallResult {
  ch_status status = CH_OK;
  std::string error;  // the plugin's last_error when status != CH_OK
  // Host-side endings (status CH_UNAVAILABLE, `error` says which): the caller stopped waiting at
  // the deadline (504 deadline_exceeded), or the plugin's lane was full (503 busy, Retry-After).
  bool deadline_exceeded = false;
  bool rejected = false;
  int64_t deadline_ms = 0;  // the deadline that applied, for the caller's message
  bool ok() const { return status == CH_OK; }
};

// One plugin's calls right now and since the host started (CallStats), for /admin/plugins.
struct CallReport {
  int in_flight = 0;  // running on the lane, abandoned ones included
  int queued = 0;     // waiting for a lane thread
  CallStats::Counts counts;
  bool slow = false;
  config::PluginLimits limits;  // as applied: max_concurrent is 1 for a non-thread-safe plugin
};

class PluginInstance {
 public:
  // `stats` counts this plugin's calls across its instances; nullptr = counts of its own.
  PluginInstance(std::shared_ptr<const PluginLibrary> library, config::PluginConfig config,
                 Services* services, std::shared_ptr<CallStats> stats = nullptr);
  ~PluginInstance();
  PluginInstance(const PluginInstance&) = delete;
  PluginInstance& operator=(const PluginInstance&) = delete;

  // Creates the plugin object and hands it its settings. On InvalidArgument, settings_errors()
  // holds each problem with its place in the configuration file.
  Outcome configure();
  const std::vector<SettingsError>& settings_errors() const { return settings_errors_; }

  // Asked during activate before a command or card action is accepted, so one owned by another
  // enabled plugin is refused with Conflict right at registration.
  using ClaimCheck = std::function<Outcome(std::string_view kind, std::string_view name)>;
  void set_claim_check(ClaimCheck check) { claim_check_ = std::move(check); }

  // Migrations and registrations; afterwards the instance takes calls.
  Outcome activate();

  // Stops taking calls, drains the ones in flight, destroys the plugin object. Idempotent.
  void retire();

  const std::string& name() const { return library_->name; }
  const PluginLibrary& library() const { return *library_; }
  const config::PluginConfig& config() const { return config_; }
  bool live() const { return state_.load() == State::Live; }
  // How many calls are inside the plugin (or waiting for its turn) right now; retire() waits
  // for this to reach 0. Any thread; a snapshot.
  int in_flight() const {
    std::lock_guard lock(drain_mu_);
    return in_flight_;
  }

  // Any thread; a snapshot.
  CallReport call_report() const;

  const RouteTable& routes() const { return routes_; }
  const std::vector<CommandRegistration>& commands() const { return commands_; }
  const std::vector<CardActionRegistration>& card_actions() const { return card_actions_; }
  const std::vector<Subscription>& subscriptions() const { return subscriptions_; }
  const std::vector<JobRegistration>& jobs() const { return jobs_; }

  CallResult http(uint64_t handler, const ch_http_request& request, ch_reply& reply);
  CallResult command(uint64_t handler, const ch_command& command, ch_reply& reply);
  CallResult card_action(uint64_t handler, const ch_card_action& action, ch_reply& reply);
  CallResult event(uint64_t handler, const ch_event& event);
  CallResult job(uint64_t handler, const ch_job& job);

  // --- used by the host table (host_api.cpp) ---
  Services* services() const { return services_; }
  bool activating() const { return activating_; }
  void add_settings_error(std::string pointer, std::string message);
  // `audience` "" = a staff route; else a portal route for that audience's outside sessions.
  Outcome register_route(std::string_view method, std::string_view pattern, uint64_t handler,
                         std::string_view audience = {});
  Outcome register_command(std::string_view name, std::string_view usage,
                           std::string_view summary, uint64_t handler);
  Outcome register_card_action(std::string_view action, uint64_t handler);
  Outcome subscribe(std::string_view topic, uint64_t handler);
  Outcome schedule(std::string_view name, std::string_view cron, std::string_view time_zone,
                   uint64_t handler);

 private:
  enum class State { Created, Configured, Live, Retiring, Retired };

  // Runs `fn` (returning the plugin's ch_status) on the lane. `fn` must own what it reads when
  // `mode` is Request (see CallCopies). `what` names the call in the deadline warning.
  template <class F>
  CallResult call(F&& fn, CallLane::Mode mode, const char* what);
  void call_ended();
  std::string plugin_error();

  std::shared_ptr<const PluginLibrary> library_;
  config::PluginConfig config_;
  Services* services_;
  ch_host host_{this};
  ch_plugin* plugin_ = nullptr;

  std::atomic<State> state_{State::Created};
  bool configuring_ = false;
  bool activating_ = false;
  std::vector<SettingsError> settings_errors_;

  RouteTable routes_;
  std::vector<CommandRegistration> commands_;
  std::vector<CardActionRegistration> card_actions_;
  std::vector<Subscription> subscriptions_;
  std::vector<JobRegistration> jobs_;
  ClaimCheck claim_check_;

  std::shared_ptr<CallStats> stats_;
  std::unique_ptr<CallLane> lane_;
  mutable std::mutex drain_mu_;
  std::condition_variable drained_;
  int in_flight_ = 0;
};

// The host table handed to every plugin.
const ch_host_api* host_api();

}  // namespace courthub::plugins
