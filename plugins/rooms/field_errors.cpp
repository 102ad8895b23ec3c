// SPDX-License-Identifier: Apache-2.0
// FieldErrors and Fields: every problem of a body at once, each at its JSON pointer.
#include "field_errors.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace json = courthub::json;

namespace rooms {

using courthub::Json;

Json FieldErrors::details() const {
  Json fields = Json::array();
  for (auto& [pointer, message] : list_)
    fields.push_back(Json::object({{"field", pointer}, {"message", message}}));
  return Json::object({{"fields", fields}});
}

void FieldErrors::throw_if_any() const {
  if (list_.empty()) return;
  std::string message;
  for (auto& [pointer, text] : list_) {
    if (!message.empty()) message += "; ";
    message += (pointer.empty() ? std::string("body") : pointer) + ": " + text;
  }
  throw courthub::InvalidArgument(message, details());
}

void FieldErrors::report(courthub::SettingsErrors& errors) const {
  for (auto& [pointer, message] : list_) errors.add(pointer, message);
}

std::string escape_pointer(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

size_t utf8_length(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

Fields::Fields(const Json& object, std::string at, FieldErrors& errors)
    : object_(object), at_(std::move(at)), errors_(errors) {
  if (!object_.is_object()) errors_.add(at_, "must be an object");
}

std::string Fields::text(std::string_view key, bool required, size_t max_chars,
                         std::string fallback) {
  const Json* v = json::find(object_, key);
  if (!v || v->is_null()) {
    if (required) errors_.add(pointer(key), "is required");
    return fallback;
  }
  if (!v->is_string()) {
    errors_.add(pointer(key), "must be a string");
    return fallback;
  }
  std::string s = v->get<std::string>();
  if (required && s.empty()) {
    errors_.add(pointer(key), "must not be empty");
    return fallback;
  }
  if (utf8_length(s) > max_chars) {
    errors_.add(pointer(key), "is longer than " + std::to_string(max_chars) + " characters");
    return fallback;
  }
  return s;
}

int64_t Fields::integer(std::string_view key, bool required, int64_t min, int64_t max,
                        int64_t fallback) {
  const Json* v = json::find(object_, key);
  if (!v || v->is_null()) {
    if (required) errors_.add(pointer(key), "is required");
    return fallback;
  }
  bool whole = v->is_number_integer() ||
               (v->is_number() && std::floor(v->get<double>()) == v->get<double>() &&
                std::fabs(v->get<double>()) < 9e15);
  if (!whole) {
    errors_.add(pointer(key), "must be a whole number");
    return fallback;
  }
  // 2^63 and up (parsed as unsigned) would wrap in get<int64_t>(): out of range, not negative.
  bool too_big = v->is_number_unsigned() && v->get<uint64_t>() > uint64_t{INT64_MAX};
  int64_t n = too_big ? 0 : v->get<int64_t>();
  if (too_big || n < min || n > max) {
    errors_.add(pointer(key),
                "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return fallback;
  }
  return n;
}

bool Fields::boolean(std::string_view key, bool fallback) {
  const Json* v = json::find(object_, key);
  if (!v || v->is_null()) return fallback;
  if (!v->is_boolean()) {
    errors_.add(pointer(key), "must be true or false");
    return fallback;
  }
  return v->get<bool>();
}

std::vector<std::string> Fields::texts(std::string_view key, size_t max_items, size_t max_chars) {
  std::vector<std::string> out;
  const Json* v = json::find(object_, key);
  if (!v || v->is_null()) return out;
  if (!v->is_array()) {
    errors_.add(pointer(key), "must be a list of strings");
    return out;
  }
  if (v->size() > max_items) {
    errors_.add(pointer(key), "has more than " + std::to_string(max_items) + " items");
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    const Json& item = v->at(i);
    std::string at = pointer(key) + "/" + std::to_string(i);
    if (!item.is_string() || item.get<std::string>().empty()) {
      errors_.add(at, "must be a non-empty string");
    } else if (utf8_length(item.get<std::string>()) > max_chars) {
      errors_.add(at, "is longer than " + std::to_string(max_chars) + " characters");
    } else {
      out.push_back(item.get<std::string>());
    }
  }
  return out;
}

void Fields::only(std::initializer_list<std::string_view> known) {
  if (!object_.is_object()) return;
  for (auto& [k, v] : object_.items()) {
    if (std::find(known.begin(), known.end(), k) == known.end())
      errors_.add(pointer(k), "is not a known field");
  }
}

}  // namespace rooms
