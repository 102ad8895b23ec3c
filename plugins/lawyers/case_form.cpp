// SPDX-License-Identifier: Apache-2.0
// Field-by-field reading with all problems reported at once.
#include "case_form.hpp"

#include <algorithm>
#include <charconv>

#include <courthub/error.hpp>

#include "case_number.hpp"

namespace lawyers {

using courthub::Json;

namespace {

// Code points, not bytes: a limit of 100 allows 100 汉字.
size_t code_points(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

std::string trimmed(std::string s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

}  // namespace

CaseForm::CaseForm(const Json& body) : body_(body) {
  if (!body.is_object()) add("", "the body must be a JSON object");
}

std::string CaseForm::text(const char* key, bool required, size_t max_chars) {
  const Json* v = courthub::json::find(body_, key);
  if (!v || v->is_null()) {
    if (required) add(key, "is required");
    return {};
  }
  if (!v->is_string()) {
    add(key, "must be a string");
    return {};
  }
  std::string s = trimmed(v->get<std::string>());
  if (required && s.empty()) add(key, "is required");
  if (code_points(s) > max_chars)
    add(key, "is longer than " + std::to_string(max_chars) + " characters");
  return s;
}

std::optional<int64_t> CaseForm::integer(const char* key, bool required) {
  const Json* v = courthub::json::find(body_, key);
  if (!v || v->is_null()) {
    if (required) add(key, "is required");
    return std::nullopt;
  }
  try {
    return courthub::json::as<int64_t>(*v, key);
  } catch (const courthub::Error&) {
    add(key, "must be an integer");
    return std::nullopt;
  }
}

std::string CaseForm::case_number(const char* key) {
  std::string raw = text(key, true, 40);
  if (raw.empty()) return {};
  std::string why;
  auto parsed = court::parse_case_number(raw, &why);
  if (!parsed) {
    add(key, why);
    return {};
  }
  return parsed->text;
}

void CaseForm::add(const std::string& field, const std::string& problem) {
  if (!fields_.contains(field)) fields_[field] = problem;
}

void CaseForm::throw_if_any() const {
  if (fields_.empty()) return;
  std::string message;
  for (auto& [field, problem] : fields_.items())
    message += (message.empty() ? "" : "; ") + (field.empty() ? "body" : field) + ": " +
               problem.get<std::string>();
  throw courthub::InvalidArgument(message, Json::object({{"fields", fields_}}));
}

std::optional<int64_t> path_id(const courthub::Request& req, const std::string& name) {
  const std::string& s = req.param(name);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace lawyers
