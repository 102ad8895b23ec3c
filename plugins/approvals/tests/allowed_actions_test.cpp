// SPDX-License-Identifier: Apache-2.0
// The buttons a person gets: approvers, the originator, the court_admin, onlookers.
#include <gtest/gtest.h>

#include "../allowed_actions.hpp"

namespace approvals {
namespace {

using List = std::vector<AllowedAction>;

InstanceState running_leave() {
  InstanceState s;
  s.id = 12;
  s.originator = "orig";
  s.originator_name = "李法官";
  s.status = "RUNNING";
  s.current_step = 1;
  PlanStep first;
  first.id = 1;
  first.label = "直属主管";
  first.approvers = {{"head", "王庭长"}, {"paused", "孙副庭长"}};
  first.editable = {"days"};
  s.plan = {first};
  s.open_tasks = {TaskState{34, 1, "head", "王庭长", "RUNNING", ""},
                  TaskState{35, 1, "paused", "孙副庭长", "PAUSED", ""}};
  return s;
}

ActionOptions staff() {
  ActionOptions o;
  o.staff = true;
  o.may_resubmit = true;
  return o;
}

AllowedAction agree(int64_t task, std::vector<std::string> editable) {
  AllowedAction a{"agree", task};
  a.editable = std::move(editable);
  return a;
}

AllowedAction give_back(int64_t task, std::vector<ReturnTarget> targets) {
  return AllowedAction{"return", task, std::move(targets)};
}

TEST(AllowedActions, TheApproverDecidesTheirRunningTask) {
  EXPECT_EQ(allowed_actions(running_leave(), "head", staff()),
            (List{agree(34, {"days"}), {"refuse", 34}, {"transfer", 34}, {"add_approver", 34},
                  give_back(34, {{0, "发起人 · 李法官"}}), {"comment", 0}}));
}

TEST(AllowedActions, ReturnTargetsAreTheOriginatorAndEarlierStepsThatWereDone) {
  auto s = running_leave();
  PlanStep second;
  second.id = 2;
  second.label = "分管院领导";
  second.approvers = {{"leader", "吴副院长"}};
  s.plan.push_back(second);
  s.current_step = 2;
  s.open_tasks = {TaskState{40, 2, "leader", "吴副院长", "RUNNING", ""}};
  s.agreed = {TaskState{34, 1, "head", "王庭长", "COMPLETED", "AGREE"}};
  EXPECT_EQ(allowed_actions(s, "leader", staff()),
            (List{agree(40, {}), {"refuse", 40}, {"transfer", 40}, {"add_approver", 40},
                  give_back(40, {{0, "发起人 · 李法官"}, {1, "直属主管 · 王庭长、孙副庭长"}}),
                  {"comment", 0}}));
  s.requested = true;  // another plugin's request goes back to an earlier step only
  EXPECT_EQ(allowed_actions(s, "leader", staff()).at(4),
            give_back(40, {{1, "直属主管 · 王庭长、孙副庭长"}}));
}

TEST(AllowedActions, APausedTaskWaitsAndARequestedInstanceCannotBeReturnedToTheOriginator) {
  EXPECT_EQ(allowed_actions(running_leave(), "paused", staff()), (List{{"comment", 0}}));
  auto s = running_leave();
  s.requested = true;
  EXPECT_EQ(allowed_actions(s, "head", staff()),
            (List{agree(34, {"days"}), {"refuse", 34}, {"transfer", 34}, {"add_approver", 34},
                  {"comment", 0}}));
}

TEST(AllowedActions, TheOriginatorOfAReturnedInstanceResubmitsOrWithdraws) {
  auto s = running_leave();
  s.result = "returned";
  s.current_step = 0;
  s.open_tasks = {TaskState{50, 0, "orig", "李法官", "RUNNING", ""}};
  EXPECT_EQ(allowed_actions(s, "orig", staff()),
            (List{{"resubmit", 50}, {"withdraw", 0}, {"comment", 0}}));
}

TEST(AllowedActions, TheOriginatorWithdrawsWhileRunningAndResubmitsWhatWasNotApproved) {
  auto s = running_leave();
  EXPECT_EQ(allowed_actions(s, "orig", staff()), (List{{"withdraw", 0}, {"comment", 0}}));
  s.open_tasks.clear();
  s.status = "TERMINATED";
  s.result = "returned";
  EXPECT_EQ(allowed_actions(s, "orig", staff()), (List{{"comment", 0}, {"resubmit", 0}}));
  ActionOptions o = staff();
  o.may_resubmit = false;
  EXPECT_EQ(allowed_actions(s, "orig", o), (List{{"comment", 0}}));
  s.status = "COMPLETED";
  s.result = "agree";
  EXPECT_EQ(allowed_actions(s, "orig", staff()), (List{{"comment", 0}}));
}

TEST(AllowedActions, TheCourtAdminCancelsTheOperatorOnlyCancelsMirroredGetNothing) {
  ActionOptions admin = staff();
  admin.may_cancel = true;
  EXPECT_EQ(allowed_actions(running_leave(), "admin", admin),
            (List{{"cancel", 0}, {"comment", 0}}));
  ActionOptions op;
  op.may_cancel = true;
  EXPECT_EQ(allowed_actions(running_leave(), "", op), (List{{"cancel", 0}}));
  ActionOptions mirrored = staff();
  mirrored.mirrored = true;
  EXPECT_TRUE(allowed_actions(running_leave(), "head", mirrored).empty());
}

}  // namespace
}  // namespace approvals
