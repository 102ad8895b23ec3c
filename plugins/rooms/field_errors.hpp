// SPDX-License-Identifier: Apache-2.0
// Problems in a request body or in the settings, each under the JSON pointer where it stands.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <courthub/json.hpp>
#include <courthub/plugin.hpp>

namespace rooms {

// A member name as a JSON pointer segment ("~" -> "~0", "/" -> "~1").
std::string escape_pointer(std::string_view key);

class FieldErrors {
 public:
  void add(std::string pointer, std::string message) {
    list_.emplace_back(std::move(pointer), std::move(message));
  }
  bool empty() const { return list_.empty(); }
  const std::vector<std::pair<std::string, std::string>>& list() const { return list_; }

  // {"fields": [{"field": "/start", "message": "..."}]}: what a client needs to mark each field.
  courthub::Json details() const;
  // Throws InvalidArgument with every problem in the message and in details, if there are any.
  void throw_if_any() const;
  // Hands each problem to the host during configure(), which maps pointers to file:line.
  void report(courthub::SettingsErrors& errors) const;

 private:
  std::vector<std::pair<std::string, std::string>> list_;
};

// Typed reads of one JSON object's members, recording problems instead of throwing, so a client
// learns every wrong field at once.
class Fields {
 public:
  Fields(const courthub::Json& object, std::string at, FieldErrors& errors);

  bool is_object() const { return object_.is_object(); }
  bool has(std::string_view key) const { return courthub::json::find(object_, key) != nullptr; }
  std::string pointer(std::string_view key) const { return at_ + "/" + escape_pointer(key); }
  FieldErrors& errors() { return errors_; }

  // Each returns the fallback (and records a problem) when the value is missing but required,
  // or present with the wrong type or out of range.
  std::string text(std::string_view key, bool required, size_t max_chars,
                   std::string fallback = {});
  int64_t integer(std::string_view key, bool required, int64_t min, int64_t max,
                  int64_t fallback = 0);
  bool boolean(std::string_view key, bool fallback);
  std::vector<std::string> texts(std::string_view key, size_t max_items, size_t max_chars);
  // Reports members not in `known` (typos would otherwise be silently ignored).
  void only(std::initializer_list<std::string_view> known);

 private:
  const courthub::Json& object_;
  std::string at_;
  FieldErrors& errors_;
};

// Characters (code points) in a UTF-8 string.
size_t utf8_length(std::string_view s);

}  // namespace rooms
