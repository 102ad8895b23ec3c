// SPDX-License-Identifier: Apache-2.0
// A plugin that runs in a runner process (`isolation: process`), seen by the host as an
// ordinary PluginLibrary: its `api` table forwards every ch_plugin_api call to the runner over a
// Unix socket, and the runner forwards every ch_host_api call back, which this side runs with the
// real host table (host_api.cpp). PluginInstance and everything above it cannot tell.
//
// Concurrency: the runner has a fixed pool of call channels (runner.channels), each served by
// one thread there; a call takes a free channel for its whole length, nested calls included (a
// db_transaction body travels back down the channel of the call that opened it, even when the
// host's group commit runs it on another thread: the caller's thread is then parked inside the
// transaction and does not touch the channel). With every channel busy a call waits for one.
//
// Crashes: a runner that exits, is killed by a signal, or sends a frame that does not decode
// (it is then killed) fails only the calls in flight, and every call until it is back, with
// CH_UNAVAILABLE and a message naming the plugin. A supervisor thread restarts it after a
// back-off (runner.backoff_initial_ms doubling up to runner.backoff_max_ms) and re-creates,
// configures and activates the plugin there; the registrations of that activation must equal
// the first ones or the plugin is disabled. After runner.max_crashes crashes within
// runner.window_s the plugin is disabled until the configuration is applied again.
//
// Threading: every function may be called from any thread; the status is a snapshot.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "host/config/config.hpp"
#include "host/outcome.hpp"
#include "host/plugins/plugin_library.hpp"

namespace courthub::plugins {

// What /admin/plugins shows under "isolation".
struct IsolationStatus {
  std::string mode = "in_process";  // in_process | process
  int runner_pid = 0;               // 0 = none
  uint64_t restarts = 0;
  uint64_t crashes = 0;
  std::string state = "none";       // starting | running | restarting | disabled | stopped | none
  std::string last_crash;           // "signal 11 (Segmentation fault)", "" = none
  std::string disabled_reason;      // when state is disabled
};

// A runner's life, for metrics and the audit log. Called on the supervisor thread.
struct RunnerEvent {
  enum class Kind { Started, Crashed, Restarted, Disabled };
  Kind kind;
  std::string plugin;
  std::string detail;  // how it ended, or why it was disabled
};
using RunnerEvents = std::function<void(const RunnerEvent&)>;

class RemotePlugin;

// Starts a runner for `pc`, which loads the library there (pin check, ABI handshake), and
// returns the forwarding library. Errors: those of load_plugin_library, as the runner reports
// them; Error when the runner cannot be started. `events` may be empty.
Expected<std::shared_ptr<const PluginLibrary>> open_remote_plugin(const config::PluginConfig& pc,
                                                                  RunnerEvents events);

// The isolation status of `library`: {"in_process"} unless it came from open_remote_plugin.
IsolationStatus isolation_status(const PluginLibrary& library);

}  // namespace courthub::plugins
