// SPDX-License-Identifier: Apache-2.0
// The court's president (院长) sees and may cancel the court's approvals as its court_admin does;
// another court's president does not.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

using President = ApprovalsTest;

TEST_F(President, SeesListsAndCancelsTheCourtsApprovals) {
  int64_t id = submit("T-011", "leave", leave_form(1));  // the 庭长 alone: T-001 not involved
  auto seen = harness().as("T-001").get("/instances/" + std::to_string(id));
  ASSERT_EQ(seen.status, 200) << seen.body;
  bool may_cancel = false;
  Json seen_json = seen.json();
  for (auto& a : seen_json["allowed_actions"]) may_cancel = may_cancel || a["action"] == "cancel";
  EXPECT_TRUE(may_cancel);

  auto list = harness().as("T-001").get("/instances?court=T-BC");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["id"], id);
  EXPECT_EQ(harness().as("T-001").get("/instances").status, 200);  // their own court

  auto canceled = act("T-001", id, Json::object({{"action", "cancel"}, {"comment", "重复提交"}}));
  ASSERT_EQ(canceled.status, 200) << canceled.body;
  EXPECT_EQ(detail(id)["status"], "CANCELED");
}

TEST_F(President, AnotherCourtsPresidentDoesNot) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  EXPECT_EQ(harness().as("X-001").get("/instances/" + std::to_string(id)).status, 403);
  EXPECT_EQ(harness().as("X-001").get("/instances?court=T-BC").status, 403);
  EXPECT_EQ(act("X-001", id, Json::object({{"action", "cancel"}})).status, 403);
  // A vice president is not the president.
  EXPECT_EQ(harness().as("T-002").get("/instances?court=T-BC").status, 403);
}

}  // namespace
}  // namespace approvals::testing
