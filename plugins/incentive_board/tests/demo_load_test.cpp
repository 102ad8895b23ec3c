// SPDX-License-Identifier: Apache-2.0
// The demo load: at the first start on an empty database, demo.cases synthetic cases for the
// demo directory's 128 courts, imported as "demo"; never again once there are cases.
#include <filesystem>

#include "import_fixture.hpp"

namespace board::import_tests {
namespace {

std::unique_ptr<PluginHarness> demo_harness(int64_t cases, const std::string& data_dir = "") {
  courthub::testing::HarnessOptions options;
  options.settings = test_settings(
      Json::object({{"demo", Json::object({{"cases", std::to_string(cases)}, {"seed", 7}})}}));
  options.directory_seed = {BOARD_DIRECTORY_DIR "/courts.yaml", BOARD_DIRECTORY_DIR "/staff.yaml"};
  options.data_dir = data_dir;
  return std::make_unique<PluginHarness>(BOARD_PLUGIN_FILE, options);
}

TEST(DemoLoad, TheFirstStartImportsTheDemoCasesOnce) {
  auto dir = std::filesystem::temp_directory_path() /
             ("board-demo-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
              "-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  {
    auto h = demo_harness(3000, dir.string());
    auto imports = h->as_admin().get("/imports").json()["imports"];
    ASSERT_EQ(imports.size(), 1u) << imports;
    EXPECT_EQ(imports[0]["source"], "demo");
    EXPECT_EQ(imports[0]["inserted"], 3000);
    EXPECT_EQ(imports[0]["rejected"], 0);
    EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 3000);
    EXPECT_EQ(count_of(*h, "SELECT count(DISTINCT court_code) AS n FROM cases"), 128);
  }
  {
    auto again = demo_harness(3000, dir.string());  // a restart: cases are there, none are added
    EXPECT_EQ(again->as_admin().get("/imports").json()["imports"].size(), 1u);
    EXPECT_EQ(count_of(*again, "SELECT count(*) AS n FROM cases"), 3000);
  }
  std::filesystem::remove_all(dir);
}

TEST(DemoLoad, ZeroCasesStartsEmpty) {
  auto h = demo_harness(0);
  EXPECT_EQ(h->as_admin().get("/imports").json()["imports"].size(), 0u);
  EXPECT_EQ(count_of(*h, "SELECT count(*) AS n FROM cases"), 0);
}

}  // namespace
}  // namespace board::import_tests
