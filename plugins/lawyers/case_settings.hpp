// SPDX-License-Identifier: Apache-2.0
// The `cases:` mapping of the lawyers plugin's settings.
#pragma once

#include <courthub/plugin.hpp>

#include <string>

namespace lawyers {

struct CaseSettings {};

// Reads `json` (the mapping at `pointer`) into `out`; problems go to `errors` by pointer.
void read_case_settings(const courthub::Json& json, const std::string& pointer, CaseSettings& out,
                        courthub::SettingsErrors& errors);

}  // namespace lawyers
