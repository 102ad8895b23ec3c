// SPDX-License-Identifier: Apache-2.0
// `courthub plugin-runner --fd N --channels K`: the process an isolated plugin runs in. Hidden
// from `courthub help`: only the host starts it (host/plugins/runner_process.hpp).
#include <cstdio>

#include "host/cli/verbs.hpp"
#include "host/plugins/plugin_runner.hpp"

namespace courthub::cli {

int plugin_runner(const Args& args) {
  auto fds = plugins::runner_fds_from_args(args);
  if (!fds) {
    std::fprintf(stderr, "courthub plugin-runner: %s\n", fds.outcome().message().c_str());
    return 2;
  }
  return plugins::run_plugin_runner(*fds);
}

}  // namespace courthub::cli
