// SPDX-License-Identifier: Apache-2.0
// `courthub help`: the verbs and their flags.
#include <cstdio>
#include <filesystem>

#include "host/cli/verbs.hpp"

namespace courthub::cli {

std::string default_config_path() {
  if (const char* env = std::getenv("COURTHUB_CONFIG"); env && *env) return env;
  if (std::filesystem::exists("config/courthub.yaml")) return "config/courthub.yaml";
  return "/etc/courthub/courthub.yaml";
}

int help(const Args&) {
  std::printf(
      "courthub — the server behind the courts' DingTalk office apps\n"
      "\n"
      "usage:\n"
      "  courthub serve [--config FILE] [--listen HOST:PORT] [--data-dir DIR] [--log-level L]\n"
      "      run the host. Flags win over the YAML. SIGHUP reloads the configuration,\n"
      "      SIGTERM/SIGINT stop gracefully.\n"
      "  courthub check-config FILE\n"
      "      validate a configuration (and every enabled plugin's settings); exit 1 with\n"
      "      file:line errors when it is wrong.\n"
      "  courthub plugin check FILE.so [--settings JSON]\n"
      "      load a plugin without enabling it and print what it is and registers.\n"
      "  courthub simulate ...\n"
      "      send correctly signed DingTalk callbacks to a running host ('courthub simulate\n"
      "      help' for details).\n"
      "  courthub backup DIR [--config FILE | --data-dir DATA]\n"
      "      copy every database of the data directory (the host may keep running) into the\n"
      "      new folder DIR, with manifest.json; docs/operations.md shows the restore.\n"
      "  courthub --version\n"
      "  courthub help\n"
      "\n"
      "The default configuration is $COURTHUB_CONFIG, else ./config/courthub.yaml, else\n"
      "/etc/courthub/courthub.yaml. docs/configuration.md describes every key.\n");
  return 0;
}

}  // namespace courthub::cli
