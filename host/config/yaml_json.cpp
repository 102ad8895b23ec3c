// SPDX-License-Identifier: Apache-2.0
// Converts YAML to JSON the way plugin settings need it: expanded, typed, with locations.
#include "host/config/yaml_json.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <system_error>

namespace courthub::config {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Counts the digits at `i`, advancing past them.
size_t digits(std::string_view s, size_t& i) {
  size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i - start;
}

bool is_integer_text(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  return digits(s, i) > 0 && i == s.size();
}

// YAML 1.2 core schema float, without .inf and .nan (JSON has neither).
bool is_decimal_text(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t whole = digits(s, i);
  size_t fraction = 0;
  bool dot = i < s.size() && s[i] == '.';
  if (dot) {
    ++i;
    fraction = digits(s, i);
  }
  if (whole + fraction == 0) return false;
  bool exponent = i < s.size() && (s[i] == 'e' || s[i] == 'E');
  if (exponent) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits(s, i) == 0) return false;
  }
  return i == s.size() && (dot || exponent);
}

std::string pointer_key_path(std::string_view key) {
  // A dotted path reads best; keys that would make it ambiguous are quoted.
  for (char c : key)
    if (c == '.' || c == '[' || c == ']' || c == ' ' || c == '"')
      return "[" + json::dump(Json(key)) + "]";
  return "." + std::string(key);
}

const char* node_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Null:
      return "null";
    default:
      return "a scalar";
  }
}

class Converter {
 public:
  Converter(const Env& env, ConvertedYaml& out) : env_(env), out_(out) {}

  Json convert(const YAML::Node& node, const std::string& pointer, const std::string& key_path,
               const Location& where) {
    out_.locations[pointer] = where;
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return Json();
      case YAML::NodeType::Scalar:
        return scalar(node, key_path, where);
      case YAML::NodeType::Sequence: {
        Json items = Json::array();
        size_t index = 0;
        for (YAML::Node item : node) {
          std::string i = std::to_string(index++);
          items.push_back(
              convert(item, pointer + "/" + i, key_path + "[" + i + "]", located(item, where)));
        }
        return items;
      }
      case YAML::NodeType::Map: {
        Json members = Json::object();
        std::map<std::string, int> first_line;
        for (auto it = node.begin(); it != node.end(); ++it) {
          // Copies: yaml-cpp's it->first lives only as long as the expression that reads it.
          YAML::Node key = it->first;
          YAML::Node value = it->second;
          Location key_where = located(key, where);
          if (!key.IsScalar()) {
            fail(key_where, key_path,
                 std::string("a key must be a scalar, found ") + node_kind(key));
            continue;
          }
          const std::string& name = key.Scalar();
          auto [seen, inserted] = first_line.emplace(name, key_where.line);
          std::string member_path = key_path + pointer_key_path(name);
          if (!inserted) {
            fail(key_where, member_path,
                 "duplicate key (first at line " + std::to_string(seen->second) + ")");
            continue;
          }
          members[name] =
              convert(value, pointer + "/" + escape_pointer_segment(name), member_path, key_where);
        }
        return members;
      }
    }
    return Json();
  }

 private:
  Json scalar(const YAML::Node& node, const std::string& key_path, const Location& where) {
    Expected<std::string> text = expand_env(node.Scalar(), env_);
    if (!text) {
      fail(located(node, where), key_path, text.outcome().message());
      return Json();
    }
    if (is_quoted(node)) return Json(std::move(*text));
    return type_plain_scalar(*text);
  }

  // Falls back to `parent` for nodes yaml-cpp gives no mark.
  Location located(const YAML::Node& node, const Location& parent) const {
    Location here = location_of(node, parent.file);
    return here.line ? here : parent;
  }

  void fail(Location where, const std::string& key_path, std::string message) {
    out_.errors.push_back({std::move(where), key_path, std::move(message)});
  }

  const Env& env_;
  ConvertedYaml& out_;
};

}  // namespace

Location location_of(const YAML::Node& node, const std::string& file) {
  Location where{file, 0, 0};
  if (!node.IsDefined()) return where;
  YAML::Mark mark = node.Mark();
  if (mark.line >= 0 && mark.column >= 0) {
    where.line = mark.line + 1;
    where.column = mark.column + 1;
  }
  return where;
}

bool is_quoted(const YAML::Node& scalar) {
  // yaml-cpp tags every non-plain scalar (quoted, | and >) with "!".
  const std::string& tag = scalar.Tag();
  return tag == "!" || tag == "tag:yaml.org,2002:str";
}

Json type_plain_scalar(std::string_view text) {
  if (text.empty() || text == "~" || equals_ignoring_case(text, "null")) return Json();
  if (equals_ignoring_case(text, "true")) return Json(true);
  if (equals_ignoring_case(text, "false")) return Json(false);
  bool integer = is_integer_text(text);
  if (!integer && !is_decimal_text(text)) return Json(text);
  // from_chars: locale-independent, and it rejects the '+' YAML allows.
  std::string_view digits_only = text[0] == '+' ? text.substr(1) : text;
  const char* first = digits_only.data();
  const char* last = first + digits_only.size();
  if (integer) {
    int64_t value = 0;
    if (std::from_chars(first, last, value).ec == std::errc()) return Json(value);
  }
  double value = 0;
  // Beyond a double's range ("1e999") JSON has no number for it: keep the text.
  if (std::from_chars(first, last, value).ec != std::errc()) return Json(text);
  return Json(value);
}

std::string escape_pointer_segment(std::string_view segment) {
  std::string out;
  for (char c : segment) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

ConvertedYaml yaml_to_json(const YAML::Node& node, const Location& root, const Env& env) {
  ConvertedYaml out;
  try {
    out.value = Converter(env, out).convert(node, "", "", root);
  } catch (const std::exception& e) {
    // yaml-cpp throws only on misuse of invalid nodes; report instead of escaping the loader.
    out.errors.push_back({root, "", std::string("cannot read this value: ") + e.what()});
  }
  return out;
}

}  // namespace courthub::config
