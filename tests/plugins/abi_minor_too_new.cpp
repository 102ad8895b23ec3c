// SPDX-License-Identifier: Apache-2.0
// Test plugin: built against a newer minor of the ABI than this host speaks.
#include <courthub/plugin.hpp>

struct AbiMinorTooNew {
  static constexpr std::string_view kName = "abi_minor_too_new";
  static constexpr std::string_view kVersion = "0.0.1";
  explicit AbiMinorTooNew(courthub::Host&) {}
};

extern "C" __attribute__((visibility("default"))) const ch_plugin_api* courthub_plugin_entry(
    uint32_t major, uint32_t minor) {
  static ch_plugin_api table = *courthub::detail::Glue<AbiMinorTooNew>::entry(major, minor);
  table.abi_minor = CH_ABI_MINOR + 1;
  return &table;
}
