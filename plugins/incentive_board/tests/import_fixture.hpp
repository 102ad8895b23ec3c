// SPDX-License-Identifier: Apache-2.0
// What the import tests share: a harness running incentive_board.so over a three-court directory
// (the high court, one intermediate, one basic court with two judges), and CSV/NDJSON builders
// whose rows are valid unless a test says otherwise.
#pragma once

#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace board::import_tests {

using courthub::Json;
using courthub::testing::HttpResult;
using courthub::testing::PluginHarness;

inline const std::string kHigh = "LN-HC";
inline const std::string kBasic = "LN-BC-SY-01";
inline const std::string kHighAdmin = "LN-HC-173";      // court_admin of the high court
inline const std::string kBasicAdmin = "LN-BC-SY-01-045";  // court_admin of a basic court
inline const std::string kJudge = "LN-BC-SY-01-024";
inline const std::string kOtherJudge = "LN-BC-SY-01-025";

inline Json test_settings(Json extra = Json::object()) {
  Json s = Json::object({{"demo", Json::object({{"cases", 0}})},
                         {"imports", Json::object({{"drop_folder", ""}})}});
  for (auto& [k, v] : extra.items()) s[k] = v;
  return s;
}

inline std::unique_ptr<PluginHarness> make_harness(Json settings = test_settings(),
                                                   const std::string& data_dir = "") {
  courthub::testing::HarnessOptions options;
  options.settings = std::move(settings);
  options.data_dir = data_dir;
  auto h = std::make_unique<PluginHarness>(BOARD_PLUGIN_FILE, options);
  h->add_court({kHigh, "辽宁省高级人民法院", "high", "ordinary", "", "沈阳", "1000"});
  h->add_court({"LN-IC-SY", "沈阳市中级人民法院", "intermediate", "ordinary", kHigh, "沈阳", "2000"});
  h->add_court({kBasic, "沈阳市和平区人民法院", "basic", "ordinary", "LN-IC-SY", "沈阳", "18000"});
  h->add_department({"1018", "办公室", kHigh, "1000", "", ""});
  h->add_department({"18003", "民事审判第一庭", kBasic, "18000", "", ""});
  h->add_department({"18007", "办公室", kBasic, "18000", "", ""});
  h->add_person({kHighAdmin, "张发国", kHigh, "1018", "综合管理员", {"court_admin"}});
  h->add_person({kBasicAdmin, "余磊龙", kBasic, "18007", "综合管理员", {"court_admin"}});
  h->add_person({kJudge, "赵红朋", kBasic, "18003", "审判员", {"judge"}});
  h->add_person({kOtherJudge, "钱明", kBasic, "18003", "审判员", {"judge"}});
  return h;
}

// One case as CSV columns: a closed first-instance civil case of kJudge, unless `f` says else.
using Fields = std::map<std::string, std::string>;
inline Fields a_case(const std::string& id, Fields f = {}) {
  Fields c = {{"case_id", id},
              {"case_no", "(2026)辽0102民初" + id + "号"},
              {"court_code", kBasic},
              {"judge_id", kJudge},
              {"dispute_id", "D-" + id},
              {"category", "civil"},
              {"procedure", "first_instance"},
              {"filed_on", "2026-03-02"},
              {"closed_on", "2026-05-10"},
              {"limit_days", "180"},
              {"closing_method", "judgment"}};
  for (auto& [k, v] : f) c[k] = v;
  return c;
}

inline const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> columns = {
      "case_id",        "case_no",       "court_code",     "judge_id",        "dispute_id",
      "category",       "procedure",     "filed_on",       "closed_on",       "limit_days",
      "extended_days",  "deducted_days", "closing_method", "appealed",        "appeal_outcome",
      "retrial_applied", "retrial_outcome", "filing_changed", "petitions",     "doc_reviewed",
      "doc_error",      "amount_applied", "amount_collected"};
  return columns;
}

inline std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A CSV of every column of the spec, one line a case (line 1 is the header, case i is line i+2).
inline std::string csv(const std::vector<Fields>& cases) {
  std::string out;
  for (auto& c : csv_columns()) out += (out.empty() ? "" : ",") + c;
  out += "\r\n";
  for (auto& f : cases) {
    std::string line;
    for (size_t i = 0; i < csv_columns().size(); ++i) {
      auto it = f.find(csv_columns()[i]);
      line += (i ? "," : "") + csv_field(it == f.end() ? "" : it->second);
    }
    out += line + "\r\n";
  }
  return out;
}

inline std::string ndjson(const std::vector<Fields>& cases) {
  std::string out;
  for (auto& f : cases) {
    Json o = Json::object();
    for (auto& [k, v] : f)
      if (!v.empty()) o[k] = v;
    out += o.dump() + "\n";
  }
  return out;
}

inline HttpResult post_csv(PluginHarness& h, const std::string& body) {
  return h.request("POST", "/imports", body, "text/csv");
}

inline int64_t count_of(PluginHarness& h, const std::string& sql) {
  return h.query(sql).at(0)["n"].get<int64_t>();
}

inline std::string stored(PluginHarness& h, const std::string& case_id, const std::string& column) {
  auto rows = h.query("SELECT " + column + " AS v FROM cases WHERE case_id = ?", {Json(case_id)});
  if (rows.empty()) return "<none>";
  return rows[0]["v"].is_string() ? rows[0]["v"].get<std::string>() : rows[0]["v"].dump();
}

inline std::string error_message(const HttpResult& r) {
  try {
    return r.json()["error"]["message"].get<std::string>();
  } catch (...) {
    return r.body;
  }
}

}  // namespace board::import_tests
