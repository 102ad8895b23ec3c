// SPDX-License-Identifier: Apache-2.0
// The verbs of the `courthub` binary. Each takes the arguments after its name and returns the
// process exit code: 0 success, 1 the thing checked is wrong, 2 the command line is wrong.
#pragma once

#include <string>
#include <vector>

namespace courthub::cli {

using Args = std::vector<std::string>;

int serve(const Args& args);
int check_config(const Args& args);
int plugin(const Args& args);    // plugin check FILE.so
int simulate(const Args& args);  // simulate events|robot|card|login ...
int backup(const Args& args);    // backup DIR [--config FILE | --data-dir DATA]
int help(const Args& args);
int plugin_runner(const Args& args);  // hidden: started by the host for isolated plugins

// The default configuration file: $COURTHUB_CONFIG, else ./config/courthub.yaml when it exists,
// else /etc/courthub/courthub.yaml.
std::string default_config_path();

}  // namespace courthub::cli
