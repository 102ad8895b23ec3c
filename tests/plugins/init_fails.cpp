// SPDX-License-Identifier: Apache-2.0
// Test plugin: its activation fails (as when a resource it needs is missing).
#include <courthub/plugin.hpp>

struct InitFails {
  static constexpr std::string_view kName = "init_fails";
  static constexpr std::string_view kVersion = "0.0.1";
  explicit InitFails(courthub::Host&) {}
  void activate(courthub::Registrar&) {
    throw courthub::Unavailable("the archive share /mnt/archive is not mounted");
  }
};
COURTHUB_PLUGIN(InitFails)
