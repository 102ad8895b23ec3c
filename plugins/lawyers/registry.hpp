// SPDX-License-Identifier: Apache-2.0
// The verification registry (律师身份核验): a CSV file the operator points to, standing in for
// the national verification platform, which has no public API. UTF-8, header
// `licence_no,name,firm,status`, status 正常 | 暂停执业 | 注销 (docs/lawyers.md, "Identity").
//
// Threading: RegistryTable is immutable. RegistryFile is shared by every handler: load() takes
// its own lock. Errors: see each function.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <courthub/json.hpp>

namespace lawyers {

enum class RegistryResult { Match, Mismatch, NotFound, NotPracticing };

// What the registry says of a registration.
struct RegistryCheck {
  RegistryResult result = RegistryResult::NotFound;
  std::string field;   // for Mismatch: "name" or "firm"; else empty
  std::string detail;  // a sentence for the lawyer and the court (no personal data)

  // "match" | "mismatch" | "not_found" | "not_practicing"
  std::string code() const;
  // {result, detail}: what LawyerView's `registry` carries
  courthub::Json to_json() const;
};

struct RegistryEntry {
  std::string licence_no, name, firm, status;
  size_t line = 0;
};

class RegistryTable {
 public:
  // Reads the CSV text of `file` (named in problems as "<file>:<line>: ..."). Every problem
  // goes to `problems`; rows with one are left out.
  static RegistryTable parse(std::string_view text, const std::string& file,
                             std::vector<std::string>& problems);

  // The registry's word on a lawyer who says they are `name` of `firm` with `licence_no`:
  // not found; not practicing (暂停执业, 注销); a mismatch naming the first field that differs
  // (name, then firm; spaces around a field are ignored); or a match.
  RegistryCheck check(const std::string& licence_no, const std::string& name,
                      const std::string& firm) const;

  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, RegistryEntry> entries_;  // by licence number
};

// The registry file, re-read when it changes (its modification time or size), so the operator
// can replace it without a restart.
class RegistryFile {
 public:
  // `path` as configured; "" = no registry (every check answers not found, saying so).
  explicit RegistryFile(std::string path) : path_(std::move(path)) {}

  struct Loaded {
    std::shared_ptr<const RegistryTable> table;  // never null
    std::vector<std::string> problems;           // new since the last load: log them
  };
  // The table now. A relative path is taken from `base_dir` (the plugin's data directory).
  // A file with problems is refused as a whole: the last good table stays in use and the
  // problems come back once (file:line each). Errors: courthub::Error(Unavailable) naming the
  // file and its first problem when there has never been a good table.
  Loaded load(const std::string& base_dir);

  bool configured() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex mutex_;
  std::filesystem::file_time_type seen_time_{};
  uintmax_t seen_size_ = 0;
  bool seen_ = false;
  std::shared_ptr<const RegistryTable> good_;
  std::vector<std::string> failed_;  // problems of the file as last seen, when it was refused
};

}  // namespace lawyers
