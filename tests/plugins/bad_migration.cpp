// SPDX-License-Identifier: Apache-2.0
// Test plugin: its second migration is broken; activation must fail and leave the database as
// it was before (the first migration's table must not exist either).
#include <courthub/plugin.hpp>

struct BadMigration {
  static constexpr std::string_view kName = "bad_migration";
  static constexpr std::string_view kVersion = "0.0.1";
  explicit BadMigration(courthub::Host&) {}
  void activate(courthub::Registrar& r) {
    r.migrate({{1, "cases", "CREATE TABLE cases (id INTEGER PRIMARY KEY)"},
               {2, "broken", "CREATE TABLE hearings (id INTEGER PRIMARY KEY"}});
  }
};
COURTHUB_PLUGIN(BadMigration)
