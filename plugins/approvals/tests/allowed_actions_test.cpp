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
  s.status = "RUNNING";
  s.current_step = 1;
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

TEST(AllowedActions, TheApproverDecidesTheirRunningTask) {
  EXPECT_EQ(allowed_actions(running_leave(), "head", staff()),
            (List{{"agree", 34}, {"refuse", 34}, {"transfer", 34}, {"add_approver", 34},
                  {"return", 34}, {"comment", 0}}));
}

TEST(AllowedActions, APausedTaskWaitsAndARequestedInstanceCannotBeReturned) {
  EXPECT_EQ(allowed_actions(running_leave(), "paused", staff()), (List{{"comment", 0}}));
  ActionOptions o = staff();
  o.requested = true;
  EXPECT_EQ(allowed_actions(running_leave(), "head", o),
            (List{{"agree", 34}, {"refuse", 34}, {"transfer", 34}, {"add_approver", 34},
                  {"comment", 0}}));
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
