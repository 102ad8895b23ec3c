// SPDX-License-Identifier: Apache-2.0
// Both backends through the one Database interface: SQLite on real files in a temporary
// directory, PostgreSQL in a fresh schema of the tests' throwaway cluster. Migrations and group
// commit on each.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <future>
#include <thread>
#include <vector>

#include "host/storage/group_commit.hpp"
#include "host/storage/migrations.hpp"
#include "tests/support/backend_test.hpp"

namespace courthub::storage {
namespace {

class Storage : public testing_postgres::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    std::string create = "CREATE TABLE t (id " + id_column() + ", name TEXT UNIQUE)";
    ASSERT_TRUE(db_->query(create, {}).ok());
  }
  int64_t count() {
    int64_t n = -1;
    EXPECT_TRUE(db_->query("SELECT COUNT(*) FROM t", {}, [&](const ch_str*, const ch_value* v, size_t) {
                   n = int_of(v[0]);
                   return Outcome::success();
                 }).ok());
    return n;
  }
};

COURTHUB_BOTH_BACKENDS(Storage);

TEST_P(Storage, BindsParametersAndReturnsRowsWithNames) {
  ch_value p[] = {text_value("张三")};
  QueryResult r;
  int64_t returned = 0;
  ASSERT_TRUE(db_->query("INSERT INTO t(name) VALUES (?) RETURNING id", p,
                         [&](const ch_str*, const ch_value* v, size_t) {
                           returned = int_of(v[0]);
                           return Outcome::success();
                         },
                         &r)
                  .ok());
  EXPECT_EQ(r.changes, 1);
  EXPECT_EQ(returned, 1);
  EXPECT_EQ(r.last_insert_id, 1);
  std::string name, column;
  ASSERT_TRUE(db_->query("SELECT name AS who FROM t WHERE id = ?", std::vector{int_value(1)},
                         [&](const ch_str* names, const ch_value* v, size_t) {
                           column.assign(names[0].data, names[0].size);
                           name = text_of(v[0]);
                           return Outcome::success();
                         })
                  .ok());
  EXPECT_EQ(column, "who");
  EXPECT_EQ(name, "张三");
}

TEST_P(Storage, ConstraintViolationIsConflictAndWrongArityIsInvalid) {
  ch_value p[] = {text_value("a")};
  ASSERT_TRUE(db_->query("INSERT INTO t(name) VALUES (?)", p).ok());
  Outcome dup = db_->query("INSERT INTO t(name) VALUES (?)", p);
  EXPECT_EQ(dup.code(), Status::Conflict);
  std::string lower = dup.message();
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_NE(lower.find("unique"), std::string::npos) << dup.message();
  EXPECT_EQ(db_->query("INSERT INTO t(name) VALUES (?)", {}).code(), Status::InvalidArgument);
  EXPECT_EQ(db_->query("SELEKT 1", {}).code(), Status::InvalidArgument);
  EXPECT_EQ(db_->query("SELECT 1; SELECT 2", {}).code(), Status::InvalidArgument);
}

TEST_P(Storage, TransactionCommitsOrRollsBackWhole) {
  Outcome failed = db_->transaction([&](Transaction& tx) {
    ch_value a[] = {text_value("x")};
    EXPECT_TRUE(tx.query("INSERT INTO t(name) VALUES (?)", a).ok());
    return Outcome::conflict("changed my mind");
  });
  EXPECT_EQ(failed.code(), Status::Conflict);
  EXPECT_EQ(count(), 0);
  ASSERT_TRUE(db_->transaction([&](Transaction& tx) {
                   ch_value a[] = {text_value("y")};
                   return tx.query("INSERT INTO t(name) VALUES (?)", a);
                 }).ok());
  EXPECT_EQ(count(), 1);
}

TEST_P(Storage, WritingOutsideTheOpenTransactionIsRefusedNotDeadlocked) {
  Outcome o = db_->transaction([&](Transaction&) {
    ch_value a[] = {text_value("z")};
    Outcome inner = db_->query("INSERT INTO t(name) VALUES (?)", a);
    EXPECT_EQ(inner.code(), Status::InvalidArgument);
    EXPECT_EQ(db_->transaction([](Transaction&) { return Outcome::success(); }).code(),
              Status::InvalidArgument);
    return Outcome::success();
  });
  EXPECT_TRUE(o.ok());
}

TEST_P(Storage, ConcurrentCheckThenInsertInTransactionsNeverDoublesUp) {
  // Twelve threads on two Databases (two hosts on one PostgreSQL schema, two processes on one
  // SQLite file) all try to take the same slot; the check and the insert are one transaction.
  ASSERT_TRUE(db_->query("CREATE TABLE slot (owner TEXT)", {}).ok());
  auto other = second_host();
  ASSERT_TRUE(other);
  std::atomic<int> winners{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&, i] {
      Database& db = i % 2 ? *db_ : *other;
      std::string me = "t" + std::to_string(i);
      Outcome o = db.transaction([&](Transaction& tx) {
        bool taken = false;
        Outcome r = tx.query("SELECT 1 FROM slot", {}, [&](const ch_str*, const ch_value*, size_t) {
          taken = true;
          return Outcome::success();
        });
        if (!r.ok()) return r;
        if (taken) return Outcome::conflict("taken");
        std::this_thread::yield();  // widen the window a race would need
        ch_value p[] = {text_value(me)};
        return tx.query("INSERT INTO slot VALUES (?)", p);
      });
      EXPECT_TRUE(o.ok() || o.code() == Status::Conflict) << o.message();
      if (o.ok()) winners++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(winners.load(), 1);
}

TEST_P(Storage, MigrationsApplyOnceInOrderAndAllOrNothing) {
  std::vector<Migration> v1 = {{1, "a", "CREATE TABLE a (x INTEGER)"},
                               {2, "b", "CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (1)"}};
  std::vector<int64_t> applied;
  ASSERT_TRUE(migrate(*db_, v1, &applied).ok());
  EXPECT_EQ(applied, (std::vector<int64_t>{1, 2}));
  applied.clear();
  ASSERT_TRUE(migrate(*db_, v1, &applied).ok());
  EXPECT_TRUE(applied.empty());
  EXPECT_EQ(*schema_version(*db_), 2);

  // A failing migration leaves the database exactly as it was, including earlier new ones.
  auto v2 = v1;
  v2.push_back({3, "c", "CREATE TABLE c (z INTEGER)"});
  v2.push_back({4, "broken", "CREATE TABLE d (oops"});
  Outcome o = migrate(*db_, v2, &applied);
  EXPECT_FALSE(o.ok());
  EXPECT_NE(o.message().find("migration 4 (broken) failed"), std::string::npos) << o.message();
  EXPECT_TRUE(applied.empty());
  EXPECT_EQ(*schema_version(*db_), 2);
  EXPECT_FALSE(db_->query("SELECT * FROM c", {}).ok());

  // Editing history is refused.
  auto edited = v1;
  edited[0].sql = "CREATE TABLE a (x TEXT)";
  EXPECT_EQ(migrate(*db_, edited).code(), Status::Conflict);
  // Out of order is refused before anything runs.
  std::vector<Migration> bad = {{2, "x", "SELECT 1"}, {1, "y", "SELECT 1"}};
  EXPECT_EQ(migrate(*db_, bad).code(), Status::InvalidArgument);
}

TEST_P(Storage, SchemaVersionOfAFreshDatabaseIsZeroAndLeavesMigrateAlone) {
  EXPECT_EQ(*schema_version(*db_), 0);
  EXPECT_EQ(*schema_version(*db_), 0);
  std::vector<int64_t> applied;
  ASSERT_TRUE(migrate(*db_, std::vector<Migration>{{1, "a", "CREATE TABLE a (x INTEGER)"}},
                      &applied)
                  .ok());
  EXPECT_EQ(applied, (std::vector<int64_t>{1}));
  EXPECT_EQ(*schema_version(*db_), 1);
}

// applied_at is written by the host now, in the shape and at the time the column's DEFAULT gave.
TEST_P(Storage, MigrationRecordsAppliedAtAsTheColumnDefaultDid) {
  auto text = [&](const char* sql) {
    std::string out;
    EXPECT_TRUE(db_->query(sql, {}, [&](const ch_str*, const ch_value* v, size_t) {
                     out = std::string(text_of(v[0]));
                     return Outcome::success();
                   }).ok());
    return out;
  };
  // The database's own clock, in the DEFAULT's shape.
  const char* kNow =
      GetParam() == Dialect::kPostgres
          ? "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
          : "SELECT strftime('%Y-%m-%dT%H:%M:%fZ','now')";
  const std::string before = text(kNow);
  ASSERT_TRUE(migrate(*db_, std::vector<Migration>{{1, "a", "CREATE TABLE a (x INTEGER)"}}).ok());
  const std::string after = text(kNow);
  const std::string applied_at = text("SELECT applied_at FROM courthub_migrations");
  EXPECT_EQ(applied_at.size(), before.size()) << applied_at << " vs " << before;
  EXPECT_LE(before, applied_at);
  EXPECT_LE(applied_at, after);
}

TEST_P(Storage, GroupCommitSharesTransactionsAndIsolatesAFailingWrite) {
  GroupCommit gc(*db_, 64);
  // A first write holds its transaction open until all the others are queued behind it, so how
  // they are batched depends on nothing but the batch size (no timing).
  std::promise<void> entered, release;
  std::shared_future<void> released = release.get_future().share();
  std::thread gate([&] {
    Outcome o = gc.run([&](Transaction& tx) {
      entered.set_value();
      released.wait();
      ch_value p[] = {text_value("gate")};
      return tx.query("INSERT INTO t(name) VALUES (?)", p);
    });
    EXPECT_TRUE(o.ok()) << o.message();
  });
  entered.get_future().wait();

  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, conflict{0};
  for (int i = 0; i < 200; ++i) {
    threads.emplace_back([&, i] {
      // Every tenth write collides with another on purpose.
      std::string name = i % 10 == 0 ? "same" : "n" + std::to_string(i);
      Outcome o = gc.run([&](Transaction& tx) {
        ch_value p[] = {text_value(name)};
        return tx.query("INSERT INTO t(name) VALUES (?)", p);
      });
      if (o.ok()) ok++;
      if (o.code() == Status::Conflict) conflict++;
    });
  }
  while (gc.queued() < 200) std::this_thread::yield();
  release.set_value();
  gate.join();
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 181);        // 180 distinct names + the first "same"
  EXPECT_EQ(conflict.load(), 19);   // the other "same" writes, each rolled back alone
  EXPECT_EQ(count(), 182);          // and the gate's row
  EXPECT_EQ(gc.writes(), 201u);
  // The gate's commit, then the 200 queued writes in batches of at most 64: 4 more.
  EXPECT_EQ(gc.commits(), 5u);
}

TEST_P(Storage, GroupCommitWithSavepointsRunsEachWriteExactlyOnce) {
  GroupCommit gc(*db_, 64, GroupCommit::Isolation::kSavepoints);
  std::vector<std::thread> threads;
  std::atomic<int> bodies_run{0}, ok{0};
  for (int i = 0; i < 100; ++i) {
    threads.emplace_back([&, i] {
      std::string name = i % 5 == 0 ? "same" : "n" + std::to_string(i);
      Outcome o = gc.run([&](Transaction& tx) {
        bodies_run++;  // an effect outside the database: must not repeat when a write fails
        ch_value p[] = {text_value(name)};
        return tx.query("INSERT INTO t(name) VALUES (?)", p);
      });
      if (o.ok()) ok++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(bodies_run.load(), 100);  // the optimistic mode would redo the failed batches
  EXPECT_EQ(ok.load(), 81);           // 80 distinct names + the first "same"
  EXPECT_EQ(count(), 81);
}

TEST_P(Storage, GroupCommitRefusesANestedRunInsteadOfWaitingForItself) {
  GroupCommit gc(*db_, 64, GroupCommit::Isolation::kSavepoints);
  Outcome inner;
  Outcome outer = gc.run([&](Transaction& tx) {
    inner = gc.run([](Transaction&) { return Outcome::success(); });
    ch_value p[] = {text_value("outer")};
    return tx.query("INSERT INTO t(name) VALUES (?)", p);
  });
  EXPECT_TRUE(outer.ok()) << outer.message();
  EXPECT_EQ(inner.code(), Status::InvalidArgument);
  EXPECT_EQ(inner.message(), "nested transactions are not supported");
  EXPECT_EQ(count(), 1);
}

TEST_P(Storage, ReadersSeeCommittedDataWhileAWriterHoldsTheLock) {
  ch_value p[] = {text_value("committed")};
  ASSERT_TRUE(db_->query("INSERT INTO t(name) VALUES (?)", p).ok());
  std::atomic<bool> in_txn{false}, release{false};
  std::thread writer([&] {
    (void)db_->transaction([&](Transaction& tx) {
      ch_value q[] = {text_value("uncommitted")};
      (void)tx.query("INSERT INTO t(name) VALUES (?)", q);
      in_txn = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return Outcome::success();
    });
  });
  while (!in_txn) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(count(), 1);  // a reader, not blocked by the writer, sees only the committed row
  release = true;
  writer.join();
  EXPECT_EQ(count(), 2);
}

}  // namespace
}  // namespace courthub::storage
