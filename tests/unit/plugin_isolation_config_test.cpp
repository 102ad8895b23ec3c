// SPDX-License-Identifier: Apache-2.0
// A plugin's `isolation:` and `runner:` in the YAML: the default follows where the plugin comes
// from (bundled: in the host's process; anything else: a runner process), values, ranges, and
// errors with file:line.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "host/config/config_loader.hpp"

namespace courthub::config {
namespace {

class PluginIsolationConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "courthub-iso-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    std::filesystem::create_directories(dir_ + "/bundled");
    std::filesystem::create_directories(dir_ + "/own");
    std::ofstream(dir_ + "/bundled/b.so") << "";
    std::ofstream(dir_ + "/own/o.so") << "";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  LoadResult load(const std::string& plugins) {
    std::ofstream(file()) << "admin: {token: admin-token-0123456789abcdef}\n"
                             "sessions: {secret: session-secret-0123456789abcdef}\n"
                             "plugin_search_path: [bundled, own]\n"
                             "plugins:\n"
                          << plugins;
    std::string bundled = dir_ + "/bundled/";  // a trailing slash names the same folder
    return load_config(file(), [bundled](const std::string& name) -> std::optional<std::string> {
      if (name == "COURTHUB_BUNDLED_PLUGINS") return bundled;
      return std::nullopt;
    });
  }
  std::string file() const { return dir_ + "/courthub.yaml"; }
  static std::string issues(const LoadResult& r) {
    std::string out;
    for (auto& e : r.errors) out += e.to_string() + "\n";
    return out;
  }
  std::string dir_;
};

TEST_F(PluginIsolationConfig, BundledPluginsRunInTheHostOthersInARunnerByDefault) {
  LoadResult r = load("  - name: b\n  - name: o\n");
  ASSERT_TRUE(r.ok()) << issues(r);
  EXPECT_EQ(r.config->plugins.at(0).isolation, "in_process");
  EXPECT_EQ(r.config->plugins.at(1).isolation, "process");
  const RunnerConfig& rc = r.config->plugins.at(1).runner;
  EXPECT_EQ(rc.max_crashes, 5);
  EXPECT_EQ(rc.window_s, 600);
  EXPECT_EQ(rc.backoff_initial_ms, 500);
  EXPECT_EQ(rc.backoff_max_ms, 30000);
  EXPECT_EQ(rc.channels, 8);
}

TEST_F(PluginIsolationConfig, AnExplicitFileOutsideTheBundledFolderIsNotBundled) {
  std::filesystem::copy_file(dir_ + "/bundled/b.so", dir_ + "/own/b.so");
  LoadResult r = load("  - name: b\n    file: own/b.so\n");
  ASSERT_TRUE(r.ok()) << issues(r);
  EXPECT_EQ(r.config->plugins.at(0).isolation, "process");
}

TEST_F(PluginIsolationConfig, ValuesAreRead) {
  LoadResult r = load(
      "  - name: b\n    isolation: process\n"
      "    runner: {max_crashes: 2, window_s: 60, backoff_initial_ms: 10, backoff_max_ms: 20,"
      " channels: 3}\n"
      "  - name: o\n    isolation: in_process\n");
  ASSERT_TRUE(r.ok()) << issues(r);
  EXPECT_EQ(r.config->plugins.at(0).isolation, "process");
  EXPECT_EQ(r.config->plugins.at(0).runner,
            (RunnerConfig{.max_crashes = 2, .window_s = 60, .backoff_initial_ms = 10,
                          .backoff_max_ms = 20, .channels = 3}));
  EXPECT_EQ(r.config->plugins.at(1).isolation, "in_process");
}

TEST_F(PluginIsolationConfig, BadValuesNameFileAndLine) {
  LoadResult r = load(
      "  - name: b\n"
      "    isolation: sandbox\n"
      "    runner: {max_crashes: 0, channels: 65, backoff_initial_ms: 100, backoff_max_ms: 50,"
      " restarts: 3}\n");
  ASSERT_FALSE(r.ok());
  std::string all = issues(r);
  EXPECT_NE(all.find(file() + ":6: plugins[0].isolation: expected in_process or process, found "
                              "'sandbox'"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("plugins[0].runner.max_crashes"), std::string::npos) << all;
  EXPECT_NE(all.find("plugins[0].runner.channels"), std::string::npos) << all;
  EXPECT_NE(all.find("backoff_max_ms must not be below backoff_initial_ms"), std::string::npos)
      << all;
  EXPECT_NE(all.find("plugins[0].runner.restarts: unknown key"), std::string::npos) << all;
}

}  // namespace
}  // namespace courthub::config
