// SPDX-License-Identifier: Apache-2.0
#include "field_problems.hpp"

namespace lawyers {

using courthub::Json;

void FieldProblems::add(const std::string& field, const std::string& problem) {
  if (!fields_.contains(field)) fields_[field] = problem;
}

void FieldProblems::throw_if_any() const {
  if (fields_.empty()) return;
  std::string message;
  for (auto& [field, problem] : fields_.items()) {
    if (!message.empty()) message += "; ";
    message += field + ": " + problem.get<std::string>();
  }
  throw courthub::InvalidArgument(message, Json::object({{"fields", fields_}}));
}

size_t char_count(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string FieldProblems::text(const Json& obj, std::string_view key, const std::string& field,
                                size_t min_chars, size_t max_chars) {
  const Json* v = courthub::json::find(obj, key);
  if (!v || v->is_null() || (v->is_string() && v->get<std::string>().empty())) {
    if (min_chars > 0) add(field, "is required");
    return {};
  }
  if (!v->is_string()) {
    add(field, "must be text");
    return {};
  }
  std::string s = v->get<std::string>();
  size_t n = char_count(s);
  if (n < min_chars) add(field, "must be at least " + std::to_string(min_chars) + " characters");
  if (n > max_chars) add(field, "must be at most " + std::to_string(max_chars) + " characters");
  return s;
}

int64_t FieldProblems::integer(const Json& obj, std::string_view key, const std::string& field) {
  const Json* v = courthub::json::find(obj, key);
  if (!v || v->is_null()) {
    add(field, "is required");
    return 0;
  }
  if (!v->is_number_integer()) {
    add(field, "must be an integer");
    return 0;
  }
  return v->get<int64_t>();
}

}  // namespace lawyers
