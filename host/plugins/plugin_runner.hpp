// SPDX-License-Identifier: Apache-2.0
// The runner process's side of process isolation (`courthub plugin-runner`, started by the
// host; see runner_process.hpp). It loads one plugin library with load_plugin_library (pin
// check, ABI handshake), then serves the host's calls into the plugin, one thread per call
// channel, and forwards every call the plugin makes to the host table back to the host.
// reply_* build the reply here; it travels back with the call's result.
//
// Threading: one thread per call channel; a host call made on another thread of the plugin
// uses the runner's own channel, one at a time. Errors: the process exits when a channel
// reaches EOF (the host stopped it or died) or carries something it cannot decode.
#pragma once

#include "host/plugins/runner_process.hpp"

namespace courthub::plugins {

// Never returns normally: the process ends when the host closes the channels.
int run_plugin_runner(const RunnerProcess& fds);

}  // namespace courthub::plugins
