// SPDX-License-Identifier: Apache-2.0
#include "case_settings.hpp"

namespace lawyers {

void read_case_settings(const courthub::Json& json, const std::string& pointer, CaseSettings&,
                        courthub::SettingsErrors& errors) {
  if (!json.is_null() && !json.is_object()) errors.add(pointer, "must be a mapping");
}

}  // namespace lawyers
