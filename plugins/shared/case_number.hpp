// SPDX-License-Identifier: Apache-2.0
// The case number (案号), as every court writes it: （2026）辽0102民初123号. Shared by the plugins
// that name cases (rooms' hearings, lawyers' case registry), so one number means one case
// everywhere.
//
// Threading: pure functions, any thread. Errors: none thrown; a refusal says why.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace court {

// A case number such as （2026）辽0102民初123号: year in brackets, province, optional court
// digits, case type, sequence, 号 (and an optional 之一 suffix). ASCII brackets are accepted and
// normalised to full-width.
struct CaseNumber {
  int year = 0;
  std::string province;  // 辽 (or 最高法 for the Supreme People's Court)
  std::string court;     // 0102 (may be empty for a high court: （2026）辽民终5号)
  std::string type;      // 民初
  int sequence = 0;
  std::string text;  // normalised: （2026）辽0102民初123号
};

// Returns the parsed number, or nullopt with `why` (when not null) set to a sentence in Chinese
// that says what is wrong and shows an example.
std::optional<CaseNumber> parse_case_number(std::string_view text, std::string* why);

// Whether `abbreviation` (one character, UTF-8) is a province's abbreviation in case numbers
// (辽, 京 ..., and 兵 for the 兵团 courts).
bool is_province_abbreviation(std::string_view abbreviation);

}  // namespace court
