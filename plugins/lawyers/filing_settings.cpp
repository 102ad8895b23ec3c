// SPDX-License-Identifier: Apache-2.0
#include "filing_settings.hpp"

namespace lawyers {

using courthub::Json;

void read_filing_settings(const Json& json, const std::string& pointer, FilingSettings& out,
                          courthub::SettingsErrors& errors) {
  for (auto& [key, value] : json.items()) {
    const std::string at = pointer + "/" + key;
    if (key == "max_file_bytes") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1)
        errors.add(at, "must be a positive number of bytes");
      else
        out.max_file_bytes = value.get<int64_t>();
    } else if (key == "decision_days") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 90)
        errors.add(at, "must be a number of days from 1 to 90");
      else
        out.decision_days = value.get<int>();
    } else if (key == "case_codes") {
      if (!value.is_object()) {
        errors.add(at, "must be a mapping of court code to 案号代字, e.g. LN-BC-SY-01: 辽0102");
        continue;
      }
      for (auto& [court, code] : value.items()) {
        if (!code.is_string() || code.get<std::string>().empty())
          errors.add(at + "/" + court, "must be the court's 案号代字, e.g. 辽0102");
        else
          out.case_codes[court] = code.get<std::string>();
      }
    } else if (key == "page_url") {
      if (!value.is_string() || value.get<std::string>().empty())
        errors.add(at, "must be the URL of the court's review page");
      else
        out.page_url = value.get<std::string>();
    } else {
      errors.add(at, "unknown key; allowed keys: max_file_bytes, decision_days, case_codes, "
                     "page_url");
    }
  }
}

}  // namespace lawyers
