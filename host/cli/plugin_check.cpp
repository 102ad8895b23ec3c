// SPDX-License-Identifier: Apache-2.0
// `courthub plugin check FILE.so`: load a plugin in a throwaway sandbox and say what it is.
// It changes nothing: the sandbox is a fresh temporary directory (removed afterwards), never a
// configured data directory, and the sandbox's host log lines ("applied migration", "enabled")
// are not printed, since nothing was applied or enabled anywhere that lasts.
#include <cstdio>
#include <filesystem>

#include "courthub/testing.hpp"
#include "host/cli/verbs.hpp"
#include "host/log.hpp"
#include "host/plugins/plugin_library.hpp"

namespace courthub::cli {

int plugin(const Args& args) {
  if (args.size() < 2 || args[0] != "check") {
    std::fprintf(stderr, "usage: courthub plugin check FILE.so [--settings JSON]\n");
    return 2;
  }
  std::string file = std::filesystem::absolute(args[1]).lexically_normal().string();
  Json settings = Json::object();
  bool settings_given = false;
  for (size_t i = 2; i < args.size(); ++i) {
    if (args[i] == "--settings" && i + 1 < args.size()) {
      try {
        settings = Json::parse(args[++i]);
        settings_given = true;
      } catch (const Json::exception& e) {
        std::fprintf(stderr, "courthub plugin check: --settings: %s\n", e.what());
        return 2;
      }
    } else {
      std::fprintf(stderr, "courthub plugin check: unknown argument '%s'\n", args[i].c_str());
      return 2;
    }
  }

  auto lib = plugins::load_plugin_library(file, "", "");
  if (!lib) {
    std::fprintf(stderr, "cannot load: %s\n", lib.outcome().message().c_str());
    return 1;
  }
  const auto& l = **lib;
  std::printf("name:        %s\n", l.name.c_str());
  std::printf("version:     %s\n", l.version.c_str());
  std::printf("plugin ABI:  %s (host speaks %d.%d)\n", l.abi().c_str(), CH_ABI_MAJOR,
              CH_ABI_MINOR);
  std::printf("description: %s\n", l.description.c_str());
  std::printf("thread-safe: %s\n", l.thread_safe() ? "yes" : "no (the host serialises calls)");
  std::printf("portable SQL: %s\n", l.portable_sql()
                                         ? "yes (runs on SQLite and PostgreSQL)"
                                         : "no (SQLite only; a PostgreSQL host refuses it)");
  std::printf("file:        %s\n", l.path.c_str());
  std::printf("sha256:      %s\n", l.sha256.c_str());

  // Activation in a scratch directory shows the registrations without enabling anything.
  log::set_sink([](std::string_view) {});
  try {
    testing::HarnessOptions options;
    options.data_dir.clear();  // a fresh temporary directory, removed with the sandbox
    options.backend = "sqlite";  // never a test server named in the environment
    options.settings = settings;
    options.plugin_name = l.name;
    testing::PluginHarness sandbox(file, options);
    auto section = [](const char* title, const std::vector<std::string>& items) {
      std::printf("%s (%zu)\n", title, items.size());
      for (auto& i : items) std::printf("  %s\n", i.c_str());
    };
    std::vector<std::string> routes;
    for (auto& r : sandbox.routes()) {
      auto space = r.find(' ');
      routes.push_back(r.substr(0, space) + " /apps/" + l.name + r.substr(space + 1));
    }
    section("routes", routes);
    section("commands", sandbox.commands());
    section("card actions", sandbox.card_actions());
    section("subscriptions", sandbox.subscriptions());
    section("jobs", sandbox.jobs());
  } catch (const Error& e) {
    std::printf("registrations: not shown — the plugin did not activate with %s settings:\n%s\n",
                settings_given ? "the given" : "empty", e.what());
    if (settings_given) return 1;  // the settings given are wrong: a script must see it
    std::printf("(pass --settings '{...}' to try other settings)\n");
  }
  return 0;
}

}  // namespace courthub::cli
