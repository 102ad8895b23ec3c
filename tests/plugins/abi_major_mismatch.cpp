// SPDX-License-Identifier: Apache-2.0
// Test plugin: claims plugin ABI 2.0, a major this host does not speak.
#include <courthub/plugin.hpp>

struct AbiMajorMismatch {
  static constexpr std::string_view kName = "abi_major_mismatch";
  static constexpr std::string_view kVersion = "0.0.1";
  explicit AbiMajorMismatch(courthub::Host&) {}
};

extern "C" __attribute__((visibility("default"))) const ch_plugin_api* courthub_plugin_entry(
    uint32_t major, uint32_t minor) {
  static ch_plugin_api table = *courthub::detail::Glue<AbiMajorMismatch>::entry(major, minor);
  table.abi_major = CH_ABI_MAJOR + 1;
  table.abi_minor = 0;
  return &table;
}
