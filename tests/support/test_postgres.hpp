// SPDX-License-Identifier: Apache-2.0
// The tests' PostgreSQL: the throwaway cluster ctest starts (fixture `postgres`,
// tests/support/pg_cluster.sh) and a fresh schema per test.
//
// Under ctest a test that needs PostgreSQL never skips: the fixture's conninfo file must exist
// (a cluster that did not start fails the fixture, and so the test). Only a test binary run by
// hand without COURTHUB_TEST_PG_URL_FILE skips its PostgreSQL cases, saying how to run them.
#pragma once

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <optional>
#include <string>

namespace courthub::testing_postgres {

struct Conninfo {
  std::optional<std::string> value;  // set: the cluster to use
  std::string problem;               // unset: why (skip when `skip`, else fail)
  bool skip = false;
};

inline Conninfo conninfo() {
  const char* file = std::getenv("COURTHUB_TEST_PG_URL_FILE");
  if (!file || !*file) {
    return {std::nullopt,
            "no PostgreSQL for this run: run through ctest (fixture `postgres`), or start one "
            "with tests/support/pg_cluster.sh start DIR and set "
            "COURTHUB_TEST_PG_URL_FILE=DIR/url",
            true};
  }
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line) || line.empty()) {
    return {std::nullopt, std::string("the PostgreSQL test cluster is not running (no ") + file +
                              "): see the pg_cluster_start test's output",
            false};
  }
  return {line, "", false};
}

// A schema name no other test (or test process) uses: drop it when done.
inline std::string unique_schema(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return "t_" + prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace courthub::testing_postgres

// In a fixture's SetUp: sets `var` (std::string) to the conninfo, or skips/fails the test.
#define COURTHUB_REQUIRE_POSTGRES(var)                             \
  do {                                                             \
    auto courthub_pg = ::courthub::testing_postgres::conninfo();   \
    if (!courthub_pg.value) {                                      \
      if (courthub_pg.skip) GTEST_SKIP() << courthub_pg.problem;   \
      FAIL() << courthub_pg.problem;                               \
    }                                                              \
    var = *courthub_pg.value;                                      \
  } while (0)
