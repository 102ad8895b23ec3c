// SPDX-License-Identifier: Apache-2.0
// What only the PostgreSQL backend has to get right: types across the wire, SQLSTATEs, a failed
// statement inside a transaction, a lost connection, the lock timeout, DDL under prepared
// statements. What both backends share (writers serialised across two hosts included) is in
// storage_test.cpp.
#include <gtest/gtest.h>

#include <atomic>
#include <climits>
#include <cmath>
#include <future>
#include <thread>
#include <vector>

#include "host/storage/postgres_connection.hpp"
#include "host/storage/postgres_database.hpp"
#include "tests/support/test_postgres.hpp"

namespace courthub::storage {
namespace {

class Postgres : public ::testing::Test {
 protected:
  void SetUp() override {
    COURTHUB_REQUIRE_POSTGRES(conninfo_);
    schema_ = testing_postgres::unique_schema("pg");
    db_ = open(2000);
    ASSERT_TRUE(db_);
  }
  void TearDown() override {
    if (db_) EXPECT_TRUE(db_->query("DROP SCHEMA \"" + schema_ + "\" CASCADE", {}).ok());
  }
  std::unique_ptr<Database> open(int lock_timeout_ms) {
    auto db = open_postgres(PostgresOptions{conninfo_, schema_, 4, lock_timeout_ms});
    EXPECT_TRUE(db.ok()) << db.outcome().message();
    return db ? std::move(*db) : nullptr;
  }
  // The first row of a query, as values copied out.
  struct Cell {
    uint32_t type;
    int64_t i = 0;
    double r = 0;
    std::string s;
  };
  std::vector<Cell> row(const std::string& sql, std::vector<ch_value> params = {}) {
    std::vector<Cell> cells;
    Outcome o = db_->query(sql, params, [&](const ch_str*, const ch_value* v, size_t n) {
      if (!cells.empty()) return Outcome::success();
      for (size_t c = 0; c < n; ++c) {
        Cell cell{v[c].type};
        if (v[c].type == CH_VALUE_INT) cell.i = v[c].as.i;
        if (v[c].type == CH_VALUE_REAL) cell.r = v[c].as.r;
        cell.s = std::string(text_of(v[c]));
        cells.push_back(cell);
      }
      return Outcome::success();
    });
    EXPECT_TRUE(o.ok()) << sql << ": " << o.message();
    return cells;
  }
  std::string conninfo_, schema_;
  std::unique_ptr<Database> db_;
};

TEST_F(Postgres, ValuesRoundTripWithTheirTypes) {
  ASSERT_TRUE(db_->query("CREATE TABLE v (i BIGINT, r DOUBLE PRECISION, s TEXT, b BYTEA)", {}).ok());
  const std::string blob("\0\xff\x01x", 4);
  for (int64_t i : {INT64_MIN, int64_t{-1}, int64_t{0}, INT64_MAX}) {
    ch_value p[] = {int_value(i), real_value(1.0 / 3), text_value("法院 ✓"),
                    ch_value{CH_VALUE_BLOB, {}}};
    p[3].as.s = ch_str{blob.data(), blob.size()};
    ASSERT_TRUE(db_->query("INSERT INTO v VALUES (?, ?, ?, ?)", p).ok());
    auto got = row("SELECT i, r, s, b FROM v WHERE i = ?", {int_value(i)});
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0].type, CH_VALUE_INT);
    EXPECT_EQ(got[0].i, i);
    EXPECT_EQ(got[1].type, CH_VALUE_REAL);
    EXPECT_EQ(got[1].r, 1.0 / 3);  // exactly: 17 significant digits each way
    EXPECT_EQ(got[2].type, CH_VALUE_TEXT);
    EXPECT_EQ(got[2].s, "法院 ✓");
    EXPECT_EQ(got[3].type, CH_VALUE_BLOB);
    EXPECT_EQ(got[3].s, blob);
  }
  auto nulls = row("SELECT NULL::bigint, NULL::text", {});
  EXPECT_EQ(nulls[0].type, CH_VALUE_NULL);
  EXPECT_EQ(nulls[1].type, CH_VALUE_NULL);
  auto inf = row("SELECT ?::float8, ?::float8", {real_value(INFINITY), real_value(-1e300)});
  EXPECT_TRUE(std::isinf(inf[0].r));
  EXPECT_EQ(inf[1].r, -1e300);
}

TEST_F(Postgres, AggregatesAndBooleansReadAsSQLiteWouldGiveThem) {
  ASSERT_TRUE(db_->query("CREATE TABLE n (x BIGINT, y INTEGER)", {}).ok());
  for (int64_t x : {int64_t{1700000000000}, int64_t{1700000000001}}) {
    ch_value p[] = {int_value(x), int_value(3)};
    ASSERT_TRUE(db_->query("INSERT INTO n VALUES (?, ?)", p).ok());
  }
  auto got = row("SELECT SUM(x), COUNT(*), AVG(y), SUM(y), x > 0, MIN(y) FROM n GROUP BY x > 0");
  ASSERT_EQ(got.size(), 6u);
  EXPECT_EQ(got[0].type, CH_VALUE_INT);  // numeric, whole: INT
  EXPECT_EQ(got[0].i, 3400000000001);
  EXPECT_EQ(got[1].type, CH_VALUE_INT);
  EXPECT_EQ(got[1].i, 2);
  EXPECT_EQ(got[2].type, CH_VALUE_REAL);  // AVG of integers: numeric 3.0000...: REAL
  EXPECT_EQ(got[2].r, 3.0);
  EXPECT_EQ(got[3].i, 6);
  EXPECT_EQ(got[4].type, CH_VALUE_INT);  // bool: 0/1
  EXPECT_EQ(got[4].i, 1);
  EXPECT_EQ(got[5].i, 3);
}

TEST_F(Postgres, TextParametersTakeTheTypeTheStatementGivesThem) {
  ASSERT_TRUE(db_->query("CREATE TABLE c (n BIGINT, s TEXT)", {}).ok());
  ch_value p[] = {text_value("42"), text_value("a")};
  ASSERT_TRUE(db_->query("INSERT INTO c VALUES (?, ?)", p).ok());
  auto got = row("SELECT n, ? || '.' || s FROM c", {text_value("x")});
  EXPECT_EQ(got[0].type, CH_VALUE_INT);
  EXPECT_EQ(got[0].i, 42);
  EXPECT_EQ(got[1].s, "x.a");
  // Milliseconds stay 64-bit in arithmetic with an integer literal.
  auto ms = row("SELECT ? - 86400000", {int_value(1700000000000)});
  EXPECT_EQ(ms[0].i, 1700000000000 - 86400000);
  // The same statement with another type pattern is another prepared statement.
  auto again = row("SELECT ?", {int_value(7)});
  auto text = row("SELECT ?", {text_value("7")});
  EXPECT_EQ(again[0].type, CH_VALUE_INT);
  EXPECT_EQ(text[0].type, CH_VALUE_TEXT);
}

TEST_F(Postgres, ErrorsMapToTheInterfacesCodes) {
  EXPECT_EQ(status_of_sqlstate("23505"), Status::Conflict);   // unique
  EXPECT_EQ(status_of_sqlstate("23P01"), Status::Conflict);   // exclusion
  EXPECT_EQ(status_of_sqlstate("40P01"), Status::Unavailable);
  EXPECT_EQ(status_of_sqlstate("55P03"), Status::Unavailable);
  EXPECT_EQ(status_of_sqlstate("08006"), Status::Unavailable);
  EXPECT_EQ(status_of_sqlstate("42P01"), Status::InvalidArgument);
  EXPECT_EQ(status_of_sqlstate("22003"), Status::InvalidArgument);
  EXPECT_EQ(status_of_sqlstate("XX000"), Status::Error);

  ASSERT_TRUE(db_->query("CREATE TABLE u (k TEXT PRIMARY KEY, n INTEGER NOT NULL)", {}).ok());
  ch_value p[] = {text_value("a"), int_value(1)};
  ASSERT_TRUE(db_->query("INSERT INTO u VALUES (?, ?)", p).ok());
  Outcome dup = db_->query("INSERT INTO u VALUES (?, ?)", p);
  EXPECT_EQ(dup.code(), Status::Conflict);
  EXPECT_EQ(dup.message().find("Key (k)"), std::string::npos)  // values stay out of messages
      << dup.message();
  ch_value null_n[] = {text_value("b"), null_value()};
  EXPECT_EQ(db_->query("INSERT INTO u VALUES (?, ?)", null_n).code(), Status::Conflict);
  EXPECT_EQ(db_->query("SELECT * FROM missing", {}).code(), Status::InvalidArgument);
  EXPECT_EQ(db_->query("SELECT ?::int", std::vector{int_value(INT64_MAX)}).code(), Status::InvalidArgument);
  ch_value nul[] = {text_value(std::string_view("a\0b", 3)), int_value(1)};
  Outcome o = db_->query("INSERT INTO u VALUES (?, ?)", nul);
  EXPECT_EQ(o.code(), Status::InvalidArgument);
  EXPECT_NE(o.message().find("NUL"), std::string::npos) << o.message();
}

TEST_F(Postgres, AFailedStatementTheBodySwallowedCommitsNothing) {
  ASSERT_TRUE(db_->query("CREATE TABLE w (k TEXT PRIMARY KEY)", {}).ok());
  ch_value a[] = {text_value("a")};
  ASSERT_TRUE(db_->query("INSERT INTO w VALUES (?)", a).ok());
  Outcome second;
  Outcome o = db_->transaction([&](Transaction& tx) {
    ch_value b[] = {text_value("b")};
    EXPECT_TRUE(tx.query("INSERT INTO w VALUES (?)", b).ok());
    EXPECT_EQ(tx.query("INSERT INTO w VALUES (?)", a).code(), Status::Conflict);  // swallowed
    second = tx.query("INSERT INTO w VALUES ('c')", {});
    return Outcome::success();
  });
  EXPECT_EQ(o.code(), Status::InvalidArgument);
  EXPECT_NE(o.message().find("nothing was committed"), std::string::npos) << o.message();
  EXPECT_EQ(second.code(), Status::InvalidArgument);
  EXPECT_NE(second.message().find("earlier statement"), std::string::npos) << second.message();
  EXPECT_EQ(row("SELECT COUNT(*) FROM w")[0].i, 1);
  // A savepoint is how a body goes on after a failure (GroupCommit's isolated writes).
  ASSERT_TRUE(db_->transaction([&](Transaction& tx) {
                   EXPECT_TRUE(tx.query("SAVEPOINT s", {}).ok());
                   EXPECT_EQ(tx.query("INSERT INTO w VALUES (?)", a).code(), Status::Conflict);
                   EXPECT_TRUE(tx.query("ROLLBACK TO s", {}).ok());
                   return tx.query("INSERT INTO w VALUES ('d')", {});
                 }).ok());
  EXPECT_EQ(row("SELECT COUNT(*) FROM w")[0].i, 2);
}

TEST_F(Postgres, ALostConnectionIsUnavailableAndTheNextQueryReconnects) {
  // The pool has one connection so far (opened by open_postgres, reused by every query).
  const int64_t pid = row("SELECT pg_backend_pid()")[0].i;
  auto other = open_postgres(PostgresOptions{conninfo_, schema_ + "_admin", 1, 2000});
  ASSERT_TRUE(other.ok());
  // The server ends that session (a restart, a failover, an administrator).
  ASSERT_TRUE((*other)->query("SELECT pg_terminate_backend(?::int)", std::vector{int_value(pid)}).ok());
  Outcome lost = db_->query("SELECT 1", {});
  EXPECT_EQ(lost.code(), Status::Unavailable) << lost.message();
  EXPECT_NE(lost.message().find("lost the connection"), std::string::npos) << lost.message();
  EXPECT_EQ(row("SELECT 2")[0].i, 2);
  EXPECT_TRUE((*other)->query("DROP SCHEMA \"" + schema_ + "_admin\"", {}).ok());
}

TEST_F(Postgres, AWriterWaitingPastTheLockTimeoutIsUnavailable) {
  ASSERT_TRUE(db_->query("CREATE TABLE l (x INTEGER)", {}).ok());
  auto impatient = open(200);
  ASSERT_TRUE(impatient);
  std::promise<void> holding, release;
  std::shared_future<void> released = release.get_future().share();
  std::thread holder([&] {
    Outcome o = db_->transaction([&](Transaction& tx) {
      holding.set_value();
      released.wait();
      return tx.query("INSERT INTO l VALUES (1)", {});
    });
    EXPECT_TRUE(o.ok()) << o.message();
  });
  holding.get_future().wait();
  Outcome waited = impatient->query("INSERT INTO l VALUES (2)", {});
  EXPECT_EQ(waited.code(), Status::Unavailable) << waited.message();
  // Readers never wait for the writer lock.
  EXPECT_EQ(row("SELECT COUNT(*) FROM l")[0].i, 0);
  release.set_value();
  holder.join();
  EXPECT_EQ(row("SELECT COUNT(*) FROM l")[0].i, 1);
}

TEST_F(Postgres, StatementsPreparedBeforeATableChangedShapeArePreparedAgain) {
  ASSERT_TRUE(db_->query("CREATE TABLE s (a INTEGER)", {}).ok());
  ASSERT_TRUE(db_->query("INSERT INTO s VALUES (1)", {}).ok());
  ASSERT_EQ(row("SELECT * FROM s").size(), 1u);  // prepared on the pooled connection
  // A migration (a script in a transaction) adds a column.
  ASSERT_TRUE(db_->transaction([](Transaction& tx) {
                   return tx.script("ALTER TABLE s ADD COLUMN b TEXT DEFAULT 'x'");
                 }).ok());
  auto got = row("SELECT * FROM s");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].s, "x");
}

TEST(PostgresOpen, AnUnreachableServerIsUnavailableAndTheMessageKeepsTheSecret) {
  auto db = open_postgres(PostgresOptions{
      "host=127.0.0.1 port=1 user=courthub password=s3cret-pw connect_timeout=2", "x", 1, 100});
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.outcome().code(), Status::Unavailable);
  EXPECT_EQ(db.outcome().message().find("s3cret-pw"), std::string::npos) << db.outcome().message();
  EXPECT_EQ(open_postgres(PostgresOptions{"host=127.0.0.1", "", 1, 100}).outcome().code(),
            Status::InvalidArgument);
}

}  // namespace
}  // namespace courthub::storage
