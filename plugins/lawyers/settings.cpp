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
  for (auto& [key, value] : json.items()) {
    if (key == "identity") read_identity_settings(value, "/identity", s.identity, errors);
    else if (key == "cases") read_case_settings(value, "/cases", s.cases, errors);
    else if (key == "filings") read_filing_settings(value, "/filings", s.filings, errors);
    else if (key == "access") read_access_settings(value, "/access", s.access, errors);
    else errors.add("/" + key, "unknown key; allowed keys: identity, cases, filings, access");
  }
  return s;
}

}  // namespace lawyers
