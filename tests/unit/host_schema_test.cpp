// SPDX-License-Identifier: Apache-2.0
// The host's schema on both backends: SQLite keeps the exact texts its databases were made
// with, PostgreSQL gets its own spelling of them, and hosts starting together on one schema
// apply each version once.
#include "host/storage/host_schema.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "host/storage/postgres_database.hpp"
#include "host/storage/sqlite_database.hpp"
#include "tests/support/test_postgres.hpp"

namespace courthub::storage {
namespace {

std::map<int64_t, std::string> recorded_checksums(Database& db) {
  std::map<int64_t, std::string> sums;
  EXPECT_TRUE(db.query("SELECT version, checksum FROM courthub_migrations", {},
                       [&](const ch_str*, const ch_value* v, size_t) {
                         sums[int_of(v[0])] = std::string(text_of(v[1]));
                         return Outcome::success();
                       })
                  .ok());
  return sums;
}

TEST(HostSchema, OnSQLiteEachMigrationIsTheTextDatabasesWereMadeWith) {
  // A changed text would make every existing data directory refuse to start ("migration N was
  // changed after it was applied"): these are the sums recorded by the texts as they shipped.
  const std::map<int64_t, std::string> shipped = {
      {1, "c38665d42ec3a657"}, {2, "ecbe0e3d8cb8c533"}, {3, "67826456ddbcf1fb"},
      {4, "a20f13de3749427c"}, {5, "283614d2f6f230d0"}, {6, "074a71b48cc9eb19"},
      {7, "8e44a83bdd8f9c41"}, {8, "aeebad1ed454f78f"}, {9, "48b32f536f0662fe"}};
  std::string dir = (std::filesystem::temp_directory_path() / "courthub-schema-XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  {
    auto db = open_sqlite(dir + "/host.db", SqliteOptions{});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(migrate(**db, host_migrations()).ok());
    auto sums = recorded_checksums(**db);
    for (auto& [version, sum] : shipped) EXPECT_EQ(sums[version], sum) << "migration " << version;
  }
  std::filesystem::remove_all(dir);
}

class HostSchemaOnPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    COURTHUB_REQUIRE_POSTGRES(conninfo_);
    schema_ = testing_postgres::unique_schema("host");
  }
  void TearDown() override {
    if (schema_.empty() || conninfo_.empty()) return;
    auto db = open();
    if (db) EXPECT_TRUE(db->query("DROP SCHEMA \"" + schema_ + "\" CASCADE", {}).ok());
  }
  std::unique_ptr<Database> open() {
    auto db = open_postgres(PostgresOptions{conninfo_, schema_, 2, 10000});
    EXPECT_TRUE(db.ok()) << db.outcome().message();
    return db ? std::move(*db) : nullptr;
  }
  std::string conninfo_, schema_;
};

TEST_F(HostSchemaOnPostgres, HostsStartingTogetherApplyEachVersionOnce) {
  constexpr int kHosts = 4;
  std::vector<std::unique_ptr<Database>> hosts;
  for (int i = 0; i < kHosts; ++i) hosts.push_back(open());
  std::mutex mu;
  std::vector<int64_t> applied_by_all;
  std::vector<std::thread> threads;
  for (auto& db : hosts) {
    threads.emplace_back([&, db = db.get()] {
      std::vector<int64_t> applied;
      Outcome o = migrate(*db, host_migrations(), &applied);
      EXPECT_TRUE(o.ok()) << o.message();
      std::lock_guard lock(mu);
      applied_by_all.insert(applied_by_all.end(), applied.begin(), applied.end());
    });
  }
  for (auto& t : threads) t.join();
  std::sort(applied_by_all.begin(), applied_by_all.end());
  std::vector<int64_t> every_version;
  for (auto& m : host_migrations()) every_version.push_back(m.version);
  EXPECT_EQ(applied_by_all, every_version);  // each exactly once, by one host or another
  EXPECT_EQ(*schema_version(*hosts[0]), every_version.back());
  EXPECT_EQ(recorded_checksums(*hosts[1]).size(), every_version.size());
}

TEST_F(HostSchemaOnPostgres, MillisecondsAndIdsAre64BitAndKeysAreAssigned) {
  auto db = open();
  ASSERT_TRUE(migrate(*db, host_migrations()).ok());
  const int64_t ms = 1'780'000'000'000;  // 2026: past what an int4 holds
  ch_value event[] = {text_value("dingtalk"), text_value("check_in"), text_value("k1"),
                      text_value("{}"), int_value(ms)};
  int64_t id = 0;
  ASSERT_TRUE(db->query("INSERT INTO inbox(source, topic, dedup_key, payload, received_ms) "
                        "VALUES (?, ?, ?, ?, ?) RETURNING id",
                        event,
                        [&](const ch_str*, const ch_value* v, size_t) {
                          id = int_of(v[0]);
                          return Outcome::success();
                        })
                  .ok());
  EXPECT_EQ(id, 1);
  ch_value delivery[] = {int_value(id), text_value("hello"), int_value(ms + 1000)};
  ASSERT_TRUE(db->query("INSERT INTO inbox_deliveries(event_id, subscriber, state, next_ms) "
                        "VALUES (?, ?, 'pending', ?)",
                        delivery)
                  .ok());
  // The unique key refuses the same event twice, as on SQLite.
  EXPECT_EQ(db->query("INSERT INTO inbox(source, topic, dedup_key, payload, received_ms) "
                      "VALUES (?, ?, ?, ?, ?)",
                      event)
                .code(),
            Status::Conflict);
  ch_value audit[] = {int_value(ms), text_value("admin"), text_value("reload"),
                      text_value("ok")};
  QueryResult r;
  ASSERT_TRUE(db->query("INSERT INTO audit_log(at_ms, actor, action, result) VALUES (?, ?, ?, ?) "
                        "RETURNING id",
                        audit, {}, &r)
                  .ok());
  EXPECT_EQ(r.last_insert_id, 1);
  int64_t next = 0;
  ASSERT_TRUE(db->query("SELECT next_ms FROM inbox_deliveries WHERE event_id = ?",
                        std::vector{int_value(id)},
                        [&](const ch_str*, const ch_value* v, size_t) {
                          next = int_of(v[0]);
                          return Outcome::success();
                        })
                  .ok());
  EXPECT_EQ(next, ms + 1000);
}

}  // namespace
}  // namespace courthub::storage
