// SPDX-License-Identifier: Apache-2.0
// The `access:` mapping of the lawyers plugin's settings.
#pragma once

#include <courthub/plugin.hpp>

#include <string>

namespace lawyers {

struct AccessSettings {};

// Reads `json` (the mapping at `pointer`) into `out`; problems go to `errors` by pointer.
void read_access_settings(const courthub::Json& json, const std::string& pointer, AccessSettings& out,
                        courthub::SettingsErrors& errors);

}  // namespace lawyers
