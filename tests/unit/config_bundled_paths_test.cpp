// SPDX-License-Identifier: Apache-2.0
// Tests the bundled paths a configuration can name (COURTHUB_BUNDLED_PLUGINS, COURTHUB_SHARE) and
// the demo configuration read through them from anywhere, with an optional folder of one's own.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "host/config/bundled_paths.hpp"
#include "host/config/config_loader.hpp"

namespace courthub::config {
namespace {

namespace fs = std::filesystem;

Env env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

class BundledPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/courthub-bundled-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_F(BundledPathsTest, AnInstalledBinaryNamesItsLibAndShareFolders) {
  fs::create_directories(dir_ + "/usr/lib/courthub/plugins");
  Env env = with_bundled_paths(env_of({}), dir_ + "/usr/bin/courthub");
  EXPECT_EQ(env("COURTHUB_BUNDLED_PLUGINS"), dir_ + "/usr/lib/courthub/plugins");
  EXPECT_EQ(env("COURTHUB_SHARE"), dir_ + "/usr/share/courthub");
  EXPECT_EQ(env("HOME_OF_NOTHING"), std::nullopt);
}

TEST_F(BundledPathsTest, ABuildTreeBinaryNamesTheBuildsPluginFolder) {
  Env env = with_bundled_paths(env_of({}), dir_ + "/build/bin/courthub");
  EXPECT_EQ(env("COURTHUB_BUNDLED_PLUGINS"), dir_ + "/build/plugins");
  EXPECT_EQ(env("COURTHUB_SHARE"), dir_ + "/build/share/courthub");
}

TEST_F(BundledPathsTest, TheEnvironmentWins) {
  Env env = with_bundled_paths(env_of({{"COURTHUB_SHARE", "/srv/share"}, {"X", "1"}}),
                               dir_ + "/bin/courthub");
  EXPECT_EQ(env("COURTHUB_SHARE"), "/srv/share");
  EXPECT_EQ(env("X"), "1");
}

// The demo configuration, copied somewhere else, read as the build's own binary reads it.
TEST_F(BundledPathsTest, ACopiedDemoConfigurationFindsTheDemoDirectoryAndEveryPlugin) {
  fs::copy_file(COURTHUB_SOURCE_DIR "/config/courthub.yaml", dir_ + "/copy.yaml");
  std::string bin = COURTHUB_BINARY_DIR "/bin/courthub";
  LoadResult r = load_config(dir_ + "/copy.yaml", with_bundled_paths(env_of({}), bin));
  ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].to_string());
  const Config& c = *r.config;
  ASSERT_EQ(c.directory.seed.size(), 2u);
  EXPECT_EQ(c.directory.seed[0], COURTHUB_BINARY_DIR "/share/courthub/directory/courts.yaml");
  EXPECT_EQ(c.plugin_search_path, std::vector<std::string>{COURTHUB_PLUGIN_DIR});
  for (auto& p : c.plugins) EXPECT_EQ(p.file, COURTHUB_PLUGIN_DIR "/" + p.name + ".so");
  EXPECT_EQ(c.dingtalk.api_base, "http://127.0.0.1:9090");
}

TEST_F(BundledPathsTest, ASecondPluginFolderComesFirstAndHidesNothing) {
  fs::create_directories(dir_ + "/mine");
  std::ofstream(dir_ + "/mine/hello.so") << "";
  LoadResult r = load_config(
      COURTHUB_SOURCE_DIR "/config/courthub.yaml",
      with_bundled_paths(env_of({{"COURTHUB_PLUGIN_DIR", dir_ + "/mine"}}),
                         COURTHUB_BINARY_DIR "/bin/courthub"));
  ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].to_string());
  EXPECT_EQ(r.config->plugin_search_path,
            (std::vector<std::string>{dir_ + "/mine", COURTHUB_PLUGIN_DIR}));
  EXPECT_EQ(r.config->plugin("hello")->file, dir_ + "/mine/hello.so");
  EXPECT_EQ(r.config->plugin("rooms")->file, COURTHUB_PLUGIN_DIR "/rooms.so");
}

TEST_F(BundledPathsTest, OneVariableMovesTheDoubleEverywhereTheDemoUsesIt) {
  LoadResult r = load_config(COURTHUB_SOURCE_DIR "/config/courthub.yaml",
                             with_bundled_paths(env_of({{"COURTHUB_DOUBLE_PORT", "19090"}}),
                                                COURTHUB_BINARY_DIR "/bin/courthub"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.config->dingtalk.api_base, "http://127.0.0.1:19090");
  ASSERT_EQ(r.config->dingtalk.group_robots.size(), 1u);
  EXPECT_EQ(r.config->dingtalk.group_robots[0].webhook.rfind("http://127.0.0.1:19090/", 0), 0u);
}

}  // namespace
}  // namespace courthub::config
