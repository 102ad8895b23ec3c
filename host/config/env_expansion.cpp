// SPDX-License-Identifier: Apache-2.0
// Shell-style ${VAR} expansion for configuration scalars.
#include "host/config/env_expansion.hpp"

#include <cstdlib>

namespace courthub::config {

namespace {

bool is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9');
}

bool is_variable_name(std::string_view name) {
  if (name.empty() || !is_name_start(name[0])) return false;
  for (char c : name)
    if (!is_name_char(c)) return false;
  return true;
}

// The name as far as it is a name, to say which reference was unterminated without quoting
// whatever text followed it.
std::string_view leading_name(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && is_name_char(text[n])) ++n;
  return text.substr(0, n);
}

// The '}' closing a reference whose body starts at `from`, past any ${...} nested in a default.
size_t closing_brace(std::string_view text, size_t from) {
  int depth = 0;
  for (size_t j = from; j < text.size(); ++j) {
    if (text[j] == '$' && j + 1 < text.size() && text[j + 1] == '{') {
      ++depth;
      ++j;
    } else if (text[j] == '}') {
      if (depth == 0) return j;
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Env process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

bool mentions_env(std::string_view raw) {
  return raw.find("${") != std::string_view::npos;
}

Expected<std::string> expand_env(std::string_view text, const Env& env, bool text_is_secret) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c != '$' || i + 1 == text.size()) {
      out += c;
      ++i;
      continue;
    }
    char next = text[i + 1];
    if (next == '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next != '{') {
      out += '$';
      ++i;
      continue;
    }
    size_t body_start = i + 2;
    size_t close = closing_brace(text, body_start);
    if (close == std::string_view::npos) {
      std::string_view name = leading_name(text.substr(body_start));
      std::string what =
          text_is_secret || name.empty() ? std::string("'${'") : "'${" + std::string(name) + "'";
      return Outcome::invalid("unterminated " + what + ": a '}' is missing");
    }
    std::string_view body = text.substr(body_start, close - body_start);
    size_t sep = body.find(":-");
    std::string_view name = sep == std::string_view::npos ? body : body.substr(0, sep);
    if (!is_variable_name(name)) {
      std::string shown =
          text_is_secret ? std::string("a ${...} reference") : "'${" + std::string(body) + "}'";
      return Outcome::invalid(
          shown +
          " does not name a variable: names are letters, digits and '_', not starting "
          "with a digit; write ${NAME} or ${NAME:-default}, and $$ for a literal '$'");
    }
    std::string key(name);
    std::optional<std::string> value = env ? env(key) : std::nullopt;
    if (sep != std::string_view::npos) {
      if (value && !value->empty()) {
        out += *value;
      } else {
        // The default is expanded only when it is used, as in the shell.
        auto fallback = expand_env(body.substr(sep + 2), env, text_is_secret);
        if (!fallback) return fallback;
        out += *fallback;
      }
    } else if (value) {
      out += *value;
    } else {
      return Outcome::invalid("environment variable " + key + " is not set (set it, or write ${" +
                              key + ":-default} to give a default)");
    }
    i = close + 1;
  }
  return out;
}

}  // namespace courthub::config
