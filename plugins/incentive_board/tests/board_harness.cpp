// SPDX-License-Identifier: Apache-2.0
// The board tests' harness, directory, clock and cases.
#include "board_harness.hpp"

#include <courthub/time.hpp>

namespace board::testing {

namespace {

struct CourtSeat {
  std::string code, name, level, dept;
};

const std::vector<CourtSeat>& seats() {
  static const std::vector<CourtSeat> s = {
      {kHigh, "辽宁省高级人民法院", "high", "1000"},
      {kInter, "沈阳市中级人民法院", "intermediate", "2000"},
      {kB1, "沈阳市和平区人民法院", "basic", "18000"},
      {kB2, "沈阳市沈河区人民法院", "basic", "19000"},
      {kB3, "沈阳市大东区人民法院", "basic", "20000"}};
  return s;
}

}  // namespace

std::vector<std::string> judges_of(const std::string& court) {
  return {court + "-024", court + "-025"};
}

int64_t clock_start_ms() {
  return courthub::time::to_unix_ms(courthub::time::make_date(2026, 12, 7), 6 * 60);
}

Json board_settings(const std::string& mode) {
  return Json::object({{"mode", mode},
                       {"demo", Json::object({{"cases", 0}})},
                       {"notices", Json::object({{"enabled", false}})}});
}

std::unique_ptr<PluginHarness> make_board(const Json& settings, const std::string& data_dir) {
  courthub::testing::HarnessOptions options;
  options.settings = settings;
  options.data_dir = data_dir;
  options.start_ms = clock_start_ms();
  auto h = std::make_unique<PluginHarness>(BOARD_PLUGIN_FILE, options);
  for (auto& c : seats()) {
    h->add_court({c.code, c.name, c.level, "ordinary", c.level == "high" ? "" : kHigh, "沈阳",
                  c.dept});
    h->add_department({c.dept, c.name, c.code, "", "", ""});
  }
  h->add_person({kHighAdmin, "省院管理员", kHigh, "1000", "综合管理员", {"court_admin"}});
  h->add_person({kHighJudge, "省院法官", kHigh, "1000", "审判员", {"judge"}});
  h->add_person({kInterJudge, "中院法官", kInter, "2000", "审判员", {"judge"}});
  for (auto& c : seats()) {
    if (c.level != "basic") continue;
    h->add_person({c.code + "-001", "院长" + c.code.substr(9), c.code, c.dept, "院长",
                   {"president"}});
    h->add_person({c.code + "-002", "副院长" + c.code.substr(9), c.code, c.dept, "副院长",
                   {"vice_president"}});
    h->add_person({c.code + "-045", "管理员" + c.code.substr(9), c.code, c.dept, "综合管理员",
                   {"court_admin"}});
    h->add_person({c.code + "-027", "书记员" + c.code.substr(9), c.code, c.dept, "书记员",
                   {"clerk"}});
    auto judges = judges_of(c.code);
    h->add_person({judges[0], "法官甲" + c.code.substr(9), c.code, c.dept, "审判员", {"judge"}});
    h->add_person({judges[1], "法官乙" + c.code.substr(9), c.code, c.dept, "审判员", {"judge"}});
  }
  return h;
}

std::vector<CaseRow> cases(const std::string& prefix, const std::string& court, int count,
                           int mediated, const std::string& filed_on,
                           const std::string& closed_on, const std::string& judge) {
  std::vector<CaseRow> out;
  auto judges = judges_of(court);
  for (int i = 0; i < count; ++i)
    out.push_back({prefix + "-" + std::to_string(i), court,
                   judge.empty() ? judges[static_cast<size_t>(i) % 2] : judge, filed_on,
                   closed_on, i < mediated ? "mediation" : "judgment"});
  return out;
}

std::vector<CaseRow> base_cases() {
  std::vector<CaseRow> out;
  auto add = [&](std::vector<CaseRow> rows) { out.insert(out.end(), rows.begin(), rows.end()); };
  add(cases("B1", kB1, 10, 6));
  add(cases("B2", kB2, 10, 4));
  add(cases("B3", kB3, 10, 2));
  add(cases("IC", kInter, 5, 0, "2026-03-01", "2026-03-31", kInterJudge));
  add(cases("HC", kHigh, 10, 0, "2026-03-01", "2026-03-31", kHighJudge));
  return out;
}

void import_cases(PluginHarness& h, const std::vector<CaseRow>& rows) {
  std::string csv =
      "case_id,case_no,court_code,judge_id,dispute_id,category,procedure,filed_on,closed_on,"
      "limit_days,extended_days,deducted_days,closing_method,appealed,appeal_outcome,"
      "retrial_applied,retrial_outcome,filing_changed,petitions,doc_reviewed,doc_error,"
      "amount_applied,amount_collected\n";
  for (auto& r : rows)
    csv += r.case_id + ",(2026)辽" + r.case_id + "号," + r.court + "," + r.judge + ",D-" +
           r.case_id + ",civil,first_instance," + r.filed_on + "," + r.closed_on + ",180,0,0," +
           r.closing_method + ",false,,false,,false,0,false,false,,\n";
  auto res = h.as_admin().request("POST", "/imports", csv, "text/csv");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json()["rejected"].size(), 0u) << res.body;
}

Json court_member(const Json& board, const std::string& code) {
  for (auto& g : board["peer_groups"])
    for (auto& m : g["members"])
      if (m["court_code"] == code) return m;
  return Json();
}

bool has_key_anywhere(const Json& j, std::string_view key) {
  if (j.is_object()) {
    for (auto& [k, v] : j.items())
      if (k == key || has_key_anywhere(v, key)) return true;
  } else if (j.is_array()) {
    for (auto& v : j)
      if (has_key_anywhere(v, key)) return true;
  }
  return false;
}

std::string error_message(const courthub::testing::HttpResult& r) {
  try {
    return r.json()["error"]["message"].get<std::string>();
  } catch (...) {
    return r.body;
  }
}

}  // namespace board::testing
