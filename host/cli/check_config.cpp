// SPDX-License-Identifier: Apache-2.0
// `courthub check-config FILE`: every error in a configuration, with file:line, and exit 1.
#include <cstdio>

#include "host/cli/verbs.hpp"
#include "host/config/config_loader.hpp"
#include "host/plugins/plugin_set.hpp"

namespace courthub::cli {

int check_config(const Args& args) {
  if (args.size() != 1) {
    std::fprintf(stderr, "usage: courthub check-config FILE\n");
    return 2;
  }
  auto loaded = config::load_config(args[0]);
  for (auto& w : loaded.warnings) std::fprintf(stderr, "warning: %s\n", w.to_string().c_str());
  std::vector<std::string> errors;
  for (auto& e : loaded.errors) errors.push_back(e.to_string());
  if (loaded.ok()) {
    for (auto& e : plugins::PluginSet::check_settings(*loaded.config)) errors.push_back(e);
  }
  for (auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (!errors.empty()) {
    std::fprintf(stderr, "%s: %zu error(s)\n", args[0].c_str(), errors.size());
    return 1;
  }
  size_t enabled = 0;
  for (auto& p : loaded.config->plugins) enabled += p.enabled ? 1 : 0;
  std::printf("%s: OK (%zu plugin(s) enabled, %zu warning(s))\n", loaded.config->file.c_str(),
              enabled, loaded.warnings.size());
  // Which file each plugin is, since a folder early on plugin_search_path can shadow another.
  for (auto& p : loaded.config->plugins)
    if (p.enabled) std::printf("  %s: %s\n", p.name.c_str(), p.file.c_str());
  return 0;
}

}  // namespace courthub::cli
