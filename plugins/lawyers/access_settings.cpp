// SPDX-License-Identifier: Apache-2.0
#include "access_settings.hpp"

namespace lawyers {

void read_access_settings(const courthub::Json& json, const std::string& pointer, AccessSettings&,
                        courthub::SettingsErrors& errors) {
  if (!json.is_null() && !json.is_object()) errors.add(pointer, "must be a mapping");
}

}  // namespace lawyers
