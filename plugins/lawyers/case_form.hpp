// SPDX-License-Identifier: Apache-2.0
// Reading the cases part's request bodies and paths: every wrong field is collected, then one
// 400 names them all: {"error": {"message", "details": {"fields": {"case_number": "..."}}}}.
//
// Threading: a CaseForm belongs to one handler call. Errors: throw_if_any throws InvalidArgument.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace lawyers {

class CaseForm {
 public:
  // `body` must outlive the form. A body that is not an object is one error on "" (the body).
  explicit CaseForm(const courthub::Json& body);

  // A string member, trimmed; "" (and an error when `required`) when absent or wrong.
  std::string text(const char* key, bool required, size_t max_chars);
  // An integer member (Unix ms and ids); nullopt (and an error when `required`) when absent.
  std::optional<int64_t> integer(const char* key, bool required);
  // A normalised case number (（2026）辽0102民初1号); "" with an error saying why when it is not one.
  std::string case_number(const char* key);

  void add(const std::string& field, const std::string& problem);
  void throw_if_any() const;

 private:
  const courthub::Json& body_;
  courthub::Json fields_ = courthub::Json::object();
};

// The numeric path parameter `name`, or nullopt when it is not a positive integer (the caller
// answers 404 as for an id that does not exist).
std::optional<int64_t> path_id(const courthub::Request& req, const std::string& name = "id");

}  // namespace lawyers
