// SPDX-License-Identifier: Apache-2.0
// Streaming CSV and NDJSON readers for case imports: a 64 KiB window over the stream, one record
// at a time, the line each record starts on.
#include "case_reader.hpp"

#include <courthub/error.hpp>
#include <courthub/json.hpp>

namespace board {
namespace {

constexpr size_t kWindow = 64 * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

int field_index(std::string_view name) {
  for (size_t i = 0; i < kCaseFields.size(); ++i)
    if (kCaseFields[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::optional<CaseFormat> format_of_media_type(std::string_view media_type) {
  std::string t = lower(media_type.substr(0, media_type.find(';')));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (t == "text/csv") return CaseFormat::Csv;
  if (t == "application/x-ndjson" || t == "application/jsonl") return CaseFormat::Ndjson;
  return std::nullopt;
}

std::optional<CaseFormat> format_of_file_name(std::string_view name) {
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext = lower(name.substr(dot + 1));
  if (ext == "csv") return CaseFormat::Csv;
  if (ext == "ndjson" || ext == "jsonl") return CaseFormat::Ndjson;
  return std::nullopt;
}

CaseReader::CaseReader(std::istream& in, CaseFormat format)
    : in_(in), format_(format), buffer_(kWindow) {
  skip_bom();
  if (format_ != CaseFormat::Csv) return;
  ReadRecord header;
  if (!read_csv_record(header))
    throw courthub::InvalidArgument("the CSV body is empty: expected a header line naming the columns");
  if (header.problem)
    throw courthub::InvalidArgument("line " + std::to_string(header.line) + ": " +
                                    header.problem->reason);
  width_ = field_count_;
  for (size_t i = 0; i < width_; ++i) {
    std::string name = trimmed(fields_[i]);
    if (name.empty())
      throw courthub::InvalidArgument("line " + std::to_string(header.line) + ": column " +
                                      std::to_string(i + 1) + " of the header has no name");
    if (!columns_.emplace(name, i).second)
      throw courthub::InvalidArgument("line " + std::to_string(header.line) + ": column '" +
                                      name + "' appears twice in the header");
  }
  for (size_t i = 0; i < kCaseFields.size(); ++i) {
    auto it = columns_.find(std::string(kCaseFields[i]));
    column_of_[i] = it == columns_.end() ? -1 : static_cast<int>(it->second);
  }
  courthub::Json missing = courthub::Json::array();
  std::string names;
  for (auto required : kRequiredColumns)
    if (!columns_.count(std::string(required))) {
      missing.push_back(required);
      names += (names.empty() ? "" : ", ") + std::string(required);
    }
  if (!missing.empty())
    throw courthub::InvalidArgument(
        "the CSV header lacks the required column" + std::string(missing.size() > 1 ? "s " : " ") +
            names + " (the columns are documented in docs/incentive_board.md)",
        courthub::Json::object({{"missing_columns", missing}}));
}

int CaseReader::get() {
  if (pos_ == end_) {
    if (!in_) return -1;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<size_t>(in_.gcount());
    pos_ = 0;
    if (end_ == 0) return -1;
  }
  return static_cast<unsigned char>(buffer_[pos_++]);
}

int CaseReader::peek() {
  int c = get();
  if (c >= 0) --pos_;
  return c;
}

void CaseReader::skip_bom() {
  static constexpr unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};
  for (int i = 0; i < 3; ++i) {
    if (peek() != kBom[i]) {
      // A partial match: put back what was taken (the window holds at least 3 bytes unless the
      // whole input is shorter, and then pos_ is still inside it).
      pos_ -= static_cast<size_t>(i);
      return;
    }
    get();
  }
}

bool CaseReader::next(ReadRecord& out) {
  return format_ == CaseFormat::Csv ? read_csv_record(out) : read_ndjson_record(out);
}

// RFC 4180: fields separated by ',', records by CRLF or LF (a lone CR too), quoted fields may
// hold ',', line breaks and "" (one quote). Lines inside quotes count for the next record's line.
bool CaseReader::read_csv_record(ReadRecord& out) {
  for (int c = peek(); c == '\r' || c == '\n'; c = peek()) {  // blank lines
    get();
    if (c == '\r' && peek() == '\n') get();
    ++line_;
  }
  if (peek() < 0) return false;
  out.line = line_;
  out.problem.reset();
  out.field = nullptr;
  field_count_ = 0;
  auto end_of_line = [this] {
    int c = get();
    if (c == '\r' && peek() == '\n') get();
    if (c >= 0) ++line_;
  };
  for (;;) {
    if (fields_.size() == field_count_) fields_.emplace_back();
    std::string& field = fields_[field_count_];
    field.clear();
    if (peek() == '"') {
      get();
      for (;;) {
        int c = get();
        if (c < 0) {
          out.problem = Reject{out.line, "", "a quoted field is never closed"};
          return true;
        }
        if (c == '"') {
          if (peek() != '"') break;
          get();
        } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
          ++line_;
        }
        field += static_cast<char>(c);
      }
      int after = peek();
      if (after >= 0 && after != ',' && after != '\r' && after != '\n') {
        out.problem = Reject{out.line, "", "text after the closing quote of a field"};
        for (int c = peek(); c >= 0 && c != '\r' && c != '\n'; c = peek()) get();
        end_of_line();
        return true;
      }
    } else {
      for (int c = peek(); c >= 0 && c != ',' && c != '\r' && c != '\n'; c = peek())
        field += static_cast<char>(get());
    }
    ++field_count_;
    if (peek() != ',') break;
    get();
  }
  end_of_line();
  if (width_ != 0 && field_count_ != width_) {
    out.problem = Reject{out.line, "",
                         "has " + std::to_string(field_count_) + " fields; the header has " +
                             std::to_string(width_)};
    return true;
  }
  out.field = [this](std::string_view name) { return csv_field(name); };
  return true;
}

std::optional<std::string_view> CaseReader::csv_field(std::string_view name) const {
  int i = field_index(name);
  int column = -1;
  if (i >= 0) {
    column = column_of_[static_cast<size_t>(i)];
  } else if (auto it = columns_.find(std::string(name)); it != columns_.end()) {
    column = static_cast<int>(it->second);
  }
  if (column < 0) return std::nullopt;
  return std::string_view(fields_[static_cast<size_t>(column)]);
}

bool CaseReader::read_line(std::string& line) {
  line.clear();
  int c = get();
  if (c < 0) return false;
  for (; c >= 0 && c != '\n'; c = get()) line += static_cast<char>(c);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_;
  return true;
}

bool CaseReader::read_ndjson_record(ReadRecord& out) {
  for (;;) {
    int64_t line = line_;
    if (!read_line(line_text_)) return false;
    if (line_text_.find_first_not_of(" \t") == std::string::npos) continue;
    out.line = line;
    out.problem.reset();
    out.field = nullptr;
    courthub::Json value;
    try {
      value = courthub::Json::parse(line_text_);
    } catch (const courthub::Json::exception& e) {
      out.problem = Reject{line, "", "not JSON: " + courthub::detail::json_error_message(e)};
      return true;
    }
    if (!value.is_object()) {
      out.problem = Reject{line, "", "not a JSON object: each line must be one case {...}"};
      return true;
    }
    for (size_t i = 0; i < kCaseFields.size(); ++i) {
      auto& slot = values_[i];
      slot.reset();
      auto it = value.find(std::string(kCaseFields[i]));
      if (it == value.end() || it->is_null()) continue;
      if (it->is_string()) {
        slot = it->get<std::string>();
      } else if (it->is_boolean()) {
        slot = it->get<bool>() ? "true" : "false";
      } else if (it->is_number()) {
        slot = it->dump();  // integers as digits, reals in their shortest round-trip form
      } else {
        out.problem = Reject{line, std::string(kCaseFields[i]), "must be a text, number or boolean"};
        return true;
      }
    }
    out.field = [this](std::string_view name) { return ndjson_field(name); };
    return true;
  }
}

std::optional<std::string_view> CaseReader::ndjson_field(std::string_view name) const {
  int i = field_index(name);
  if (i < 0 || !values_[static_cast<size_t>(i)]) return std::nullopt;
  return std::string_view(*values_[static_cast<size_t>(i)]);
}

}  // namespace board
