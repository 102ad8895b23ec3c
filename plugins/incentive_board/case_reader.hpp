// SPDX-License-Identifier: Apache-2.0
// case_reader.hpp — reads case records from CSV (RFC 4180, header row) or NDJSON, one record at a
// time, without holding the whole input (a drop-folder file may be hundreds of megabytes).
//
//   std::ifstream in(path, std::ios::binary);
//   CaseReader reader(in, CaseFormat::Csv);          // reads the header now: may throw
//   ReadRecord r;
//   while (reader.next(r))
//     if (r.problem) rejects.push_back(*r.problem); else use(r.line, parse_case(r.field));
//
// Threading: a reader belongs to one thread. Ownership: the reader keeps a reference to the
// stream, which must outlive it; a record's field views are valid until the next call to next().
// Errors: the constructor throws courthub::Error(InvalidArgument) for a CSV header that lacks a
// required column, repeats one, or does not parse; a malformed record never throws: it comes out
// with `problem` set (line, field "" or the key, reason) and reading goes on after it.
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "case_record.hpp"

namespace board {

// One line of an import's answer: why a record was skipped. `line` is the 1-based line the
// record starts on; `field` is "" when the record as a whole is bad (not CSV, not JSON).
struct Reject {
  int64_t line = 0;
  std::string field, reason;
};

enum class CaseFormat : uint8_t { Csv, Ndjson };

namespace detail {
struct ViewBuf : std::streambuf {
  explicit ViewBuf(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // read only: the get area is never written
    setg(p, p, p + text.size());
  }
};
struct ViewBufHolder {  // a base, so the buffer exists before the istream that reads it
  explicit ViewBufHolder(std::string_view text) : buf(text) {}
  ViewBuf buf;
};
}  // namespace detail

// An input stream over text that someone else owns (a request body), without copying it. The
// text must outlive the stream.
class TextStream : private detail::ViewBufHolder, public std::istream {
 public:
  explicit TextStream(std::string_view text) : detail::ViewBufHolder(text), std::istream(&buf) {}
};

// The format of a request's media type ("text/csv", "application/x-ndjson",
// "application/jsonl"), without parameters and lower-cased; nullopt for any other.
std::optional<CaseFormat> format_of_media_type(std::string_view media_type);
// The format of a file name by its extension (.csv, .ndjson, .jsonl); nullopt for any other.
std::optional<CaseFormat> format_of_file_name(std::string_view name);

// The columns every CSV header must have: the fields the spec requires of every case
// (limit_days and the amounts are required only for some procedures, so rows report them).
inline constexpr std::array<std::string_view, 8> kRequiredColumns = {
    "case_id", "case_no", "court_code", "judge_id", "dispute_id", "category", "procedure",
    "filed_on"};

struct ReadRecord {
  int64_t line = 0;               // the line the record starts on (1-based, the header is line 1)
  FieldLookup field;              // valid until the next call to next()
  std::optional<Reject> problem;  // set when the record could not be read; `field` is then empty
};

class CaseReader {
 public:
  // For CSV, reads the header row now (a byte-order mark is skipped).
  CaseReader(std::istream& in, CaseFormat format);
  CaseReader(const CaseReader&) = delete;
  CaseReader& operator=(const CaseReader&) = delete;

  // The next record, or false at the end of the input. Blank lines are skipped.
  bool next(ReadRecord& out);

 private:
  int get();   // the next byte, or -1 at the end
  int peek();
  void skip_bom();
  bool read_csv_record(ReadRecord& out);
  bool read_ndjson_record(ReadRecord& out);
  bool read_line(std::string& line);  // without its CR LF / LF; false at the end
  std::optional<std::string_view> csv_field(std::string_view name) const;
  std::optional<std::string_view> ndjson_field(std::string_view name) const;

  std::istream& in_;
  CaseFormat format_;
  std::vector<char> buffer_;
  size_t pos_ = 0, end_ = 0;
  int64_t line_ = 1;  // the line the next byte is on

  // CSV: the header's column of each name, and the current record's fields.
  std::unordered_map<std::string, size_t> columns_;
  std::array<int, kCaseFields.size()> column_of_{};  // -1: the header has no such column
  size_t width_ = 0;
  std::vector<std::string> fields_;
  size_t field_count_ = 0;

  // NDJSON: the current record's known fields as text (index = position in kCaseFields).
  std::array<std::optional<std::string>, kCaseFields.size()> values_;
  std::string line_text_;
};

}  // namespace board
