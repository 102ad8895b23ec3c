// SPDX-License-Identifier: Apache-2.0
// Reading a test's PostgreSQL schemas directly (not through the host), and dropping them after.
// Failures are gtest failures (EXPECT), so a helper never throws into a test.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "host/storage/backend.hpp"
#include "host/storage/postgres_database.hpp"

namespace courthub::testing_postgres {

// The one integer `sql` answers in schema `schema` (-1 when it fails, with a test failure).
inline int64_t count(const std::string& conninfo, const std::string& schema,
                     const std::string& sql) {
  auto db = storage::open_postgres(storage::PostgresOptions{conninfo, schema, 1, 5000});
  EXPECT_TRUE(db) << db.outcome().message();
  if (!db) return -1;
  int64_t n = -1;
  Outcome o = (*db)->query(sql, {}, [&](const ch_str*, const ch_value* v, size_t) {
    n = v[0].as.i;
    return Outcome::success();
  });
  EXPECT_TRUE(o.ok()) << o.message();
  return n;
}

// Drops the host schema `schema` and the schemas of `plugins` under it.
inline void drop_schemas(const std::string& conninfo, const std::string& schema,
                         const std::vector<std::string>& plugins) {
  auto db = storage::open_postgres(storage::PostgresOptions{conninfo, schema, 1, 5000});
  ASSERT_TRUE(db) << db.outcome().message();
  std::string drop;
  for (const auto& plugin : plugins)
    drop += "DROP SCHEMA IF EXISTS \"" + storage::plugin_schema(schema, plugin) + "\" CASCADE;";
  drop += "DROP SCHEMA \"" + schema + "\" CASCADE";
  EXPECT_TRUE((*db)->transaction([&](storage::Transaction& t) { return t.script(drop); }).ok());
}

}  // namespace courthub::testing_postgres
