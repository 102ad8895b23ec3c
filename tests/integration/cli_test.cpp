// SPDX-License-Identifier: Apache-2.0
// The verbs of the binary, run as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "host_process.hpp"

namespace courthub::it {
namespace {

CliRun run(const std::string& args, const std::string& env = "") {
  return run_courthub(args, env);
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
  EXPECT_NE(v.output.find("courthub 0.1.0 (plugin ABI 2.3"), std::string::npos) << v.output;
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

TEST(Cli, CheckConfigRefusesAPluginWithoutPortableSqlOnPostgresWithoutConnecting) {
  std::string yaml = test_config("  - name: hello\n  - name: abi_minor_older\n");
  yaml.replace(yaml.find("storage:\n"), 9,
               "storage:\n  backend: postgres\n  postgres: {url: \"${COURTHUB_DATABASE_URL}\"}\n");
  std::string path = write_temp("pg.yaml", yaml);
  // check-config is offline: a host name that resolves nowhere is fine.
  auto r = run("check-config " + path, "COURTHUB_DATABASE_URL=host=db.invalid");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find(": plugins.abi_minor_older: plugin 'abi_minor_older' ("),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("does not declare portable SQL"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("plugins.hello"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("db.invalid"), std::string::npos) << r.output;
  // The same file on SQLite is fine: the flag matters only to PostgreSQL.
  yaml.replace(yaml.find("backend: postgres"), 17, "backend: sqlite  ");
  auto sqlite = run("check-config " + write_temp("sqlite.yaml", yaml),
                    "COURTHUB_DATABASE_URL=host=db.invalid");
  EXPECT_EQ(sqlite.status, 0) << sqlite.output;
}

TEST(Cli, PluginCheckPrintsWhatThePluginIsAndRegisters) {
  auto r = run("plugin check " + binary_dir() + "/plugins/hello.so");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("name:        hello"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("version:     1.0.0"), std::string::npos);
  EXPECT_NE(r.output.find("plugin ABI:  2.3"), std::string::npos);
  EXPECT_NE(r.output.find("portable SQL: yes (runs on SQLite and PostgreSQL)"), std::string::npos);
  EXPECT_NE(r.output.find("POST /apps/hello/greetings"), std::string::npos);
  EXPECT_NE(r.output.find("daily-count 0 18 * * 1-5 Asia/Shanghai"), std::string::npos);
}

TEST(Cli, PluginCheckChangesNothing) {
  // rooms has a migration: checking it applies it only in a scratch directory, removed after,
  // and says nothing about migrations applied or plugins enabled.
  auto tmp = std::filesystem::temp_directory_path() / ("courthub-check-" + std::to_string(getpid()));
  std::filesystem::create_directories(tmp);
  auto r = run("plugin check " + binary_dir() + "/plugins/rooms.so", "TMPDIR=" + tmp.string());
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("name:        rooms"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("migration"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("enabled"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::is_empty(tmp)) << "the scratch directory stayed behind";
  std::filesystem::remove_all(tmp);
}

TEST(Cli, PluginCheckFailsWhenThePluginRejectsTheGivenSettings) {
  auto r = run("plugin check " + binary_dir() + "/plugins/hello.so --settings '{\"greeting\":\"\"}'");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("greeting: must not be empty"), std::string::npos) << r.output;
  r = run("plugin check " + binary_dir() + "/plugins/hello.so --settings '{\"greeting\":\"早\"}'");
  EXPECT_EQ(r.status, 0) << r.output;
}

TEST(Cli, ACopiedDemoConfigurationFindsItsDirectoryAndPlugins) {
  // COURTHUB_PLUGIN_DIR adds a folder ahead of the bundled plugins, hiding none of them.
  std::string copy = write_temp("copied.yaml", [] {
    std::ifstream in(source_dir() + "/config/courthub.yaml");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }());
  auto r = run("check-config " + copy, "COURTHUB_PLUGIN_DIR=" + binary_dir() + "/test-plugins");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find(": OK (6 plugin(s) enabled, 0 warning(s))"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("  hello: " + binary_dir() + "/plugins/hello.so\n"), std::string::npos)
      << r.output;
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
