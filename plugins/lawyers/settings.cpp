// SPDX-License-Identifier: Apache-2.0
#include "settings.hpp"

namespace lawyers {

Settings read_settings(const courthub::Json& json, courthub::SettingsErrors& errors) {
  Settings s;
  if (json.is_null()) return s;
  if (!json.is_object()) {
    errors.add("", "must be a mapping with identity, cases, filings and access");
    return s;
  }
  static const courthub::Json kNothing = courthub::Json::object();
  for (auto& [key, value] : json.items()) {
    const std::string at = "/" + key;
    if (key != "identity" && key != "cases" && key != "filings" && key != "access") {
      errors.add(at, "unknown key; allowed keys: identity, cases, filings, access");
      continue;
    }
    // Each part's reader gets a mapping: checked here once, `key:` alone reads as empty.
    if (!value.is_null() && !value.is_object()) {
      errors.add(at, "must be a mapping");
      continue;
    }
    const courthub::Json& block = value.is_null() ? kNothing : value;
    if (key == "identity") read_identity_settings(block, at, s.identity, errors);
    else if (key == "cases") read_case_settings(block, at, s.cases, errors);
    else if (key == "filings") read_filing_settings(block, at, s.filings, errors);
    else read_access_settings(block, at, s.access, errors);
  }
  return s;
}

}  // namespace lawyers
