// SPDX-License-Identifier: Apache-2.0
// The 案号 the 立案庭 gives a filing it accepts: （YYYY）<代字><type code><n>号, n the next
// serial of that court, year and type (（2026）辽0102民初12号).
//
// Threading: any handler thread; next_case_serial runs inside the caller's transaction, so two
// accepts never take the same n. Errors: see each function.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "filing_settings.hpp"

namespace lawyers {

// "（2026）辽0102民初12号". No errors.
std::string format_case_number(int year, std::string_view court_word, std::string_view type_code,
                               int64_t n);

// The serial n of `number` if it is of the given year, court word and type code; nullopt
// otherwise. No errors.
std::optional<int64_t> case_serial_of(std::string_view number, int year,
                                      std::string_view court_word, std::string_view type_code);

// Whether `number` has the shape of a 案号: （YYYY）, then text, then a serial and 号. No errors.
bool looks_like_case_number(std::string_view number);

// Takes the next serial for (court, year, type code): 1 for the first. Inside `tx`.
int64_t next_case_serial(const courthub::Sql& tx, const std::string& court_code, int year,
                         const std::string& type_code);
// Records that serial `n` is taken (a number the 立案庭 gave by hand), so the next is above it.
void note_case_serial(const courthub::Sql& tx, const std::string& court_code, int year,
                      const std::string& type_code, int64_t n);

// The number for a case of `case_type` accepted at `court_code` at `now_ms` (the year in
// Asia/Shanghai): the given one (checked, and its serial noted) or the next from the court's
// 代字 in `settings.case_codes`. Inside `tx`. Errors: InvalidArgument when `given` is not a
// 案号, or when none is given and the court has no 代字 in filings.case_codes.
std::string assign_case_number(const courthub::Sql& tx, const FilingSettings& settings,
                               const std::string& court_code, const std::string& case_type,
                               int64_t now_ms, const std::string& given);

}  // namespace lawyers
