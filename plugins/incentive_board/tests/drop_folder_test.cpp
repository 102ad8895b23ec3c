// SPDX-License-Identifier: Apache-2.0
// The drop folder's job through the harness: what it imports, in which order, where each file
// goes, and the result beside it.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "import_fixture.hpp"

namespace board::import_tests {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The folder of the setting "drops": relative, so under the plugin's data directory.
fs::path drops_of(PluginHarness& h) {
  return fs::path(h.data_dir()) / "plugins" / "incentive_board" / "drops";
}

std::unique_ptr<PluginHarness> harness_with_drop_folder() {
  return make_harness(test_settings(Json::object({{"imports", Json::object({{"drop_folder", "drops"}})}})));
}

TEST(DropFolder, ImportsEachFileInNameOrderAndFilesItWithItsResult) {
  auto h = harness_with_drop_folder();
  fs::path drops = drops_of(*h);
  fs::create_directories(drops);
  write(drops / "b.ndjson", ndjson({a_case("C2", {{"petitions", "7"}}), a_case("C3")}));
  write(drops / "a.csv", csv({a_case("C1"), a_case("C2", {{"petitions", "1"}}),
                              a_case("X", {{"court_code", "LN-XX"}})}));
  write(drops / "c.jsonl", ndjson({a_case("C4")}));
  write(drops / ".hidden.csv", csv({a_case("H1")}));
  write(drops / "d.csv.part", csv({a_case("P1")}));
  write(drops / "notes.txt", "not cases");

  h->run_job("drop_folder");

  EXPECT_TRUE(fs::exists(drops / "done" / "a.csv"));
  EXPECT_TRUE(fs::exists(drops / "done" / "b.ndjson"));
  EXPECT_TRUE(fs::exists(drops / "done" / "c.jsonl"));
  EXPECT_FALSE(fs::exists(drops / "a.csv"));
  for (auto name : {".hidden.csv", "d.csv.part", "notes.txt"})
    EXPECT_TRUE(fs::exists(drops / name)) << name << " was not left alone";

  Json a = Json::parse(read(drops / "done" / "a.csv.result.json"));
  EXPECT_EQ(a["inserted"], 2);
  EXPECT_EQ(a["updated"], 0);
  ASSERT_EQ(a["rejected"].size(), 1u);
  EXPECT_EQ(a["rejected"][0]["line"], 4);
  EXPECT_EQ(a["rejected"][0]["field"], "court_code");
  Json b = Json::parse(read(drops / "done" / "b.ndjson.result.json"));
  EXPECT_EQ(b["inserted"], 1);  // a.csv came first: C2 was already there
  EXPECT_EQ(b["updated"], 1);
  EXPECT_EQ(stored(*h, "C2", "petitions"), "7");
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 4);

  auto imports = h->as_admin().get("/imports").json()["imports"];
  ASSERT_EQ(imports.size(), 3u);
  EXPECT_EQ(imports[2]["file"], "a.csv");
  EXPECT_EQ(imports[1]["file"], "b.ndjson");
  EXPECT_EQ(imports[0]["file"], "c.jsonl");
  EXPECT_EQ(imports[0]["source"], "drop_folder");

  // The next run finds nothing new to do.
  h->run_job("drop_folder");
  EXPECT_EQ(h->as_admin().get("/imports").json()["imports"].size(), 3u);
}

TEST(DropFolder, AFileThatCannotBeImportedGoesToFailedWithTheReason) {
  auto h = harness_with_drop_folder();
  fs::path drops = drops_of(*h);
  fs::create_directories(drops);
  write(drops / "bad.csv", "case_id,case_no\r\nC1,N1\r\n");
  write(drops / "good.csv", csv({a_case("C1")}));

  h->run_job("drop_folder");

  EXPECT_TRUE(fs::exists(drops / "failed" / "bad.csv"));
  Json result = Json::parse(read(drops / "failed" / "bad.csv.result.json"));
  EXPECT_NE(result["error"].get<std::string>().find("judge_id"), std::string::npos) << result;
  EXPECT_TRUE(fs::exists(drops / "done" / "good.csv"));
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 1);
}

TEST(DropFolder, ImportsAFileOfThirtyThousandCases) {
  auto h = harness_with_drop_folder();
  fs::path drops = drops_of(*h);
  fs::create_directories(drops);
  {
    std::ofstream out(drops / "large.csv", std::ios::binary);
    std::string header = csv({});
    out << header;
    for (int i = 0; i < 30000; ++i) {
      std::string one = csv({a_case("L" + std::to_string(i))});
      out << one.substr(header.size());
    }
  }
  h->run_job("drop_folder");
  Json result = Json::parse(read(drops / "done" / "large.csv.result.json"));
  EXPECT_EQ(result["inserted"], 30000);
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 30000);
}

TEST(DropFolder, NoFolderSetMeansTheJobDoesNothing) {
  auto h = make_harness();  // drop_folder: ""
  h->run_job("drop_folder");
  EXPECT_FALSE(fs::exists(fs::path(h->data_dir()) / "plugins" / "incentive_board" / "board-imports"));
}

}  // namespace
}  // namespace board::import_tests
