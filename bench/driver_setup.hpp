// SPDX-License-Identifier: Apache-2.0
// What every HTTP-API driver starts from: its command line (PORT SESSION_SECRET SEED_DIR THREADS
// SECONDS), a session-token issuer sharing the host's secret, and the directory the host serves.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "host/directory/seed.hpp"
#include "host/directory/snapshot.hpp"
#include "host/http/session_token.hpp"

namespace courthub::bench {

struct DriverSetup {
  uint16_t port = 0;
  std::unique_ptr<http::SessionTokens> tokens;  // issues mini-app sessions for any staff member
  int threads = 0;
  double seconds = 0;
  directory::Seed seed;                              // as read, people in file order
  std::shared_ptr<const directory::Snapshot> directory;  // the same, indexed
};

// Parses the command line and loads the seed; prints the usage or the error and returns nullopt.
inline std::optional<DriverSetup> setup_driver(int argc, char** argv, const char* name) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s PORT SESSION_SECRET SEED_DIR THREADS SECONDS\n", name);
    return std::nullopt;
  }
  DriverSetup s;
  s.port = static_cast<uint16_t>(std::stoi(argv[1]));
  s.tokens = std::make_unique<http::SessionTokens>(argv[2], 24 * 3600);
  std::string seed_dir = argv[3];
  s.threads = std::stoi(argv[4]);
  s.seconds = std::stod(argv[5]);
  auto seed = directory::read_seed({seed_dir + "/courts.yaml", seed_dir + "/staff.yaml"});
  if (!seed) {
    std::fprintf(stderr, "%s\n", seed.outcome().message().c_str());
    return std::nullopt;
  }
  s.seed = *seed;
  s.directory = directory::Snapshot::build(std::move(*seed));
  return s;
}

}  // namespace courthub::bench
