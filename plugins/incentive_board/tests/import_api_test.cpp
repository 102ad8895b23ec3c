// SPDX-License-Identifier: Apache-2.0
// POST /imports and GET /imports through the harness: counts, each reject, re-imports, media
// types, permissions, and that an import is one transaction.
#include <chrono>
#include <filesystem>

#include "import_fixture.hpp"

namespace board::import_tests {
namespace {

Json reject(int64_t line, const std::string& field, const std::string& reason) {
  return Json::object({{"line", line}, {"field", field}, {"reason", reason}});
}

TEST(ImportApi, InsertsThenUpdatesOnReimport) {
  auto h = make_harness();
  auto r = post_csv(*h, csv({a_case("C1"), a_case("C2"), a_case("C3")}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 3);
  EXPECT_EQ(r.json()["updated"], 0);
  EXPECT_EQ(r.json()["rejected"], Json::array());
  EXPECT_GT(r.json()["import_id"].get<int64_t>(), 0);
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 3);

  r = post_csv(*h, csv({a_case("C2", {{"petitions", "4"}}), a_case("C4"),
                        a_case("C3", {{"closed_on", ""}, {"closing_method", ""}})}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 1);
  EXPECT_EQ(r.json()["updated"], 2);
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 4);
  EXPECT_EQ(stored(*h, "C2", "petitions"), "4");
  EXPECT_EQ(stored(*h, "C3", "closed_on"), "null");  // pending again
  EXPECT_EQ(stored(*h, "C1", "petitions"), "0");      // untouched
}

TEST(ImportApi, StoresTheSpecsWireForm) {
  auto h = make_harness();
  auto r = post_csv(*h, csv({a_case("E1", {{"procedure", "enforcement"},
                                           {"category", "enforcement"},
                                           {"limit_days", ""},
                                           {"closing_method", "completed"},
                                           {"amount_applied", "1234.56"},
                                           {"amount_collected", "0.1"},
                                           {"appealed", "TRUE"}})}));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json()["inserted"], 1) << r.body;
  auto row = h->query("SELECT * FROM cases WHERE case_id = 'E1'").at(0);
  EXPECT_EQ(row["procedure"], "enforcement");
  EXPECT_EQ(row["filed_on"], "2026-03-02");
  EXPECT_EQ(row["closing_method"], "completed");
  EXPECT_TRUE(row["limit_days"].is_null());
  EXPECT_EQ(row["appealed"], 1);
  EXPECT_EQ(row["amount_applied"].get<double>(), 1234.56);
  EXPECT_EQ(row["amount_collected"].get<double>(), 0.1);
}

TEST(ImportApi, TheSameCaseTwiceInOneImportCountsOnceAndTheLaterRowWins) {
  auto h = make_harness();
  auto r = post_csv(*h, csv({a_case("C1", {{"petitions", "1"}}), a_case("C1", {{"petitions", "2"}})}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 1);
  EXPECT_EQ(r.json()["updated"], 0);
  EXPECT_EQ(stored(*h, "C1", "petitions"), "2");

  r = post_csv(*h, csv({a_case("C1", {{"petitions", "3"}}), a_case("C1", {{"petitions", "5"}})}));
  EXPECT_EQ(r.json()["inserted"], 0);
  EXPECT_EQ(r.json()["updated"], 1);
  EXPECT_EQ(stored(*h, "C1", "petitions"), "5");
}

TEST(ImportApi, BadRowsAreRejectedWithLineFieldAndReasonAndGoodRowsKept) {
  auto h = make_harness();
  std::string body = csv({
      a_case("OK1"),                                                  // 2
      a_case("X1", {{"court_code", "LN-XX-99"}}),                     // 3
      a_case("X2", {{"judge_id", "nobody"}}),                         // 4
      a_case("X3", {{"filed_on", "2026-02-30"}}),                     // 5
      a_case("X4", {{"case_no", ""}}),                                // 6
      a_case("X5", {{"closed_on", "2026-01-01"}}),                    // 7: before filed_on
      a_case("X6", {{"closed_on", ""}}),                              // 8: closing_method, pending
      a_case("X7", {{"procedure", "appeal"}}),                        // 9
      a_case("X8", {{"limit_days", ""}}),                             // 10: trial without a limit
      a_case("OK2"),                                                  // 11
  });
  body += "X9,too,short\r\n";                                          // 12
  auto r = post_csv(*h, body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 2);
  auto rejected = r.json()["rejected"];
  ASSERT_EQ(rejected.size(), 9u) << rejected.dump(1);
  EXPECT_EQ(rejected[0], reject(3, "court_code", "unknown court"));
  EXPECT_EQ(rejected[1], reject(4, "judge_id", "not a person of the directory"));
  std::vector<std::pair<int64_t, std::string>> want = {
      {5, "filed_on"}, {6, "case_no"}, {7, "closed_on"}, {8, "closing_method"},
      {9, "procedure"}, {10, "limit_days"}, {12, ""}};
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(rejected[i + 2]["line"], want[i].first) << rejected[i + 2];
    EXPECT_EQ(rejected[i + 2]["field"], want[i].second) << rejected[i + 2];
    EXPECT_FALSE(rejected[i + 2]["reason"].get<std::string>().empty());
  }
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 2);
  EXPECT_EQ(count_of(*h, "SELECT rejected AS n FROM imports"), 9);
}

TEST(ImportApi, AJudgeAddedToTheDirectoryAfterTheStartIsKnown) {
  auto h = make_harness();
  h->add_person({"LN-BC-SY-01-099", "新法官", kBasic, "18003", "审判员", {"judge"}});
  auto r = post_csv(*h, csv({a_case("C1", {{"judge_id", "LN-BC-SY-01-099"}})}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 1) << r.body;
}

TEST(ImportApi, NdjsonIsImportedAndABadLineRejected) {
  auto h = make_harness();
  std::string body = ndjson({a_case("N1")}) + "{\"case_id\": \"N2\",\n" +
                     ndjson({a_case("N3", {{"appealed", "true"}})});
  auto r = h->request("POST", "/imports", body, "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 2);
  ASSERT_EQ(r.json()["rejected"].size(), 1u);
  EXPECT_EQ(r.json()["rejected"][0]["line"], 2);
  EXPECT_EQ(r.json()["rejected"][0]["field"], "");
  r = h->request("POST", "/imports", ndjson({a_case("N4")}), "application/jsonl");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 1);
}

TEST(ImportApi, AHeaderWithoutARequiredColumnIs400NamingItAndChangesNothing) {
  auto h = make_harness();
  ASSERT_EQ(post_csv(*h, csv({a_case("C1")})).status, 200);
  auto r = post_csv(*h,
                    "case_id,case_no,court_code,dispute_id,category,procedure,filed_on\r\n"
                    "C1,N,LN-BC-SY-01,D,civil,first_instance,2026-03-02\r\n");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(error_message(r).find("judge_id"), std::string::npos) << r.body;
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM imports"), 1);
  EXPECT_EQ(stored(*h, "C1", "case_no"), "(2026)辽0102民初C1号");
}

TEST(ImportApi, OtherMediaTypesAre415AndAnEmptyBodyIs400) {
  auto h = make_harness();
  for (auto type : {"text/plain", "application/vnd.ms-excel", "application/xml"}) {
    auto r = h->request("POST", "/imports", csv({a_case("C1")}), type);
    EXPECT_EQ(r.status, 415) << type << ": " << r.body;
    EXPECT_EQ(r.json()["error"]["code"], "unsupported_media_type");
    EXPECT_NE(error_message(r).find("text/csv"), std::string::npos);
  }
  // (application/json bodies that are not JSON never reach the plugin: the host answers 400.)
  EXPECT_EQ(h->request("POST", "/imports", "", "text/csv").status, 400);
  EXPECT_EQ(h->request("POST", "/imports", "\r\n", "application/x-ndjson").status, 400);
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM imports"), 0);
}

TEST(ImportApi, OnlyTheOperatorAndTheHighCourtsAdminsMayImportOrList) {
  auto h = make_harness();
  std::string body = csv({a_case("C1")});
  for (auto* who : {&kBasicAdmin, &kJudge}) {
    EXPECT_EQ(h->as(*who).request("POST", "/imports", body, "text/csv").status, 403) << *who;
    EXPECT_EQ(h->as(*who).get("/imports").status, 403) << *who;
  }
  EXPECT_EQ(h->as_anonymous().request("POST", "/imports", body, "text/csv").status, 403);
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 0);

  auto r = h->as(kHighAdmin).request("POST", "/imports", body, "text/csv");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(h->as(kHighAdmin).get("/imports").status, 200);
  EXPECT_EQ(h->as_admin().get("/imports").status, 200);
}

TEST(ImportApi, ListsImportsNewestFirst) {
  auto h = make_harness();
  post_csv(h->as_admin(), csv({a_case("C1"), a_case("C2")}));
  h->as(kHighAdmin).request("POST", "/imports", csv({a_case("C2"), a_case("X", {{"judge_id", "?"}})}),
                            "text/csv");
  auto r = h->as_admin().get("/imports");
  ASSERT_EQ(r.status, 200) << r.body;
  auto imports = r.json()["imports"];
  ASSERT_EQ(imports.size(), 2u);
  EXPECT_EQ(imports[0]["source"], "upload");
  EXPECT_EQ(imports[0]["by"], kHighAdmin);
  EXPECT_EQ(imports[0]["inserted"], 0);
  EXPECT_EQ(imports[0]["updated"], 1);
  EXPECT_EQ(imports[0]["rejected"], 1);
  EXPECT_EQ(imports[1]["by"], "admin");
  EXPECT_EQ(imports[1]["inserted"], 2);
  EXPECT_GT(imports[0]["id"].get<int64_t>(), imports[1]["id"].get<int64_t>());
  EXPECT_NE(imports[0]["at"].get<std::string>().find("+08:00"), std::string::npos);
}

// A database failure after the first batch of rows was written: nothing of the import stays.
TEST(ImportApi, AFailureMidImportLeavesThePreviousData) {
  auto h = make_harness();
  ASSERT_EQ(post_csv(*h, csv({a_case("C1"), a_case("C2")})).status, 200);
  const bool pg = h->dialect() == courthub::Dialect::kPostgres;
  if (pg) {
    h->query("CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
             "RAISE EXCEPTION 'forced failure'; END $$");
    h->query("CREATE TRIGGER boom BEFORE INSERT ON cases FOR EACH ROW "
             "WHEN (NEW.case_id = 'BOOM') EXECUTE FUNCTION boom()");
  } else {
    h->query("CREATE TRIGGER boom BEFORE INSERT ON cases WHEN NEW.case_id = 'BOOM' "
             "BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
  }
  std::vector<Fields> cases = {a_case("C1", {{"petitions", "9"}})};
  for (int i = 0; i < 600; ++i) cases.push_back(a_case("N" + std::to_string(i)));
  cases.push_back(a_case("BOOM"));  // in the second batch of 400 rows
  auto r = post_csv(*h, csv(cases));
  EXPECT_EQ(r.status, 500) << r.body;  // the host logs the reason; the caller gets a request id
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 2);
  EXPECT_EQ(stored(*h, "C1", "petitions"), "0");
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM imports"), 1);

  // The same import without the failure: the cases the failed one would have added are new.
  h->query(pg ? "DROP TRIGGER boom ON cases" : "DROP TRIGGER boom");
  r = post_csv(*h, csv(cases));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["inserted"], 601);
  EXPECT_EQ(r.json()["updated"], 1);
}

}  // namespace
}  // namespace board::import_tests

namespace board::import_tests {
namespace {

// D1 of `court` on the board of 2026-06-30, or null.
Json d1_of(PluginHarness& h, const std::string& court) {
  auto r = h.as_admin().get("/boards/courts?as_of=2026-06-30&from=2026-01-01");
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return Json();
  const Json board = r.json();
  for (auto& g : board["peer_groups"])
    for (auto& m : g["members"])
      if (m["court_code"] == court) return m["values"]["D1"];
  return Json();
}

// What an import applies to the table in memory, and what a restart loads, is what was stored:
// a large amount (which reads back from SQLite as a REAL) included.
TEST(ImportApi, TheBoardSeesTheImportedCasesAndARestartLoadsThem) {
  auto dir = std::filesystem::temp_directory_path() /
             ("board-restart-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  Json settings = test_settings(Json::object({{"min_sample", Json::object({{"default", 1}})}}));
  {
    auto h = make_harness(settings, dir.string());
    auto r = post_csv(*h, csv({a_case("E1", {{"procedure", "enforcement"},
                                             {"category", "enforcement"},
                                             {"limit_days", ""},
                                             {"closing_method", "completed"},
                                             {"amount_applied", "20000000"},
                                             {"amount_collected", "3000000"}})}));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(r.json()["inserted"], 1) << r.body;
    Json d1 = d1_of(*h, kBasic);
    ASSERT_TRUE(d1.is_number()) << d1;
    EXPECT_DOUBLE_EQ(d1.get<double>(), 0.15);
  }
  {
    auto again = make_harness(settings, dir.string());
    Json d1 = d1_of(*again, kBasic);
    ASSERT_TRUE(d1.is_number()) << d1;
    EXPECT_DOUBLE_EQ(d1.get<double>(), 0.15);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace board::import_tests
