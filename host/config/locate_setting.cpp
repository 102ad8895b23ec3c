// SPDX-License-Identifier: Apache-2.0
// Points a plugin's settings error at the YAML line of the closest setting that exists.
#include "host/config/config.hpp"

namespace courthub::config {

Location locate_setting(const PluginConfig& plugin, const std::string& pointer) {
  // A plugin may complain about a value that is absent ("/rooms/3/capacity" when room 3 has no
  // capacity); the nearest enclosing value that is in the file is the most useful place to show.
  std::string prefix = pointer;
  while (true) {
    auto found = plugin.settings_locations.find(prefix);
    if (found != plugin.settings_locations.end()) return found->second;
    if (prefix.empty()) break;
    size_t slash = prefix.rfind('/');
    prefix.resize(slash == std::string::npos ? 0 : slash);
  }
  return plugin.location;
}

}  // namespace courthub::config
