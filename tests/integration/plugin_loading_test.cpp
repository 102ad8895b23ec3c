// SPDX-License-Identifier: Apache-2.0
// Loading failures, one plugin each: a clear log line, the error state in /admin/plugins, and
// the host keeps serving the others.
#include <gtest/gtest.h>

#include "courthub/plugin_abi.h"
#include "host_process.hpp"

namespace courthub::it {
namespace {

// The ABI this host speaks, as the loader words it ("2.2").
const std::string kHostAbi = std::to_string(CH_ABI_MAJOR) + "." + std::to_string(CH_ABI_MINOR);

// Starts hello plus one broken plugin and checks the broken one is in the error state with
// `expected` in its error and in the log, while hello answers.
void expect_refused(const std::string& entry, const std::string& name,
                    const std::string& expected) {
  HostProcess host(test_config("  - name: hello\n" + entry));
  Json status = host.plugin_status(name);
  EXPECT_EQ(status["state"], "error");
  EXPECT_NE(status["error"].get<std::string>().find(expected), std::string::npos)
      << status["error"].get<std::string>();
  EXPECT_NE(host.log().find(expected), std::string::npos) << host.log();
  EXPECT_EQ(host.plugin_status("hello")["state"], "active");
  EXPECT_EQ(host.get("/healthz").status, 200);
}

TEST(PluginLoading, MissingFileIsAnErrorStateNotACrash) {
  expect_refused("  - name: gone\n    file: /nonexistent/gone.so\n", "gone",
                 "plugin 'gone': cannot load /nonexistent/gone.so: no such file");
}

TEST(PluginLoading, MissingEntrySymbolIsRefused) {
  expect_refused("  - name: missing_entry_symbol\n", "missing_entry_symbol",
                 "does not export courthub_plugin_entry");
}

TEST(PluginLoading, NewerAbiMajorIsRefusedSayingThePluginIsNewer) {
  expect_refused("  - name: abi_major_mismatch\n", "abi_major_mismatch",
                 "needs plugin ABI 3.0 but this host speaks " + kHostAbi +
                     ": the plugin is newer than the host");
}

TEST(PluginLoading, NewerAbiMinorIsRefusedSayingToUpgradeTheHost) {
  expect_refused("  - name: abi_minor_too_new\n", "abi_minor_too_new",
                 "needs plugin ABI 2." + std::to_string(CH_ABI_MINOR + 1) + " but this host speaks " +
                     kHostAbi + ": the plugin is newer than the host; upgrade courthub");
}

TEST(PluginLoading, OlderAbiMinorOfTheSameMajorLoads) {
  HostProcess host(test_config("  - name: hello\n  - name: abi_minor_older\n"));
  Json status = host.plugin_status("abi_minor_older");
  EXPECT_EQ(status["state"].get<std::string>(), "active") << status.dump();
  EXPECT_EQ(status["abi"].get<std::string>(), "2.0");
}

TEST(PluginLoading, PluginBuiltForAbi1IsRefusedSayingToRebuildIt) {
  expect_refused("  - name: abi_v1_plugin\n", "abi_v1_plugin",
                 "was built for plugin ABI 1.0 but this host speaks " + kHostAbi +
                     ": the plugin is older than the host; rebuild it against the");
}

TEST(PluginLoading, PinMismatchIsRefusedBeforeLoading) {
  expect_refused("  - name: settings_checker\n    sha256: " + std::string(64, 'a') +
                     "\n    settings: {rooms: [{capacity: 1}]}\n",
                 "settings_checker", "the configuration pins " + std::string(64, 'a'));
}

TEST(PluginLoading, FailingActivationIsAnErrorState) {
  expect_refused("  - name: init_fails\n", "init_fails",
                 "plugin 'init_fails' failed to activate: the archive share /mnt/archive is not "
                 "mounted");
}

TEST(PluginLoading, RejectedSettingsNameFileAndLine) {
  HostProcess host(test_config(
      "  - name: hello\n  - name: settings_checker\n    settings:\n      rooms:\n"
      "        - capacity: 0\n"));
  Json status = host.plugin_status("settings_checker");
  EXPECT_EQ(status["state"], "error");
  // The capacity line is the 18th of the generated file.
  EXPECT_NE(status["error"].get<std::string>().find(
                "courthub.yaml:18: plugins.settings_checker.settings/rooms/0/capacity: must be a "
                "positive number"),
            std::string::npos)
      << status["error"].get<std::string>();
}

TEST(PluginLoading, ActivePluginShowsVersionAbiAndRegistrations) {
  HostProcess host(test_config("  - name: hello\n"));
  Json status = host.plugin_status("hello");
  EXPECT_EQ(status["state"].get<std::string>(), "active");
  EXPECT_EQ(status["version"].get<std::string>(), "1.0.0");
  EXPECT_EQ(status["abi"].get<std::string>(), kHostAbi);
  EXPECT_EQ(status["routes"].get<int64_t>(), 1);
  EXPECT_EQ(status["commands"].get<int64_t>(), 1);
  EXPECT_EQ(status["jobs"].get<int64_t>(), 1);
  EXPECT_EQ(status["sha256"].get<std::string>().size(), 64u);
}

}  // namespace
}  // namespace courthub::it

namespace courthub::it {
namespace {

TEST(PluginLoading, FailingMigrationIsAnErrorStateAndLeavesTheDatabaseUnchanged) {
  HostProcess host(test_config("  - name: bad_migration\n"));
  Json status = host.plugin_status("bad_migration");
  EXPECT_EQ(status["state"], "error");
  EXPECT_NE(status["error"].get<std::string>().find("migration 2 (broken) failed"),
            std::string::npos)
      << status["error"].get<std::string>();
  // The first migration did not stay behind either: all pending ones are one transaction.
  std::string cmd = "sqlite3 " + host.data_dir() +
                    "/plugins/bad_migration.db \"SELECT name FROM sqlite_master WHERE "
                    "type='table' AND name='cases'\" 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[256] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, p);
  pclose(p);
  EXPECT_EQ(std::string(buf, n), "");
}

TEST(PluginLoading, PluginsQueryTheDirectoryThroughTheHost) {
  HostProcess host(test_config("  - name: outbox_sender\n"));
  auto r = host.get("/apps/outbox_sender/whois/T-BC-01-011", kAdminToken);
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = r.json();
  EXPECT_EQ(j["name"], "法官甲");
  EXPECT_EQ(j["court"], "T-BC-01");
  EXPECT_EQ(j["supervisors"].dump(), R"(["T-BC-01-010","T-BC-01-002","T-BC-01-001"])");
  EXPECT_EQ(j["judges_of_court"].dump(), R"(["T-BC-01-011","T-BC-01-012"])");
  EXPECT_EQ(host.get("/apps/outbox_sender/whois/nobody", kAdminToken).status, 404);
}

}  // namespace
}  // namespace courthub::it
