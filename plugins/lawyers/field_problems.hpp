// SPDX-License-Identifier: Apache-2.0
// Every problem of a request body at once, each under the field it concerns, answered as
// 400 {"error": {"message", "details": {"fields": {"<field>": "<problem>"}}}}.
// A plain value; one per request. Errors: throw_if_any throws InvalidArgument.
#pragma once

#include <courthub/error.hpp>
#include <courthub/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace lawyers {

class FieldProblems {
 public:
  // Keeps the first problem of each field.
  void add(const std::string& field, const std::string& problem);
  bool empty() const { return fields_.empty(); }
  const courthub::Json& fields() const { return fields_; }
  // InvalidArgument "<field>: <problem>; ..." with details {"fields": {...}}, if any.
  void throw_if_any() const;

  // Typed reads that record a problem instead of throwing. `field` names the member in
  // messages (a path such as "plaintiffs/0/name"). Texts are trimmed of nothing: what the
  // client sent is what is kept; length is counted in characters.
  std::string text(const courthub::Json& obj, std::string_view key, const std::string& field,
                   size_t min_chars, size_t max_chars);
  int64_t integer(const courthub::Json& obj, std::string_view key, const std::string& field);

 private:
  courthub::Json fields_ = courthub::Json::object();
};

// Characters (code points) in UTF-8 text.
size_t char_count(std::string_view utf8);

}  // namespace lawyers
