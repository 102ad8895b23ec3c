// SPDX-License-Identifier: Apache-2.0
// Two hosts' directories on one database: a contact change made through one reaches the other's
// snapshot at its next refresh(), and a refresh with nothing changed keeps the snapshot it has.
#include <gtest/gtest.h>

#include "host/directory/directory.hpp"
#include "host/time/clock.hpp"
#include "tests/support/backend_test.hpp"

namespace courthub::directory {
namespace {

class DirectoryRefresh : public testing_postgres::TwoHostsTest {
 protected:
  time::ManualClock clock_{1'750'000'000'000};
};
COURTHUB_BOTH_BACKENDS(DirectoryRefresh);

TEST_P(DirectoryRefresh, AChangeOnOneHostReachesTheOtherAtItsNextRefresh) {
  Directory a(*db_, clock_), b(*other_, clock_);
  ASSERT_TRUE(a.load({}).ok());
  ASSERT_TRUE(b.load({}).ok());
  Department root;
  root.id = 1;
  root.court_code = "T";
  root.name = "测试法院";
  ASSERT_TRUE(a.upsert_department(root).ok());
  Person p;
  p.user_id = "new-clerk";
  p.name = "新书记员";
  p.court_code = "T";
  p.dept_id = 1;
  p.roles = {"clerk"};
  ASSERT_TRUE(a.upsert_person(p).ok());
  EXPECT_NE(a.snapshot()->person("new-clerk"), nullptr);
  EXPECT_EQ(b.snapshot()->person("new-clerk"), nullptr) << "b has not looked yet";

  ASSERT_TRUE(b.refresh().ok());
  ASSERT_NE(b.snapshot()->person("new-clerk"), nullptr);
  EXPECT_EQ(b.snapshot()->person("new-clerk")->name, "新书记员");

  // Nothing changed since: the same snapshot, not a rebuilt one.
  auto kept = b.snapshot();
  ASSERT_TRUE(b.refresh().ok());
  EXPECT_EQ(b.snapshot(), kept);

  // b's own change reaches a the same way; a refresh of b sees its own change as current.
  ASSERT_TRUE(b.deactivate_person("new-clerk").ok());
  auto after_own = b.snapshot();
  ASSERT_TRUE(b.refresh().ok());
  EXPECT_EQ(b.snapshot(), after_own);
  ASSERT_TRUE(a.refresh().ok());
  EXPECT_EQ(a.snapshot()->person("new-clerk"), nullptr) << "left: no longer returned";
}

}  // namespace
}  // namespace courthub::directory
