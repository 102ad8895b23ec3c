// SPDX-License-Identifier: Apache-2.0
// UsedRobotSigns: a timestamp/sign pair is good for one msgId; expired pairs are purged.
#include "host/dingtalk/used_robot_signs.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "host/storage/host_schema.hpp"
#include "host/storage/migrations.hpp"
#include "host/storage/sqlite_database.hpp"

namespace courthub::dingtalk {
namespace {

class UsedRobotSignsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "courthub-signs-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    db_ = std::move(*storage::open_sqlite(dir_ + "/host.db", {}));
    ASSERT_TRUE(storage::migrate(*db_, storage::host_migrations()).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  int64_t rows() {
    int64_t n = 0;
    (void)db_->query("SELECT COUNT(*) FROM robot_signs", {},
                     [&](const ch_str*, const ch_value* v, size_t) {
                       n = storage::int_of(v[0]);
                       return Outcome::success();
                     });
    return n;
  }
  std::string dir_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(UsedRobotSignsTest, APairIsGoodForOneMessage) {
  UsedRobotSigns signs(*db_);
  EXPECT_EQ(*signs.claim("1700000000000", "c2lnbg==", "msg-1", 1700003600000, 1700000000000),
            SignUse::First);
  EXPECT_EQ(*signs.claim("1700000000000", "c2lnbg==", "msg-1", 1700003600000, 1700000001000),
            SignUse::SameMessage);
  EXPECT_EQ(*signs.claim("1700000000000", "c2lnbg==", "msg-2", 1700003600000, 1700000002000),
            SignUse::Replayed);
  EXPECT_EQ(*signs.claim("1700000000001", "b3RoZXI=", "msg-2", 1700003600001, 1700000002000),
            SignUse::First);
}

TEST_F(UsedRobotSignsTest, ExpiredPairsArePurgedAtMostOnceAMinute) {
  UsedRobotSigns signs(*db_);
  const int64_t t0 = 1700000000000;
  ASSERT_TRUE(signs.claim("1", "a", "m1", t0 + 10'000, t0).ok());
  ASSERT_TRUE(signs.claim("2", "b", "m2", t0 + 120'000, t0).ok());
  EXPECT_EQ(rows(), 2);
  // 30 s later the first pair has expired, but the last purge (at t0) is less than a minute old.
  ASSERT_TRUE(signs.claim("3", "c", "m3", t0 + 200'000, t0 + 30'000).ok());
  EXPECT_EQ(rows(), 3);
  // A minute after t0 the next claim purges what expired.
  ASSERT_TRUE(signs.claim("4", "d", "m4", t0 + 200'000, t0 + 60'000).ok());
  EXPECT_EQ(rows(), 3);
  EXPECT_EQ(*signs.purge(t0 + 150'000), 1);  // "2" (expired at t0 + 120 s)
  EXPECT_EQ(rows(), 2);
}

}  // namespace
}  // namespace courthub::dingtalk
