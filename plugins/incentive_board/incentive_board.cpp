// SPDX-License-Identifier: Apache-2.0
// Placeholder: the plugin engineer writes the plugin class (see /work/wt/COMMON.md).
#include <courthub/plugin.hpp>

class IncentiveBoard {
 public:
  static constexpr std::string_view kName = "incentive_board";
  static constexpr std::string_view kVersion = "0.1.0";
  static constexpr std::string_view kDescription = "双激励通报: daily indicators, scores and standings";
  explicit IncentiveBoard(courthub::Host&) {}
};
COURTHUB_PLUGIN(IncentiveBoard)
