// SPDX-License-Identifier: Apache-2.0
// The plugin's settings: one mapping per part under the plugin's `settings:` (identity, cases,
// filings, access). Every field has a default that makes the demo work; docs/lawyers.md lists
// them.
#pragma once

#include <courthub/plugin.hpp>

#include "access_settings.hpp"
#include "case_settings.hpp"
#include "filing_settings.hpp"
#include "identity_settings.hpp"

namespace lawyers {

struct Settings {
  IdentitySettings identity;
  CaseSettings cases;
  FilingSettings filings;
  AccessSettings access;
};

// Reads every part's mapping; problems are reported by JSON pointer (the host adds file:line).
// An unknown top-level key is an error naming the allowed ones.
Settings read_settings(const courthub::Json& json, courthub::SettingsErrors& errors);

}  // namespace lawyers
