// SPDX-License-Identifier: Apache-2.0
#include "registry.hpp"

#include <fstream>
#include <sstream>

#include <courthub/error.hpp>
#include <courthub/records.hpp>

#include "licence_number.hpp"

namespace lawyers {

namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

constexpr std::string_view kPracticing = "正常";

bool known_status(std::string_view s) {
  return s == kPracticing || s == "暂停执业" || s == "注销";
}

}  // namespace

std::string RegistryCheck::code() const {
  switch (result) {
    case RegistryResult::Match: return "match";
    case RegistryResult::Mismatch: return "mismatch";
    case RegistryResult::NotPracticing: return "not_practicing";
    case RegistryResult::NotFound: break;
  }
  return "not_found";
}

courthub::Json RegistryCheck::to_json() const {
  return courthub::Json::object({{"result", code()}, {"detail", detail}});
}

RegistryTable RegistryTable::parse(std::string_view text, const std::string& file,
                                   std::vector<std::string>& problems) {
  RegistryTable t;
  courthub::CsvTable csv;
  try {
    csv = courthub::CsvTable::parse(text);
  } catch (const courthub::Error& e) {
    problems.push_back(file + ": " + e.what());
    return t;
  }
  for (std::string_view col : {"licence_no", "name", "firm", "status"})
    if (!csv.column(col)) {
      problems.push_back(file + ":1: the header has no column '" + std::string(col) +
                         "' (expected licence_no,name,firm,status)");
      return t;
    }
  for (auto& row : csv.rows) {
    const std::string at = file + ":" + std::to_string(row.line) + ": ";
    if (!csv.width_matches(row)) {
      problems.push_back(at + "has " + std::to_string(row.fields.size()) + " fields, the header " +
                         std::to_string(csv.header.size()));
      continue;
    }
    RegistryEntry e{trimmed(csv.field(row, "licence_no")), trimmed(csv.field(row, "name")),
                    trimmed(csv.field(row, "firm")), trimmed(csv.field(row, "status")), row.line};
    if (auto p = licence_no_problem(e.licence_no)) {
      problems.push_back(at + "licence_no " + *p);
    } else if (e.name.empty() || e.firm.empty()) {
      problems.push_back(at + "name and firm must not be empty");
    } else if (!known_status(e.status)) {
      problems.push_back(at + "status must be 正常, 暂停执业 or 注销, not '" + e.status + "'");
    } else if (auto seen = t.entries_.find(e.licence_no); seen != t.entries_.end()) {
      problems.push_back(at + "licence_no " + e.licence_no + " is already on line " +
                         std::to_string(seen->second.line));
    } else {
      t.entries_.emplace(e.licence_no, std::move(e));
    }
  }
  return t;
}

RegistryCheck RegistryTable::check(const std::string& licence_no, const std::string& name,
                                   const std::string& firm) const {
  auto it = entries_.find(trimmed(licence_no));
  if (it == entries_.end())
    return {RegistryResult::NotFound, "", "核验登记中没有此执业证号"};
  const RegistryEntry& e = it->second;
  if (e.status != kPracticing)
    return {RegistryResult::NotPracticing, "", "核验登记显示该执业证状态为" + e.status};
  if (e.name != trimmed(name))
    return {RegistryResult::Mismatch, "name", "姓名与核验登记不一致"};
  if (e.firm != trimmed(firm))
    return {RegistryResult::Mismatch, "firm", "执业机构与核验登记不一致"};
  return {RegistryResult::Match, "", "与核验登记一致"};
}

RegistryFile::Loaded RegistryFile::load(const std::string& base_dir) {
  if (path_.empty()) {
    static const auto empty = std::make_shared<const RegistryTable>();
    return {empty, {}};
  }
  std::filesystem::path p(path_);
  if (p.is_relative()) p = std::filesystem::path(base_dir) / p;
  const std::string file = p.string();

  std::lock_guard lock(mutex_);
  std::error_code ec;
  const auto time = std::filesystem::last_write_time(p, ec);
  const auto size = ec ? 0 : std::filesystem::file_size(p, ec);
  std::vector<std::string> problems;
  if (ec) {
    problems.push_back(file + ": cannot be read (" + ec.message() + ")");
    seen_ = false;  // read it again whenever it is back
  } else if (!seen_ || time != seen_time_ || size != seen_size_) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      problems.push_back(file + ": cannot be read");
    } else {
      auto table = RegistryTable::parse(text.str(), file, problems);
      if (problems.empty()) good_ = std::make_shared<const RegistryTable>(std::move(table));
    }
    seen_ = true;
    seen_time_ = time;
    seen_size_ = size;
  } else {
    problems = failed_;  // unchanged since the last look
  }
  const bool fresh = problems != failed_;
  failed_ = problems;
  if (!good_)
    throw courthub::Unavailable("the verification registry is not usable: " +
                                (problems.empty() ? file : problems.front()));
  Loaded out{good_, {}};
  if (fresh) out.problems = std::move(problems);
  return out;
}

}  // namespace lawyers
