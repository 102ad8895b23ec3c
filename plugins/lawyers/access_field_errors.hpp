// SPDX-License-Identifier: Apache-2.0
// Problems with a request's fields, collected so the caller learns all of them at once and sent
// as the error's details: {"fields": {"<field>": "<what is wrong>"}}.
//
// Threading: one request's object. Errors: throw_if_any throws InvalidArgument (HTTP 400).
#pragma once

#include <courthub/error.hpp>
#include <courthub/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace lawyers {

class AccessFieldErrors {
 public:
  // Keeps the first problem of each field.
  void add(const std::string& field, const std::string& problem) {
    if (!fields_.contains(field)) fields_[field] = problem;
  }
  bool empty() const { return fields_.empty(); }
  void throw_if_any() const {
    if (fields_.empty()) return;
    std::string message;
    for (auto& [field, problem] : fields_.items())
      message += (message.empty() ? "" : "; ") + field + ": " + problem.get<std::string>();
    throw courthub::InvalidArgument(message, courthub::Json::object({{"fields", fields_}}));
  }

 private:
  courthub::Json fields_ = courthub::Json::object();
};

// Characters (code points) in a UTF-8 string.
inline size_t utf8_chars(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace lawyers
