// SPDX-License-Identifier: Apache-2.0
// Where this courthub binary's own files are, offered to the configuration as two variables, so
// a configuration file finds them wherever it is copied (docs/configuration.md):
//   COURTHUB_BUNDLED_PLUGINS  the plugins built with this binary: <bin>/../lib/courthub/plugins
//                             when installed (/usr/lib/courthub/plugins), <build>/plugins in a
//                             build tree (the binary is <build>/bin/courthub)
//   COURTHUB_SHARE            its data, the demo directory seed among it: <bin>/../share/courthub
//                             (/usr/share/courthub; <build>/share/courthub in a build tree)
#pragma once

#include <string>

#include "host/config/env_expansion.hpp"

namespace courthub::config {

// `env`, with the two variables above answered from `executable`'s location when `env` leaves
// them unset (a value in the environment wins).
// Thread-safety: the returned Env reads the file system (is_directory) and calls `env`; safe to
// call from any thread. Errors: none; with no bundled plugin folder, the build-tree path is given.
Env with_bundled_paths(Env env, const std::string& executable);

// The process environment with the bundled paths of the running binary (/proc/self/exe): what
// load_config() uses by default.
Env host_env();

}  // namespace courthub::config
