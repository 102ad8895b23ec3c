// SPDX-License-Identifier: Apache-2.0
// courthub: one binary, several verbs (courthub help lists them).
#include <Poco/Crypto/OpenSSLInitializer.h>

#include <cstdio>
#include <string>

#include "host/cli/verbs.hpp"
#include "courthub/plugin_abi.h"
#include "host/version.hpp"

int main(int argc, char** argv) {
  using namespace courthub;
  // One reference for the whole process: Poco's crypto classes must never see the count drop
  // to zero while other threads use them (see SessionTokens).
  Poco::Crypto::OpenSSLInitializer openssl;
  cli::Args args(argv + 1, argv + argc);
  if (args.empty()) return cli::help({});
  std::string verb = args.front();
  args.erase(args.begin());
  if (verb == "serve") return cli::serve(args);
  if (verb == "check-config") return cli::check_config(args);
  if (verb == "plugin") return cli::plugin(args);
  if (verb == "plugin-runner") return cli::plugin_runner(args);
  if (verb == "simulate") return cli::simulate(args);
  if (verb == "backup") return cli::backup(args);
  if (verb == "help" || verb == "--help" || verb == "-h") return cli::help(args);
  if (verb == "--version" || verb == "version") {
    std::printf("courthub %s (plugin ABI %d.%d, %s build)\n", kVersion, CH_ABI_MAJOR,
                CH_ABI_MINOR, kBuildType);
    return 0;
  }
  std::fprintf(stderr, "courthub: unknown command '%s'; try 'courthub help'\n", verb.c_str());
  return 2;
}
