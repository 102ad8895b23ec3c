// SPDX-License-Identifier: Apache-2.0
// The set of configured plugins: which are live, which failed and why, and reconfiguration.
//
// Threading: lookups (live, live_all, status) from any thread; apply and retire_all from the
// control thread, one at a time. A plugin is swapped, never edited: a reconfigured plugin gets a
// new instance that is activated first, then published, then the old one drains and retires,
// so requests in flight finish on the instance they started on.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "host/config/config.hpp"
#include "host/plugins/plugin_instance.hpp"
#include "host/plugins/plugin_library.hpp"
#include "host/plugins/remote_plugin.hpp"
#include "host/plugins/services.hpp"

namespace courthub::plugins {

struct PluginStatus {
  std::string name;
  std::string file;
  std::string version;
  std::string abi;
  std::string state;  // active | disabled | error
  std::string error;  // why, when state is error (or when a reconfiguration was refused)
  std::string description;
  std::string sha256;
  bool thread_safe = false;
  size_t routes = 0, commands = 0, card_actions = 0, subscriptions = 0, jobs = 0;
  int in_flight = 0;  // calls inside the live instance right now (or waiting for their turn)
  CallReport calls;   // its lane now and its counts since start (all its instances)
  IsolationStatus isolation;
};

struct PluginChange {
  std::string plugin;
  std::string action;  // enabled | disabled | reconfigured | unchanged | failed | removed
  std::string detail;
};

class PluginSet {
 public:
  explicit PluginSet(Services* services) : services_(services) {}
  ~PluginSet() { retire_all(); }
  PluginSet(const PluginSet&) = delete;
  PluginSet& operator=(const PluginSet&) = delete;

  // Brings the live plugins in line with `cfg`. A plugin that fails to load, configure or
  // activate is shown in the error state with one log line; the others keep serving.
  std::vector<PluginChange> apply(const config::Config& cfg);

  std::shared_ptr<PluginInstance> live(std::string_view name) const;
  std::vector<std::shared_ptr<PluginInstance>> live_all() const;
  std::vector<PluginStatus> status() const;
  void retire_all();

  // Called after every apply() that changed the live set (the scheduler re-reads its jobs).
  void on_change(std::function<void()> listener) { listeners_.push_back(std::move(listener)); }

  // Receives the runner events of isolated plugins (started, crashed, restarted, disabled) on
  // their supervisor threads; nullptr stops them, waiting for one being delivered. Any thread.
  void set_runner_events(RunnerEvents events);

  // Loads each enabled plugin and validates its settings without activating it. One message
  // per problem, each with file:line. For `check-config` and before a reload.
  static std::vector<std::string> check_settings(const config::Config& cfg);

  // The library of `pc`: loaded here, or behind a runner process for `isolation: process`.
  static Expected<std::shared_ptr<const PluginLibrary>> open_library(
      const config::PluginConfig& pc, RunnerEvents events = {});

 private:
  struct Slot {
    config::PluginConfig config;
    std::shared_ptr<PluginInstance> live;
    std::string state = "disabled";
    std::string error;
    std::shared_ptr<const PluginLibrary> library;
  };

  // Loads, configures and activates a new instance of `pc`; fills `error` on failure.
  std::shared_ptr<PluginInstance> start(const config::PluginConfig& pc, std::string& error,
                                        std::shared_ptr<const PluginLibrary>& library);
  Outcome claim(std::string_view owner, std::string_view kind, std::string_view name) const;
  // The plugin's call counters, made on first use and kept for the host's life.
  std::shared_ptr<CallStats> stats_for(const std::string& plugin);

  Services* services_;
  mutable std::shared_mutex mu_;
  std::map<std::string, Slot> slots_;
  std::map<std::string, std::shared_ptr<CallStats>> stats_;
  std::mutex apply_mu_;
  std::vector<std::function<void()>> listeners_;
  std::mutex events_mu_;
  RunnerEvents runner_events_;
};

}  // namespace courthub::plugins
