// SPDX-License-Identifier: Apache-2.0
#include "licence_number.hpp"

namespace lawyers {

std::string normalize_licence_no(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

std::optional<std::string> licence_no_problem(std::string_view number) {
  for (char c : number)
    if (c < '0' || c > '9') return "must be digits only (执业证号)";
  if (number.size() == 17) {
    if (number[0] != '1') return "a 17-digit licence number starts with 1 (律师执业证)";
    return std::nullopt;
  }
  if (number.size() == 12) return std::nullopt;
  return "must be 17 digits (or 12 for an older certificate)";
}

}  // namespace lawyers
