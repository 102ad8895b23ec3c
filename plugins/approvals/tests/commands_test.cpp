// SPDX-License-Identifier: Apache-2.0
// Robot commands and the task card's buttons.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

class Chat : public ApprovalsTest {};

TEST_F(Chat, ApproversListApproveAndRefuseByNumber) {
  int64_t a = submit("T-011", "leave", leave_form(1));
  int64_t b = submit("T-012", "leave", leave_form(1));
  auto list = harness().as("T-010").command("approvals pending");
  ASSERT_TRUE(list.ok) << list.text;
  EXPECT_TRUE(list.markdown);
  EXPECT_NE(list.text.find("#" + std::to_string(a)), std::string::npos);
  EXPECT_NE(list.text.find("#" + std::to_string(b)), std::string::npos);

  auto ok = harness().as("T-010").command("approve " + std::to_string(a) + " 同意，注意交接");
  ASSERT_TRUE(ok.ok) << ok.text;
  EXPECT_NE(ok.text.find("已通过"), std::string::npos);
  auto again = harness().as("T-010").command("approve " + std::to_string(a));
  EXPECT_FALSE(again.ok);
  EXPECT_NE(again.text.find("already"), std::string::npos) << again.text;

  EXPECT_FALSE(harness().as("T-010").command("refuse " + std::to_string(b)).ok);  // no reason
  auto no = harness().as("T-010").command("refuse " + std::to_string(b) + " 理由不充分");
  ASSERT_TRUE(no.ok) << no.text;
  EXPECT_EQ(detail(b)["result"], "refuse");
  EXPECT_NE(harness().as("T-010").command("approvals").text.find("没有待你审批"),
            std::string::npos);
}

TEST_F(Chat, ApprovalShowsStatusAndHistoryToThoseWhoMaySee) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  harness().as("T-010").command("approve " + std::to_string(id) + " 同意");
  auto r = harness().as("T-011").command("approval " + std::to_string(id));
  ASSERT_TRUE(r.ok) << r.text;
  EXPECT_NE(r.text.find("审批中"), std::string::npos);
  EXPECT_NE(r.text.find("王庭长 同意：同意"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("待 吴副院长"), std::string::npos) << r.text;
  EXPECT_FALSE(harness().as("T-022").command("approval " + std::to_string(id)).ok);
  EXPECT_FALSE(harness().as("T-011").command("approval twelve").ok);
  auto mine = harness().as("T-011").command("approvals mine");
  EXPECT_NE(mine.text.find("#" + std::to_string(id)), std::string::npos);
  EXPECT_FALSE(harness().as("T-011").command("approvals everything").ok);
}

// Issue 11: in a group chat, nothing about an approval is shown (a leave's kind and reason, its
// title with the originator's name, who else decides); the reply points to the private chat.
TEST_F(Chat, InAGroupChatNoApprovalDetailsAreShown) {
  int64_t id = submit("T-011", "leave", leave_form(2));
  auto shows_nothing = [&](const courthub::testing::CommandResult& r) {
    EXPECT_TRUE(r.ok) << r.text;
    for (const char* detail : {"事假", "家中有事", "请假", "李法官", "王庭长", "吴副院长"})
      EXPECT_EQ(r.text.find(detail), std::string::npos) << detail << " in: " << r.text;
    EXPECT_NE(r.text.find("私聊"), std::string::npos) << r.text;
  };
  shows_nothing(harness().as("T-010").command("approvals pending", true));
  shows_nothing(harness().as("T-011").command("approvals mine", true));
  shows_nothing(harness().as("T-011").command("approval " + std::to_string(id), true));
  auto approved = harness().as("T-010").command("approve " + std::to_string(id), true);
  shows_nothing(approved);
  EXPECT_NE(approved.text.find("#" + std::to_string(id)), std::string::npos) << approved.text;
  // The same commands in the private chat still show everything.
  auto mine = harness().as("T-011").command("approval " + std::to_string(id));
  EXPECT_NE(mine.text.find("王庭长 同意"), std::string::npos) << mine.text;
}

TEST_F(Chat, CardButtonsDecideTheTaskOnce) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  int64_t task = task_of(id, "T-010");
  Json params = Json::object({{"task_id", std::to_string(task)}, {"comment", "好"}});
  auto stranger = harness().as("T-012").card_action("approvals.agree", params);
  EXPECT_FALSE(stranger.ok);
  EXPECT_EQ(stranger.status, 403);
  auto r = harness().as("T-010").card_action("approvals.agree", params, "task-" +
                                                                          std::to_string(task));
  ASSERT_TRUE(r.ok) << r.body.dump();
  Json data = r.body["cardData"]["cardParamMap"];
  EXPECT_EQ(data["status"], "已同意");
  EXPECT_EQ(data["handled_by"], "王庭长");
  auto twice = harness().as("T-010").card_action("approvals.refuse", params);
  EXPECT_FALSE(twice.ok);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(detail(id)["result"], "agree");
}

TEST_F(Chat, TheRefuseButtonRefuses) {
  int64_t id = submit("T-011", "leave", leave_form(1));
  auto r = harness().as("T-010").card_action(
      "approvals.refuse", Json::object({{"task_id", task_of(id, "T-010")}}));
  ASSERT_TRUE(r.ok) << r.body.dump();
  EXPECT_EQ(r.body["cardData"]["cardParamMap"]["status"], "已拒绝");
  EXPECT_EQ(detail(id)["result"], "refuse");
  EXPECT_FALSE(harness().as("T-010").card_action("approvals.agree", Json::object()).ok);
}

}  // namespace
}  // namespace approvals::testing
