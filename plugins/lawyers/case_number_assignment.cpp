// SPDX-License-Identifier: Apache-2.0
// Case numbers for accepted filings, from a counter per court, year and type.
#include "case_number_assignment.hpp"

#include <courthub/time.hpp>

#include "filing.hpp"

namespace lawyers {
namespace {

constexpr std::string_view kOpen = "（";   // full-width parentheses, as 案号 are written
constexpr std::string_view kClose = "）";
constexpr std::string_view kEnd = "号";

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::string format_case_number(int year, std::string_view court_word, std::string_view type_code,
                               int64_t n) {
  return std::string(kOpen) + std::to_string(year) + std::string(kClose) +
         std::string(court_word) + std::string(type_code) + std::to_string(n) +
         std::string(kEnd);
}

std::optional<int64_t> case_serial_of(std::string_view number, int year,
                                      std::string_view court_word, std::string_view type_code) {
  const std::string prefix = std::string(kOpen) + std::to_string(year) + std::string(kClose) +
                             std::string(court_word) + std::string(type_code);
  if (!number.starts_with(prefix) || !number.ends_with(kEnd)) return std::nullopt;
  std::string_view n = number.substr(prefix.size(), number.size() - prefix.size() - kEnd.size());
  if (!all_digits(n) || n.size() > 9 || n[0] == '0') return std::nullopt;
  return std::stoll(std::string(n));
}

bool looks_like_case_number(std::string_view number) {
  if (!number.starts_with(kOpen)) return false;
  number.remove_prefix(kOpen.size());
  if (number.size() < 4 || !all_digits(number.substr(0, 4))) return false;
  number.remove_prefix(4);
  if (!number.starts_with(kClose) || !number.ends_with(kEnd)) return false;
  number.remove_prefix(kClose.size());
  number.remove_suffix(kEnd.size());
  size_t digits = 0;
  while (digits < number.size() && number[number.size() - 1 - digits] >= '0' &&
         number[number.size() - 1 - digits] <= '9')
    ++digits;
  return digits > 0 && digits < number.size();  // a word and type before the serial
}

int64_t next_case_serial(const courthub::Sql& tx, const std::string& court_code, int year,
                         const std::string& type_code) {
  auto row = tx.one(
      "INSERT INTO case_number_serials (court_code, year, type_code, last_n) VALUES (?, ?, ?, 1) "
      "ON CONFLICT (court_code, year, type_code) DO UPDATE SET last_n = case_number_serials.last_n "
      "+ 1 RETURNING last_n",
      {court_code, year, type_code});
  return row->integer("last_n");
}

void note_case_serial(const courthub::Sql& tx, const std::string& court_code, int year,
                      const std::string& type_code, int64_t n) {
  tx.exec(
      "INSERT INTO case_number_serials (court_code, year, type_code, last_n) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (court_code, year, type_code) DO UPDATE SET last_n = CASE WHEN "
      "case_number_serials.last_n < excluded.last_n THEN excluded.last_n ELSE "
      "case_number_serials.last_n END",
      {court_code, year, type_code, n});
}

std::string assign_case_number(const courthub::Sql& tx, const FilingSettings& settings,
                               const std::string& court_code, const std::string& case_type,
                               int64_t now_ms, const std::string& given) {
  const int year = static_cast<int>(courthub::time::local_date(now_ms).year());
  const std::string type_code = case_type_code(case_type);
  auto word = settings.case_codes.find(court_code);
  if (!given.empty()) {
    if (!looks_like_case_number(given))
      throw courthub::InvalidArgument(
          "case_number: '" + given + "' is not a 案号 such as （2026）辽0102民初12号",
          courthub::Json::object({{"fields", {{"case_number", "is not a 案号"}}}}));
    if (word != settings.case_codes.end())
      if (auto n = case_serial_of(given, year, word->second, type_code))
        note_case_serial(tx, court_code, year, type_code, *n);
    return given;
  }
  if (word == settings.case_codes.end())
    throw courthub::InvalidArgument(
        "court " + court_code + " has no 案号代字 in the settings (filings.case_codes): give "
        "case_number",
        courthub::Json::object({{"fields", {{"case_number", "is required at this court"}}}}));
  return format_case_number(year, word->second, type_code,
                            next_case_serial(tx, court_code, year, type_code));
}

}  // namespace lawyers
