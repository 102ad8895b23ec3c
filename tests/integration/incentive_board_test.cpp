// SPDX-License-Identifier: Apache-2.0
// The incentive board in the real host over HTTP: cases imported as CSV by the operator and by
// the high court's court_admin (a mini-app session), the import list, refusals, settings errors
// that name file:line, and the cases surviving a restart.
#include <gtest/gtest.h>

#include <signal.h>

#include <sstream>

#include "bundled_plugins.hpp"
#include "host_process.hpp"

namespace courthub::it {
namespace {

const std::string kBoard = "/apps/incentive_board";

std::string board_entry(const std::string& settings = "      demo: {cases: 0}\n") {
  return "  - name: incentive_board\n    settings:\n" + settings;
}

// Three closed first-instance cases of 沈阳市和平区人民法院 and one naming an unknown court.
std::string cases_csv(const std::string& suffix = "") {
  std::string csv =
      "case_id,case_no,court_code,judge_id,dispute_id,category,procedure,filed_on,closed_on,"
      "limit_days,closing_method,petitions\r\n";
  for (int i = 1; i <= 3; ++i)
    csv += "IT-" + std::to_string(i) + ",(2026)辽0102民初" + std::to_string(i) +
           "号,LN-BC-SY-01,LN-BC-SY-01-011,D-" + std::to_string(i) +
           ",civil,first_instance,2026-02-02,2026-04-01,180,judgment," + suffix + "\r\n";
  csv += "IT-9,(2026)x,LN-XX-01,LN-BC-SY-01-011,D-9,civil,first_instance,2026-02-02,,180,,\r\n";
  return csv;
}

HttpResponse post_cases(const HostProcess& host, const std::string& body,
                        const std::string& media_type, const std::string& bearer = kAdminToken) {
  return http(host.port(), "POST", kBoard + "/imports", body,
              {{"Content-Type", media_type}, {"Authorization", "Bearer " + bearer}});
}

int line_of(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  int line = 1;
  for (size_t i = 0; i < at && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

TEST(IncentiveBoard, ImportsCsvOverHttpAndListsTheImport) {
  HostProcess host(
      test_config(board_entry("      demo: {cases: 0}\n      min_sample: {default: 1}\n"), "", "real"));
  auto r = post_cases(host, cases_csv(), "text/csv; charset=utf-8");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 3);
  EXPECT_EQ(r.json()["updated"], 0);
  ASSERT_EQ(r.json()["rejected"].size(), 1u);
  EXPECT_EQ(r.json()["rejected"][0],
            Json::object({{"line", 5}, {"field", "court_code"}, {"reason", "unknown court"}}));

  r = post_cases(host, cases_csv("2"), "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 0);
  EXPECT_EQ(r.json()["updated"], 3);

  r = host.admin_get(kBoard + "/imports");
  ASSERT_EQ(r.status, 200) << r.body;
  auto imports = r.json()["imports"];
  ASSERT_EQ(imports.size(), 2u);
  EXPECT_EQ(imports[0]["updated"], 3);
  EXPECT_EQ(imports[0]["source"], "upload");
  EXPECT_EQ(imports[0]["by"], "admin");

  // The board counts the imported cases (a minimum sample of 1 for this test's three).
  r = host.admin_get(kBoard + "/boards/courts?as_of=2026-06-30&from=2026-01-01");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json board = r.json();
  ASSERT_EQ(board["peer_groups"].size(), 4u);
  Json member;
  for (auto& g : board["peer_groups"])
    for (auto& m : g["members"])
      if (m["court_code"] == "LN-BC-SY-01") member = m;
  ASSERT_TRUE(member.is_object()) << r.body.substr(0, 2000);
  EXPECT_EQ(member["values"]["A2"], 1.0);  // all three closed within their limit
  EXPECT_EQ(member["values"]["C4"], 2.0);  // two petitions each (the re-import)
}

TEST(IncentiveBoard, TheHighCourtsAdminMayImportAndOthersMayNot) {
  HostProcess host(test_config(board_entry(), "", "real"));
  auto r = post_cases(host, cases_csv(), "text/csv", session_token("LN-HC-173"));
  EXPECT_EQ(r.status, 200) << r.body;
  r = post_cases(host, cases_csv(), "text/csv", session_token("LN-BC-SY-01-045"));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.json()["error"]["code"], "permission_denied");
  r = post_cases(host, cases_csv(), "text/plain");
  EXPECT_EQ(r.status, 415) << r.body;
  r = post_cases(host, "", "text/csv");
  EXPECT_EQ(r.status, 400) << r.body;
  r = post_cases(host, "case_id,case_no\r\nA,B\r\n", "text/csv");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("court_code, judge_id"), std::string::npos) << r.body;
}

TEST(IncentiveBoard, CasesSurviveARestart) {
  std::string config = test_config(board_entry(), "", "real");
  HostProcess host(config);  // kept until the end: its folder holds the data
  ASSERT_EQ(post_cases(host, cases_csv(), "text/csv").status, 200);
  host.send_signal(SIGTERM);
  ASSERT_EQ(host.wait_exit(20000), 0);
  HostProcess again(config, {"--data-dir", host.data_dir()});
  // The same cases again: all of them are updates, so the restart loaded them.
  auto r = post_cases(again, cases_csv(), "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["updated"], 3);
  EXPECT_NE(again.log().find("loaded 3 cases"), std::string::npos) << again.log();
}

TEST(IncentiveBoard, SettingsErrorsNameFileAndLine) {
  HostProcess host(test_config(board_entry(), "", "real"));
  std::string bad = test_config(
      board_entry("      demo: {cases: 0}\n      weights: {A: -1, B: 25, C: 20, D: 20, E: 10}\n"), "",
      "real");
  host.rewrite_config(bad);
  auto r = host.admin_post("/admin/reload");
  ASSERT_EQ(r.status, 400) << r.body;
  std::string where = "courthub.yaml:" + std::to_string(line_of(bad, "weights:")) +
                      ": plugins.incentive_board.settings/weights/A";
  EXPECT_NE(r.body.find(where), std::string::npos) << where << "\n" << r.body;
}

}  // namespace
}  // namespace courthub::it
