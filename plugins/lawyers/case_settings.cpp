// SPDX-License-Identifier: Apache-2.0
#include "case_settings.hpp"

namespace lawyers {

void read_case_settings(const courthub::Json& json, const std::string& pointer, CaseSettings& out,
                        courthub::SettingsErrors& errors) {
  for (auto& [key, value] : json.items()) {
    if (key == "travel_buffer_minutes") {
      // A day is more than any journey between two courts of one province.
      if (!value.is_number_integer() || value.get<int64_t>() < 0 || value.get<int64_t>() > 1440)
        errors.add(pointer + "/travel_buffer_minutes", "must be whole minutes from 0 to 1440");
      else
        out.travel_buffer_minutes = value.get<int>();
    } else {
      errors.add(pointer + "/" + key, "unknown key; allowed keys: travel_buffer_minutes");
    }
  }
}

}  // namespace lawyers
