// SPDX-License-Identifier: Apache-2.0
// A plugin's `limits:` in the YAML: defaults, values, ranges and unknown keys with file:line.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "host/config/config_loader.hpp"

namespace courthub::config {
namespace {

class PluginLimitsConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "courthub-limits-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    std::ofstream(dir_ + "/p.so") << "";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  LoadResult load(const std::string& plugins) {
    std::ofstream(file()) << "admin: {token: admin-token-0123456789abcdef}\n"
                             "sessions: {secret: session-secret-0123456789abcdef}\n"
                             "plugins:\n"
                          << plugins;
    return load_config(file(), [](const std::string&) { return std::nullopt; });
  }
  std::string file() const { return dir_ + "/courthub.yaml"; }
  static std::string issues(const LoadResult& r) {
    std::string out;
    for (auto& e : r.errors) out += e.to_string() + "\n";
    return out;
  }
  std::string dir_;
};

TEST_F(PluginLimitsConfig, DefaultsWhenAbsent) {
  LoadResult r = load("  - name: p\n    file: p.so\n");
  ASSERT_TRUE(r.ok()) << issues(r);
  const PluginLimits& l = r.config->plugins.at(0).limits;
  EXPECT_EQ(l.deadline_ms, 5000);
  EXPECT_EQ(l.max_concurrent, 4);
  EXPECT_EQ(l.max_queued, 4);
}

TEST_F(PluginLimitsConfig, ValuesAreRead) {
  LoadResult r = load(
      "  - name: p\n    file: p.so\n    limits: {deadline_ms: 250, max_concurrent: 8, "
      "max_queued: 0}\n");
  ASSERT_TRUE(r.ok()) << issues(r);
  const PluginLimits& l = r.config->plugins.at(0).limits;
  EXPECT_EQ(l.deadline_ms, 250);
  EXPECT_EQ(l.max_concurrent, 8);
  EXPECT_EQ(l.max_queued, 0);
}

TEST_F(PluginLimitsConfig, OutOfRangeAndUnknownKeysNameFileAndLine) {
  LoadResult r = load(
      "  - name: p\n    file: p.so\n    limits:\n      deadline_ms: 0\n      max_concurrent: 65\n"
      "      max_queued: -1\n      deadline: 5\n");
  EXPECT_FALSE(r.ok());
  std::string all = issues(r);
  EXPECT_NE(all.find(file() + ":7: plugins[0].limits.deadline_ms: must be between 1 and 600000, "
                              "found 0"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find(file() + ":8: plugins[0].limits.max_concurrent: must be between 1 and 64, "
                              "found 65"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find(file() + ":9: plugins[0].limits.max_queued: must be between 0 and 1024, "
                              "found -1"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find(file() + ":10: plugins[0].limits.deadline: unknown key; did you mean "
                              "'deadline_ms'?"),
            std::string::npos)
      << all;
}

TEST_F(PluginLimitsConfig, LimitsMustBeAMapping) {
  LoadResult r = load("  - name: p\n    file: p.so\n    limits: 5\n");
  EXPECT_NE(issues(r).find(file() + ":6: plugins[0].limits: expected a mapping with the keys "
                                    "deadline_ms, max_concurrent, max_queued, found a scalar"),
            std::string::npos)
      << issues(r);
}

}  // namespace
}  // namespace courthub::config
