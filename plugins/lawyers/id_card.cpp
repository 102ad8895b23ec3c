// SPDX-License-Identifier: Apache-2.0
#include "id_card.hpp"

#include <chrono>

namespace lawyers {

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int number_of(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

char id_card_check_char(std::string_view first17) {
  // GB 11643: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 written as X.
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  if (first17.size() != 17 || !all_digits(first17)) return '?';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

std::string normalize_id_card(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string out(text);
  if (!out.empty() && out.back() == 'x') out.back() = 'X';
  return out;
}

std::optional<std::string> id_card_problem(std::string_view number, int today_yyyymmdd) {
  if (number.size() != 18) return "must be 18 characters (居民身份证号码)";
  if (!all_digits(number.substr(0, 17)) ||
      !(all_digits(number.substr(17)) || number[17] == 'X'))
    return "must be 17 digits and a final digit or X";
  const int birth = number_of(number.substr(6, 8));
  const std::chrono::year_month_day date{
      std::chrono::year(birth / 10000), std::chrono::month(static_cast<unsigned>(birth / 100 % 100)),
      std::chrono::day(static_cast<unsigned>(birth % 100))};
  if (!date.ok() || birth < 19000101 || birth >= today_yyyymmdd)
    return "characters 7-14 must be a real birth date (YYYYMMDD)";
  if (id_card_check_char(number.substr(0, 17)) != number[17])
    return "the check digit (the last character) does not match: please check the number";
  return std::nullopt;
}

}  // namespace lawyers
