// SPDX-License-Identifier: Apache-2.0
// Test plugin: built against an older minor of this major (2.0), which this host still loads.
#include <courthub/plugin.hpp>

struct AbiMinorOlder {
  static constexpr std::string_view kName = "abi_minor_older";
  static constexpr std::string_view kVersion = "0.0.1";
  explicit AbiMinorOlder(courthub::Host&) {}
};

extern "C" __attribute__((visibility("default"))) const ch_plugin_api* courthub_plugin_entry(
    uint32_t major, uint32_t minor) {
  static ch_plugin_api table = *courthub::detail::Glue<AbiMinorOlder>::entry(major, minor);
  table.abi_minor = 0;
  return &table;
}
