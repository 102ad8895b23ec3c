// SPDX-License-Identifier: Apache-2.0
// Bodies made of records: CSV (RFC 4180) and NDJSON (one JSON value per line), as imports send
// them. Each record keeps the line it starts on, so an import can answer "line 7: ...".
//
//   auto table = courthub::CsvTable::parse(request.body);       // first record is the header
//   for (auto& row : table.rows) use(row.line, table.field(row, "case_no"));
//   for (auto& line : courthub::parse_ndjson(request.body))
//     if (!line.error.empty()) reject(line.line, line.error); else use(line.value);
//
// Threading: plain functions and values. Errors: only what each function states; a malformed
// record is reported, never silently merged with the next.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "courthub/error.hpp"
#include "courthub/json.hpp"

namespace courthub {

struct CsvRecord {
  size_t line = 0;  // 1-based line the record starts on
  std::vector<std::string> fields;
};

// Splits CSV text into records: fields separated by ',', records by CRLF or LF, fields in double
// quotes may hold commas, line breaks and "" (a quote). A UTF-8 byte-order mark is skipped; blank
// lines are skipped. Throws InvalidArgument("line N: ...") for a quote that is never closed or
// text after a closing quote.
inline std::vector<CsvRecord> parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> out;
  size_t i = 0, line = 1;
  while (i < text.size()) {
    if (text[i] == '\n' || text[i] == '\r') {  // a blank line
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      continue;
    }
    CsvRecord rec{line, {}};
    std::string field;
    for (;;) {
      if (i < text.size() && text[i] == '"') {
        const size_t opened = line;
        ++i;
        for (;;) {
          if (i >= text.size()) {
            throw InvalidArgument("line " + std::to_string(opened) +
                                  ": a quoted field is never closed");
          }
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          field += c;
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          throw InvalidArgument("line " + std::to_string(line) +
                                ": text after the closing quote of a field");
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          field += text[i++];
      }
      rec.fields.push_back(std::move(field));
      field.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      break;  // end of record (line break or end of text)
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    ++line;
    out.push_back(std::move(rec));
  }
  return out;
}

// CSV whose first record names the columns.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> rows;

  // Throws InvalidArgument for an empty text, a repeated or empty column name, or CSV that does
  // not parse (see parse_csv). Rows may have fewer or more fields than the header: check
  // width() per row when that matters.
  static CsvTable parse(std::string_view text) {
    auto records = parse_csv(text);
    if (records.empty()) throw InvalidArgument("the CSV body is empty: expected a header line");
    CsvTable t;
    t.header = std::move(records.front().fields);
    for (size_t i = 0; i < t.header.size(); ++i) {
      if (t.header[i].empty()) {
        throw InvalidArgument("line " + std::to_string(records.front().line) + ": column " +
                              std::to_string(i + 1) + " has no name");
      }
      for (size_t j = 0; j < i; ++j)
        if (t.header[j] == t.header[i])
          throw InvalidArgument("line " + std::to_string(records.front().line) +
                                ": column '" + t.header[i] + "' appears twice");
    }
    t.rows.assign(std::make_move_iterator(records.begin() + 1),
                  std::make_move_iterator(records.end()));
    return t;
  }

  // The index of a column, if the header has it.
  std::optional<size_t> column(std::string_view name) const {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    return std::nullopt;
  }
  // The field of `row` in column `name`; "" when the column is missing or the row is short.
  std::string field(const CsvRecord& row, std::string_view name) const {
    auto c = column(name);
    return c && *c < row.fields.size() ? row.fields[*c] : std::string();
  }
  // Whether `row` has exactly as many fields as the header.
  bool width_matches(const CsvRecord& row) const { return row.fields.size() == header.size(); }
};

struct NdjsonLine {
  size_t line = 0;    // 1-based
  Json value;         // the parsed value when error is empty
  std::string error;  // why the line is not JSON, else empty
};

// One entry per non-blank line (LF or CRLF); a line that is not JSON is reported in its entry,
// so one bad line does not hide the good ones. Never throws for bad lines.
inline std::vector<NdjsonLine> parse_ndjson(std::string_view text) {
  std::vector<NdjsonLine> out;
  size_t line = 0, start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    ++line;
    start = end + 1;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (raw.find_first_not_of(" \t") == std::string_view::npos) continue;
    NdjsonLine entry;
    entry.line = line;
    try {
      entry.value = Json::parse(raw);
    } catch (const Json::exception& e) {
      entry.error = "not JSON: " + detail::json_error_message(e);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace courthub
