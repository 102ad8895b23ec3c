// SPDX-License-Identifier: Apache-2.0
// A small lexer: copies SQL through, numbering the placeholders outside literals and comments.
#include "host/storage/sql_placeholders.hpp"

#include <cctype>

namespace courthub::storage {
namespace {

constexpr int kMaxIndex = 32766;

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end of the quoted run that opens at `i` with `quote` (doubled quotes stay inside);
// `backslashes`: E'...' strings, where a backslash escapes the next character.
size_t skip_quoted(std::string_view s, size_t i, char quote, bool backslashes) {
  for (++i; i < s.size(); ++i) {
    if (backslashes && s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == quote) {
      if (i + 1 < s.size() && s[i + 1] == quote) {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return s.size();
}

// At a '$' that may open a dollar-quoted body: the tag's length ($$ or $tag$), else 0.
size_t dollar_tag(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) return 0;  // $1
  while (j < s.size() && ident_char(s[j])) ++j;
  return j < s.size() && s[j] == '$' ? j + 1 - i : 0;
}

}  // namespace

Expected<NumberedSql> number_placeholders(std::string_view s) {
  NumberedSql out;
  out.sql.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    size_t end = i + 1;
    if (c == '\'') {
      bool escapes = i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') &&
                     (i < 2 || !ident_char(s[i - 2]));
      end = skip_quoted(s, i, '\'', escapes);
    } else if (c == '"') {
      end = skip_quoted(s, i, '"', false);
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      end = s.find('\n', i);
      end = end == std::string_view::npos ? s.size() : end;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      end = s.find("*/", i + 2);
      end = end == std::string_view::npos ? s.size() : end + 2;
    } else if (c == '$' && (i == 0 || !ident_char(s[i - 1]))) {
      if (size_t tag = dollar_tag(s, i)) {
        size_t close = s.find(s.substr(i, tag), i + tag);
        end = close == std::string_view::npos ? s.size() : close + tag;
      }
    } else if (c == '?') {
      size_t j = i + 1;
      int index = 0;
      bool numbered = false;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
        numbered = true;
        if (index <= kMaxIndex) index = index * 10 + (s[j] - '0');
        ++j;
      }
      if (!numbered) index = out.parameters + 1;
      if (index < 1 || index > kMaxIndex) {
        return Outcome::invalid("parameter index " + std::string(s.substr(i, j - i)) +
                                " is out of range (1 to 32766)");
      }
      if (index > out.parameters) out.parameters = index;
      out.sql += '$';
      out.sql += std::to_string(index);
      i = j;
      continue;
    }
    out.sql.append(s.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace courthub::storage
