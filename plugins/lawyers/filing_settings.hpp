// SPDX-License-Identifier: Apache-2.0
// The `filings:` mapping of the lawyers plugin's settings: the file store's limit, the 立案
// decision period, each court's 案号代字 and where the court's review page lives.
#pragma once

#include <courthub/plugin.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace lawyers {

struct FilingSettings {
  // The largest upload (bytes). The demo server reads bodies up to 10 MiB (server.max_body_bytes).
  int64_t max_file_bytes = 10 * 1024 * 1024;
  // Calendar days the 立案庭 has to decide on a filing (立案登记制: 7).
  int decision_days = 7;
  // Court code -> 案号代字 ("LN-BC-SY-01" -> "辽0102"): accept numbers a case from these
  // without being given one. A court without an entry needs case_number in the accept body.
  std::map<std::string, std::string> case_codes;
  // The court's review page, linked from work notices; a filing's is page_url + "#/filings/<id>".
  // Give an absolute URL in production (DingTalk opens it from the notice).
  std::string page_url = "/apps/lawyers/ui/court.html";
};

// Reads `json` (the mapping at `pointer`, which read_settings has checked) into `out`;
// problems go to `errors` by pointer.
void read_filing_settings(const courthub::Json& json, const std::string& pointer,
                          FilingSettings& out, courthub::SettingsErrors& errors);

}  // namespace lawyers
