// SPDX-License-Identifier: Apache-2.0
#include "filing_settings.hpp"

namespace lawyers {

void read_filing_settings(const courthub::Json& json, const std::string& pointer, FilingSettings&,
                        courthub::SettingsErrors& errors) {
  if (!json.is_null() && !json.is_object()) errors.add(pointer, "must be a mapping");
}

}  // namespace lawyers
