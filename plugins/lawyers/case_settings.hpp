// SPDX-License-Identifier: Apache-2.0
// The `cases:` mapping of the lawyers plugin's settings.
#pragma once

#include <courthub/plugin.hpp>

#include <string>

namespace lawyers {

struct CaseSettings {
  // Time a lawyer needs between hearings at two different courts (排期避让), on each side of a
  // hearing. 0 checks plain overlaps only.
  int travel_buffer_minutes = 60;
};

// Reads `json` (the mapping at `pointer`, which read_settings has checked) into `out`;
// problems go to `errors` by pointer.
void read_case_settings(const courthub::Json& json, const std::string& pointer, CaseSettings& out,
                        courthub::SettingsErrors& errors);

}  // namespace lawyers
