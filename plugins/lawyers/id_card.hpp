// SPDX-License-Identifier: Apache-2.0
// The resident identity card number (居民身份证号码, GB 11643-1999): 18 characters, a 6-digit
// area code, the birth date YYYYMMDD, a 3-digit sequence and an ISO 7064 MOD 11-2 check
// character (0-9 or X).
//
// Threading: plain functions. Errors: none thrown; problems are returned as text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lawyers {

// The check character (0-9 or 'X') of the first 17 digits of a number. `first17` must be 17
// ASCII digits; anything else gives '?'.
char id_card_check_char(std::string_view first17);

// The number in its stored form: surrounding spaces dropped, a lower-case 'x' upper-cased.
std::string normalize_id_card(std::string_view text);

// Why `number` (normalized) is not a valid ID number, in words a person can act on, or nullopt
// when it is valid: 18 characters, digits but a final X, a real birth date between 1900-01-01
// and `today_yyyymmdd` (a person born today or later cannot hold a licence either), and the
// right check character.
std::optional<std::string> id_card_problem(std::string_view number, int today_yyyymmdd);

}  // namespace lawyers
