// SPDX-License-Identifier: Apache-2.0
// The verbs of the binary, run as a user runs them.
#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "host_process.hpp"

namespace courthub::it {
namespace {

struct Run {
  int status;
  std::string output;  // stdout and stderr
};

Run run(const std::string& args) {
  std::string cmd = courthub_binary() + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int st = pclose(p);
  return Run{WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

std::string write_temp(const std::string& name, const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / ("courthub-cli-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

TEST(Cli, VersionAndHelp) {
  auto v = run("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_NE(v.output.find("courthub 0.1.0 (plugin ABI 1.0"), std::string::npos) << v.output;
  auto h = run("help");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.output.find("courthub check-config FILE"), std::string::npos);
  EXPECT_EQ(run("frobnicate").status, 2);
}

TEST(Cli, CheckConfigAcceptsTheDemoConfiguration) {
  auto r = run("check-config " + source_dir() + "/config/courthub.yaml");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find(": OK ("), std::string::npos) << r.output;
}

TEST(Cli, CheckConfigNamesFileLineKeyForEveryError) {
  std::string yaml = test_config("  - name: hello\n  - name: nosuchplugin\n");
  yaml.replace(yaml.find("threads: 8"), 10, "threads: many");
  std::string path = write_temp("bad.yaml", yaml);
  auto r = run("check-config " + path);
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("bad.yaml:3: server.threads: expected an integer"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("bad.yaml:15: plugins[1]: unknown plugin 'nosuchplugin'"),
            std::string::npos)
      << r.output;
}

TEST(Cli, CheckConfigReportsSettingsThePluginRejects) {
  std::string path = write_temp(
      "settings.yaml",
      test_config("  - name: settings_checker\n    settings:\n      rooms:\n        - capacity: 0\n"));
  auto r = run("check-config " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("settings.yaml:17: plugins.settings_checker.settings/rooms/0/capacity: "
                          "must be a positive number"),
            std::string::npos)
      << r.output;
}

TEST(Cli, PluginCheckPrintsWhatThePluginIsAndRegisters) {
  auto r = run("plugin check " + binary_dir() + "/plugins/hello.so");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("name:        hello"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("version:     1.0.0"), std::string::npos);
  EXPECT_NE(r.output.find("plugin ABI:  1.0"), std::string::npos);
  EXPECT_NE(r.output.find("POST /apps/hello/greetings"), std::string::npos);
  EXPECT_NE(r.output.find("daily-count 0 18 * * 1-5 Asia/Shanghai"), std::string::npos);
}

TEST(Cli, PluginCheckFailsWithTheReason) {
  auto r = run("plugin check " + binary_dir() + "/test-plugins/missing_entry_symbol.so");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("does not export courthub_plugin_entry"), std::string::npos);
  r = run("plugin check " + binary_dir() + "/test-plugins/abi_major_mismatch.so");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("the plugin is newer than the host"), std::string::npos);
  r = run("plugin check /nonexistent/x.so");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("no such file"), std::string::npos);
}

TEST(Cli, ServeRefusesABrokenConfigurationAndSaysWhere) {
  std::string path = write_temp("broken.yaml", "server:\n  threads: 0\n");
  auto r = run("serve --config " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("broken.yaml:2: server.threads"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("admin.token"), std::string::npos);
}

}  // namespace
}  // namespace courthub::it
