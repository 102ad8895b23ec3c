// SPDX-License-Identifier: Apache-2.0
// The lawyer's practice certificate number (律师执业证号): 17 digits starting with 1 (the
// certificate type), or the 12-digit form of older certificates.
//
// Threading: plain functions. Errors: none thrown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lawyers {

// The number as stored and compared: surrounding spaces dropped.
std::string normalize_licence_no(std::string_view text);

// Why `number` (normalized) is not a licence number, or nullopt when it is one: `^1\d{16}$`
// (the current form) or `^\d{12}$` (the legacy form).
std::optional<std::string> licence_no_problem(std::string_view number);

}  // namespace lawyers
