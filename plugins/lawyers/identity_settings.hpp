// SPDX-License-Identifier: Apache-2.0
// The `identity:` mapping of the lawyers plugin's settings.
#pragma once

#include <courthub/plugin.hpp>

#include <string>

namespace lawyers {

struct IdentitySettings {};

// Reads `json` (the mapping at `pointer`) into `out`; problems go to `errors` by pointer.
void read_identity_settings(const courthub::Json& json, const std::string& pointer, IdentitySettings& out,
                        courthub::SettingsErrors& errors);

}  // namespace lawyers
