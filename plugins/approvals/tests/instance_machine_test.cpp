// SPDX-License-Identifier: Apache-2.0
// The action state machine: each action, or-sign and countersign, 加签, and what is refused.
#include <gtest/gtest.h>

#include "../instance_machine.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

using courthub::Status;

PlanStep step(int id, StepMode mode, std::vector<std::string> users) {
  PlanStep s;
  s.id = id;
  s.label = "step " + std::to_string(id);
  s.mode = mode;
  for (auto& u : users) s.approvers.push_back({u, "name of " + u});
  return s;
}

// An in-memory instance that applies transitions the way the store does, so a test can play a
// whole approval through.
class Instance {
 public:
  explicit Instance(Plan plan) {
    state_.id = 7;
    state_.originator = "orig";
    state_.originator_name = "发起人";
    Transition t = InstanceMachine::start(plan, {"orig", "发起人"});
    state_.plan = plan;
    apply(t);
  }

  Transition act(ActionKind kind, const std::string& who, int64_t task_id = 0,
                 std::vector<std::string> targets = {}, std::string remark = "",
                 bool may_cancel = false) {
    ActionRequest r;
    r.kind = kind;
    r.actor = {who, "name of " + who, may_cancel};
    if (task_id) r.task = tasks_.at(task_id);
    r.remark = std::move(remark);
    for (auto& t : targets) r.targets.push_back({t, "name of " + t});
    Transition t = InstanceMachine::act(state_, r);
    apply(t);
    return t;
  }

  // Any request; `r.task` is filled from `task_id` when given.
  Transition run(ActionRequest r, int64_t task_id = 0) {
    if (task_id) r.task = tasks_.at(task_id);
    if (r.actor.name.empty()) r.actor.name = "name of " + r.actor.user_id;
    Transition t = InstanceMachine::act(state_, r);
    apply(t);
    return t;
  }
  InstanceState& mutable_state() { return state_; }

  // The id of `who`'s task with the given status (0 if none).
  int64_t task_of(const std::string& who, std::string_view status = task_status::kRunning) const {
    for (auto& [id, t] : tasks_)
      if (t.assignee == who && t.status == status) return id;
    return 0;
  }
  const TaskState& task(int64_t id) const { return tasks_.at(id); }
  const InstanceState& state() const { return state_; }
  const std::vector<std::string>& record_types() const { return records_; }
  std::vector<std::string> running() const {
    std::vector<std::string> out;
    for (auto& [id, t] : tasks_)
      if (t.status == task_status::kRunning) out.push_back(t.assignee);
    return out;
  }

  // Expects `fn` to throw a courthub::Error with `status`.
  template <class F>
  static void expect_error(F&& fn, Status status) {
    try {
      fn();
      ADD_FAILURE() << "no error";
    } catch (const courthub::Error& e) {
      EXPECT_EQ(e.status(), status) << e.what();
    }
  }

 private:
  void apply(const Transition& t) {
    for (auto& c : t.task_changes) {
      TaskState& task = tasks_.at(c.id);
      ASSERT_EQ(task.status, c.from);
      task.status = c.status;
      if (!c.result.empty()) task.result = c.result;
    }
    for (auto& n : t.new_tasks) {
      int64_t id = next_id_++;
      tasks_[id] = TaskState{id, n.step_id, n.approver.user_id, n.approver.name,
                             std::string(task_status::kRunning), ""};
    }
    state_.status = t.status;
    state_.result = t.result;
    state_.current_step = t.current_step;
    if (t.plan_changed) state_.plan = t.plan;
    if (t.form) state_.form = *t.form;
    for (auto& r : t.records) records_.push_back(r.type);
    state_.open_tasks.clear();
    state_.agreed.clear();
    for (auto& [id, task] : tasks_)
      if (task.status == task_status::kRunning || task.status == task_status::kPaused)
        state_.open_tasks.push_back(task);
      else if (task.status == task_status::kCompleted && task.result == task_result::kAgree)
        state_.agreed.push_back(task);
  }

  InstanceState state_;
  std::map<int64_t, TaskState> tasks_;
  std::vector<std::string> records_;
  int64_t next_id_ = 1;
};

using Names = std::vector<std::string>;

TEST(InstanceMachine, StartsAtTheFirstStepWithSomeoneToAsk) {
  Instance i({step(1, StepMode::kSingle, {}), step(2, StepMode::kSingle, {"a"})});
  EXPECT_EQ(i.state().status, "RUNNING");
  EXPECT_EQ(i.state().current_step, 2);
  EXPECT_EQ(i.running(), Names{"a"});
  EXPECT_EQ(i.record_types(), Names{"START_PROCESS_INSTANCE"});
}

TEST(InstanceMachine, WithNobodyToAskItCompletesAtOnce) {
  Transition t = InstanceMachine::start({step(1, StepMode::kSingle, {})}, {"orig", "发起人"},
                                        {{"cc", "抄送人"}});
  EXPECT_EQ(t.status, "COMPLETED");
  EXPECT_EQ(t.result, "agree");
  EXPECT_TRUE(t.finished);
  ASSERT_EQ(t.records.size(), 3u);
  EXPECT_EQ(t.records[1].type, "PROCESS_CC");
  EXPECT_EQ(t.records[2].type, "FINISH_PROCESS_INSTANCE");
  EXPECT_EQ(t.records[2].remark, "审批人为空，自动通过");
}

TEST(InstanceMachine, SequentialStepsCompleteWithTheLastAgree) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {"b"}),
              step(3, StepMode::kSingle, {"c"})});
  i.act(ActionKind::kAgree, "a", i.task_of("a"), {}, "同意");
  EXPECT_EQ(i.running(), Names{"b"});
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  auto t = i.act(ActionKind::kAgree, "c", i.task_of("c"));
  EXPECT_TRUE(t.finished);
  EXPECT_EQ(i.state().status, "COMPLETED");
  EXPECT_EQ(i.state().result, "agree");
  EXPECT_EQ(i.record_types(),
            (Names{"START_PROCESS_INSTANCE", "EXECUTE_TASK_NORMAL", "EXECUTE_TASK_NORMAL",
                   "EXECUTE_TASK_NORMAL", "FINISH_PROCESS_INSTANCE"}));
}

TEST(InstanceMachine, ARefusalEndsTheInstanceAndCancelsTheRest) {
  Instance i({step(1, StepMode::kAnd, {"a", "b", "c"}), step(2, StepMode::kSingle, {"d"})});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  auto t = i.act(ActionKind::kRefuse, "b", i.task_of("b"), {}, "材料不全");
  EXPECT_TRUE(t.finished);
  EXPECT_EQ(i.state().result, "refuse");
  EXPECT_EQ(i.task(i.task_of("c", task_status::kCanceled)).status, "CANCELED");
  EXPECT_TRUE(i.running().empty());
  EXPECT_EQ(t.records.back().result, "REFUSE");
}

TEST(InstanceMachine, OrSignFinishesOnTheFirstDecisionAndCancelsSiblings) {
  Instance i({step(1, StepMode::kOr, {"a", "b", "c"}), step(2, StepMode::kSingle, {"d"})});
  int64_t b_task = i.task_of("b");
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  EXPECT_EQ(i.running(), Names{"d"});
  EXPECT_EQ(i.task(b_task).status, "CANCELED");
  // The sibling who comes second loses with Conflict.
  Instance::expect_error([&] { i.act(ActionKind::kAgree, "b", b_task); }, Status::Conflict);
}

TEST(InstanceMachine, CountersignNeedsEveryApprover) {
  Instance i({step(1, StepMode::kAnd, {"a", "b"}), step(2, StepMode::kSingle, {"d"})});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  EXPECT_EQ(i.running(), Names{"b"});
  EXPECT_EQ(i.state().current_step, 1);
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  EXPECT_EQ(i.running(), Names{"d"});
}

TEST(InstanceMachine, TheSameTaskIsDecidedOnce) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {"b"})});
  int64_t a = i.task_of("a");
  i.act(ActionKind::kAgree, "a", a);
  Instance::expect_error([&] { i.act(ActionKind::kAgree, "a", a); }, Status::Conflict);
  Instance::expect_error([&] { i.act(ActionKind::kRefuse, "a", a); }, Status::Conflict);
}

TEST(InstanceMachine, OnlyTheAssigneeActsOnATask) {
  Instance i({step(1, StepMode::kSingle, {"a"})});
  Instance::expect_error([&] { i.act(ActionKind::kAgree, "b", i.task_of("a")); },
                         Status::PermissionDenied);
  Instance::expect_error([&] { i.act(ActionKind::kAgree, "orig", i.task_of("a")); },
                         Status::PermissionDenied);
}

TEST(InstanceMachine, LaterStepsSkipOnlyThoseWhoAgreedEarlier) {
  Instance i({step(1, StepMode::kOr, {"a", "b"}), step(2, StepMode::kAnd, {"a", "b", "c"}),
              step(3, StepMode::kSingle, {"a"}), step(4, StepMode::kSingle, {"d"})});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  // a agreed in the 或签 step and is not asked again; b, listed there too, did not act.
  EXPECT_EQ(i.running(), (Names{"b", "c"}));
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  i.act(ActionKind::kAgree, "c", i.task_of("c"));
  EXPECT_EQ(i.running(), Names{"d"});  // step 3 had only a: skipped
}

TEST(InstanceMachine, TransferHandsTheTaskToSomeoneElseInTheSameStep) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {"b"})});
  int64_t a = i.task_of("a");
  auto t = i.act(ActionKind::kTransfer, "a", a, {"x"}, "请 x 处理");
  EXPECT_EQ(i.task(a).result, "REDIRECTED");
  EXPECT_EQ(i.running(), Names{"x"});
  EXPECT_EQ(t.records[0].type, "REDIRECT_TASK");
  EXPECT_EQ(json::get<std::string>(t.records[0].detail, "to_user_id"), "x");
  i.act(ActionKind::kAgree, "x", i.task_of("x"));
  EXPECT_EQ(i.running(), Names{"b"});
}

TEST(InstanceMachine, TransferRefusesSelfOriginatorAndSomeoneAlreadyAsked) {
  Instance i({step(1, StepMode::kAnd, {"a", "b"})});
  Instance::expect_error([&] { i.act(ActionKind::kTransfer, "a", i.task_of("a"), {"a"}); },
                         Status::InvalidArgument);
  Instance::expect_error([&] { i.act(ActionKind::kTransfer, "a", i.task_of("a"), {"orig"}); },
                         Status::InvalidArgument);
  Instance::expect_error([&] { i.act(ActionKind::kTransfer, "a", i.task_of("a"), {"b"}); },
                         Status::Conflict);
}

TEST(InstanceMachine, TransferRefusesSomeoneWhoAlreadyAgreedInTheStep) {
  Instance i({step(1, StepMode::kAnd, {"a", "b"}), step(2, StepMode::kSingle, {"d"})});
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  try {
    i.act(ActionKind::kTransfer, "a", i.task_of("a"), {"b"});
    ADD_FAILURE() << "transfer to b, who already agreed, was accepted";
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), Status::Conflict) << e.what();
    EXPECT_NE(std::string(e.what()).find("already agreed"), std::string::npos) << e.what();
  }
  EXPECT_EQ(i.running(), Names{"a"});  // a still decides
}

TEST(InstanceMachine, AddingBeforePausesTheStepUntilTheAddedPersonAgrees) {
  Instance i({step(1, StepMode::kAnd, {"a", "b"}), step(2, StepMode::kSingle, {"d"})});
  int64_t a = i.task_of("a");
  auto t = i.act(ActionKind::kAddBefore, "a", a, {"x"}, "请 x 先看");
  EXPECT_EQ(t.records[0].type, "APPEND_TASK_BEFORE");
  EXPECT_EQ(i.state().plan.size(), 3u);
  EXPECT_EQ(i.state().plan[0].origin, "append_before");
  EXPECT_EQ(i.running(), Names{"x"});
  EXPECT_EQ(i.task(a).status, "PAUSED");
  Instance::expect_error([&] { i.act(ActionKind::kAgree, "a", a); }, Status::Conflict);
  auto resumed = i.act(ActionKind::kAgree, "x", i.task_of("x"));
  EXPECT_TRUE(resumed.new_tasks.empty());  // the paused tasks come back, none are added
  EXPECT_EQ(i.running(), (Names{"a", "b"}));
  i.act(ActionKind::kAgree, "a", a);
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  EXPECT_EQ(i.running(), Names{"d"});
}

TEST(InstanceMachine, AddingAfterInsertsAStepBehindTheCurrentOne) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {"d"})});
  auto t = i.act(ActionKind::kAddAfter, "a", i.task_of("a"), {"x", "y"});
  EXPECT_EQ(t.records[0].type, "APPEND_TASK_AFTER");
  EXPECT_EQ(i.running(), Names{"a"});  // a still decides
  EXPECT_EQ(i.state().plan[1].mode, StepMode::kAnd);
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  EXPECT_EQ(i.running(), (Names{"x", "y"}));
  i.act(ActionKind::kAgree, "x", i.task_of("x"));
  i.act(ActionKind::kAgree, "y", i.task_of("y"));
  EXPECT_EQ(i.running(), Names{"d"});
}

TEST(InstanceMachine, StepsAddedAfterRunInTheOrderTheyWereAdded) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {"d"})});
  i.act(ActionKind::kAddAfter, "a", i.task_of("a"), {"x"});
  i.act(ActionKind::kAddAfter, "a", i.task_of("a"), {"y"});
  ASSERT_EQ(i.state().plan.size(), 4u);
  EXPECT_EQ(i.state().plan[1].approvers[0].user_id, "x");
  EXPECT_EQ(i.state().plan[2].approvers[0].user_id, "y");
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  EXPECT_EQ(i.running(), Names{"x"});
  i.act(ActionKind::kAgree, "x", i.task_of("x"));
  EXPECT_EQ(i.running(), Names{"y"});
  i.act(ActionKind::kAgree, "y", i.task_of("y"));
  EXPECT_EQ(i.running(), Names{"d"});
}

TEST(InstanceMachine, AddingRefusesYourselfAndTheOriginator) {
  Instance i({step(1, StepMode::kSingle, {"a"})});
  Instance::expect_error([&] { i.act(ActionKind::kAddBefore, "a", i.task_of("a"), {"a"}); },
                         Status::InvalidArgument);
  Instance::expect_error([&] { i.act(ActionKind::kAddAfter, "a", i.task_of("a"), {"orig"}); },
                         Status::InvalidArgument);
  Instance::expect_error([&] { i.act(ActionKind::kAddAfter, "a", i.task_of("a"), {"x", "x"}); },
                         Status::InvalidArgument);
}

TEST(InstanceMachine, OnlyTheOriginatorWithdrawsAndOnlyWhileRunning) {
  Instance i({step(1, StepMode::kOr, {"a", "b"})});
  Instance::expect_error([&] { i.act(ActionKind::kWithdraw, "a"); }, Status::PermissionDenied);
  auto t = i.act(ActionKind::kWithdraw, "orig", 0, {}, "不需要了");
  EXPECT_TRUE(t.finished);
  EXPECT_EQ(i.state().status, "TERMINATED");
  EXPECT_TRUE(i.running().empty());
  EXPECT_EQ(t.records[0].type, "TERMINATE_PROCESS_INSTANCE");
  Instance::expect_error([&] { i.act(ActionKind::kWithdraw, "orig"); }, Status::Conflict);
  Instance::expect_error([&] { i.act(ActionKind::kAgree, "a", i.task_of("a", "CANCELED")); },
                         Status::Conflict);
}

TEST(InstanceMachine, CancelNeedsTheRightAndEndsAsCanceled) {
  Instance i({step(1, StepMode::kSingle, {"a"})});
  Instance::expect_error([&] { i.act(ActionKind::kCancel, "a"); }, Status::PermissionDenied);
  i.act(ActionKind::kCancel, "admin", 0, {}, "重复提交", true);
  EXPECT_EQ(i.state().status, "CANCELED");
}

TEST(InstanceMachine, CommentsNeedTextAndAreAllowedAfterTheEnd) {
  Instance i({step(1, StepMode::kSingle, {"a"})});
  Instance::expect_error([&] { i.act(ActionKind::kComment, "a", 0, {}, "  "); },
                         Status::InvalidArgument);
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  auto t = i.act(ActionKind::kComment, "orig", 0, {}, "谢谢");
  EXPECT_EQ(t.records.at(0).type, "ADD_REMARK");
  EXPECT_TRUE(t.task_changes.empty());
}

TEST(InstanceMachine, ActionNamesIncludeThePositionOfAnAddedApprover) {
  EXPECT_EQ(action_kind_from("add_approver", "before"), ActionKind::kAddBefore);
  EXPECT_EQ(action_kind_from("add_approver", "after"), ActionKind::kAddAfter);
  EXPECT_FALSE(action_kind_from("add_approver", ""));
  EXPECT_FALSE(action_kind_from("approve", ""));
}

}  // namespace
}  // namespace approvals

namespace approvals {
namespace {

ActionRequest request(ActionKind kind, const std::string& who, std::string remark = "") {
  ActionRequest r;
  r.kind = kind;
  r.actor = {who, "", false};
  r.remark = std::move(remark);
  return r;
}

ActionRequest return_to(const std::string& who, int to_step, std::string remark = "请修改") {
  ActionRequest r = request(ActionKind::kReturn, who, std::move(remark));
  r.to_step = to_step;
  return r;
}

TEST(InstanceMachineReturn, ToTheOriginatorKeepsItRunningWithTheOriginatorsStep0Task) {
  Instance i({step(1, StepMode::kAnd, {"a", "b"}), step(2, StepMode::kSingle, {"c"})});
  int64_t a = i.task_of("a");
  int64_t b = i.task_of("b");
  Transition t = i.run(return_to("a", 0, "附件缺诊断证明"), a);
  EXPECT_EQ(i.state().status, "RUNNING");
  EXPECT_EQ(i.state().result, "returned");
  EXPECT_FALSE(t.finished);
  EXPECT_EQ(i.state().current_step, 0);
  EXPECT_EQ(i.task(a).status, "COMPLETED");
  EXPECT_EQ(i.task(a).result, "RETURNED");
  EXPECT_EQ(i.task(b).status, "CANCELED");
  EXPECT_EQ(i.running(), Names{"orig"});
  EXPECT_EQ(i.task(i.task_of("orig")).step_id, 0);
  EXPECT_EQ(i.record_types(), (Names{"START_PROCESS_INSTANCE", "RETURN_TASK"}));
  EXPECT_EQ(t.records.at(0).remark, "附件缺诊断证明");
  EXPECT_EQ(t.records.at(0).task_id, a);
  EXPECT_EQ(t.records.at(0).detail, Json::parse(R"({"to_step": 0, "to_label": "发起人"})"));
}

TEST(InstanceMachineReturn, TheOriginatorsTaskTakesOnlyAResubmitOrAWithdrawal) {
  Instance i({step(1, StepMode::kSingle, {"a"})});
  i.run(return_to("a", 0), i.task_of("a"));
  int64_t mine = i.task_of("orig");
  Instance::expect_error([&] { i.act(ActionKind::kAgree, "orig", mine); }, Status::Conflict);
  Instance::expect_error([&] { i.act(ActionKind::kRefuse, "orig", mine); }, Status::Conflict);
  auto t = i.act(ActionKind::kWithdraw, "orig", 0, {}, "不请了");
  EXPECT_TRUE(t.finished);
  EXPECT_EQ(i.state().status, "TERMINATED");
  EXPECT_EQ(i.state().result, "");
  EXPECT_EQ(i.task(mine).status, "CANCELED");
}

TEST(InstanceMachineReturn, ToAnEarlierStepAsksItAgainAndVoidsTheAgreementsFromThereOn) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kAnd, {"b", "c"}),
              step(3, StepMode::kSingle, {"d"})});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  int64_t c = i.task_of("c");
  Transition t = i.run(return_to("c", 1, "先补材料"), c);
  EXPECT_EQ(i.task(c).result, "RETURNED");
  EXPECT_EQ(i.state().status, "RUNNING");
  EXPECT_EQ(i.state().current_step, 1);
  EXPECT_EQ(i.running(), Names{"a"});
  EXPECT_EQ(t.records.at(0).detail, Json::parse(R"({"to_step": 1, "to_label": "step 1"})"));
  // b's agreement in step 2 no longer counts: b is asked again with c.
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  EXPECT_EQ(i.running(), (Names{"b", "c"}));
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  EXPECT_EQ(i.running(), Names{"c"});
  i.act(ActionKind::kAgree, "c", i.task_of("c"));
  EXPECT_EQ(i.running(), Names{"d"});
}

TEST(InstanceMachineReturn, AgreementsBeforeTheTargetStillSkipThePerson) {
  Instance i({step(1, StepMode::kOr, {"a", "b"}), step(2, StepMode::kSingle, {"c"}),
              step(3, StepMode::kAnd, {"a", "e"})});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  i.act(ActionKind::kAgree, "c", i.task_of("c"));
  EXPECT_EQ(i.running(), Names{"e"});  // a agreed in step 1
  i.run(return_to("e", 2), i.task_of("e"));
  EXPECT_EQ(i.running(), Names{"c"});
  i.act(ActionKind::kAgree, "c", i.task_of("c"));
  EXPECT_EQ(i.running(), Names{"e"});  // step 1's agreement still counts
  i.run(return_to("e", 1), i.task_of("e"));
  EXPECT_EQ(i.running(), (Names{"a", "b"}));
}

TEST(InstanceMachineReturn, TargetsAreTheOriginatorAndEarlierStepsThatWereDone) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {}),
              step(3, StepMode::kSingle, {"c"}), step(4, StepMode::kSingle, {"d"})});
  EXPECT_EQ(InstanceMachine::return_targets(i.state(), i.task(i.task_of("a"))),
            (std::vector<ReturnTarget>{{0, "发起人 · 发起人"}}));
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  int64_t c = i.task_of("c");
  EXPECT_EQ(InstanceMachine::return_targets(i.state(), i.task(c)),
            (std::vector<ReturnTarget>{{0, "发起人 · 发起人"}, {1, "step 1 · name of a"}}));
  // Not the empty step, not the step itself, not a later one.
  for (int to : {2, 3, 4, 9})
    Instance::expect_error([&] { i.run(return_to("c", to), c); }, Status::InvalidArgument);
  i.mutable_state().requested = true;
  EXPECT_EQ(InstanceMachine::return_targets(i.state(), i.task(c)),
            (std::vector<ReturnTarget>{{1, "step 1 · name of a"}}));
  Instance::expect_error([&] { i.run(return_to("c", 0), c); }, Status::Conflict);
  i.run(return_to("c", 1), c);
  EXPECT_EQ(i.running(), Names{"a"});
}

TEST(InstanceMachineResubmit, RunsTheNewChainFromItsFirstStepAndForgetsEveryAgreement) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {"b"})});
  i.mutable_state().form = Json::parse(R"({"days": 2})");
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  i.run(return_to("b", 0, "天数不对"), i.task_of("b"));
  int64_t mine = i.task_of("orig");

  ActionRequest r = request(ActionKind::kResubmit, "orig", "已改");
  r.form = Json::parse(R"({"days": 3})");
  r.changes = Json::parse(R"([{"field": "days", "label": "请假天数", "from": 2, "to": 3}])");
  r.plan = {step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {"b"}),
            step(3, StepMode::kSingle, {"p"})};
  r.cc_finish = {{"cc", "抄送人"}};
  Transition t = i.run(r, mine);
  EXPECT_EQ(i.task(mine).status, "COMPLETED");
  EXPECT_EQ(i.task(mine).result, "RESUBMITTED");
  EXPECT_EQ(i.state().status, "RUNNING");
  EXPECT_EQ(i.state().result, "");
  ASSERT_EQ(i.state().plan.size(), 3u);
  EXPECT_EQ(i.state().plan[0].id, 3);  // new ids: no earlier task belongs to the new steps
  EXPECT_EQ(i.state().current_step, 3);
  EXPECT_EQ(i.running(), Names{"a"});  // a agreed before the return: asked again
  EXPECT_EQ(i.state().form, Json::parse(R"({"days": 3})"));
  ASSERT_TRUE(t.cc_finish);
  EXPECT_EQ(t.cc_finish->size(), 1u);
  ASSERT_EQ(t.records.size(), 1u);
  EXPECT_EQ(t.records[0].type, "RESUBMIT_PROCESS_INSTANCE");
  EXPECT_EQ(t.records[0].detail["changes"], r.changes);
  EXPECT_EQ(t.records[0].detail["previous_form"], Json::parse(R"({"days": 2})"));
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  EXPECT_EQ(i.running(), Names{"p"});
}

TEST(InstanceMachineResubmit, OnlyAReturnedInstancesStep0TaskIsResubmitted) {
  Instance i({step(1, StepMode::kSingle, {"a"})});
  Instance::expect_error([&] { i.run(request(ActionKind::kResubmit, "a"), i.task_of("a")); },
                         Status::Conflict);
  i.run(return_to("a", 0), i.task_of("a"));
  int64_t mine = i.task_of("orig");
  Instance::expect_error([&] { i.run(request(ActionKind::kResubmit, "a"), mine); },
                         Status::PermissionDenied);
  i.run(request(ActionKind::kResubmit, "orig"), mine);  // an empty chain: approved at once
  EXPECT_EQ(i.state().status, "COMPLETED");
  EXPECT_EQ(i.state().result, "agree");
  Instance::expect_error([&] { i.run(request(ActionKind::kResubmit, "orig"), mine); },
                         Status::Conflict);
}

TEST(InstanceMachineEditable, AnAgreeWithEditsChangesTheFormAndRecordsTheChanges) {
  Instance i({step(1, StepMode::kSingle, {"a"}), step(2, StepMode::kSingle, {"b"})});
  ActionRequest r = request(ActionKind::kAgree, "a");
  r.form = Json::parse(R"({"days": 3})");
  r.changes = Json::parse(R"([{"field": "days", "label": "请假天数", "from": 2, "to": 3}])");
  Transition t = i.run(r, i.task_of("a"));
  EXPECT_EQ(i.state().form, Json::parse(R"({"days": 3})"));
  EXPECT_EQ(t.records.at(0).type, "EXECUTE_TASK_NORMAL");
  EXPECT_EQ(t.records.at(0).detail["changes"], r.changes);
  EXPECT_EQ(i.running(), Names{"b"});
  Transition plain = i.act(ActionKind::kAgree, "b", i.task_of("b"));
  EXPECT_FALSE(plain.form);
  EXPECT_FALSE(plain.records.at(0).detail.contains("changes"));
}

TEST(InstanceMachineSequential, AsksOneApproverAtATimeInTheListedOrder) {
  Instance i({step(1, StepMode::kSequential, {"a", "b", "c"}), step(2, StepMode::kSingle, {"d"})});
  EXPECT_EQ(i.running(), Names{"a"});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  EXPECT_EQ(i.running(), Names{"b"});
  EXPECT_EQ(i.state().current_step, 1);
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  EXPECT_EQ(i.running(), Names{"c"});
  i.act(ActionKind::kAgree, "c", i.task_of("c"));
  EXPECT_EQ(i.running(), Names{"d"});
}

TEST(InstanceMachineSequential, SkipsWhoAgreedEarlierAndEndsOnARefusal) {
  Instance i({step(1, StepMode::kSingle, {"b"}), step(2, StepMode::kSequential, {"a", "b", "c"})});
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  EXPECT_EQ(i.running(), Names{"a"});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  EXPECT_EQ(i.running(), Names{"c"});
  i.act(ActionKind::kRefuse, "c", i.task_of("c"), {}, "不同意");
  EXPECT_EQ(i.state().status, "COMPLETED");
  EXPECT_EQ(i.state().result, "refuse");
}

TEST(InstanceMachineSequential, TransferPutsTheNewPersonInThePlaceOfTheOld) {
  Instance i({step(1, StepMode::kSequential, {"a", "b"})});
  Instance::expect_error([&] { i.act(ActionKind::kTransfer, "a", i.task_of("a"), {"b"}); },
                         Status::Conflict);
  i.act(ActionKind::kTransfer, "a", i.task_of("a"), {"x"});
  ASSERT_EQ(i.state().plan[0].approvers.size(), 2u);
  EXPECT_EQ(i.state().plan[0].approvers[0].user_id, "x");
  EXPECT_EQ(i.state().plan[0].approvers[1].user_id, "b");
  i.act(ActionKind::kAgree, "x", i.task_of("x"));
  EXPECT_EQ(i.running(), Names{"b"});  // not a again
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  EXPECT_EQ(i.state().result, "agree");
}

TEST(InstanceMachineSequential, AReturnToASequentialStepStartsItsOrderAgain) {
  Instance i({step(1, StepMode::kSequential, {"a", "b"}), step(2, StepMode::kSingle, {"c"})});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  i.act(ActionKind::kAgree, "b", i.task_of("b"));
  i.run(return_to("c", 1), i.task_of("c"));
  EXPECT_EQ(i.running(), Names{"a"});
  i.act(ActionKind::kAgree, "a", i.task_of("a"));
  EXPECT_EQ(i.running(), Names{"b"});
}

TEST(InstanceMachineReturn, NeedsACommentAndTheAssigneesRunningTask) {
  Instance i({step(1, StepMode::kSingle, {"a"})});
  int64_t a = i.task_of("a");
  Instance::expect_error([&] { i.act(ActionKind::kReturn, "a", a, {}, "  "); },
                         Status::InvalidArgument);
  Instance::expect_error([&] { i.act(ActionKind::kReturn, "x", a, {}, "改"); },
                         Status::PermissionDenied);
  i.act(ActionKind::kAgree, "a", a);
  Instance::expect_error([&] { i.act(ActionKind::kReturn, "a", a, {}, "改"); },
                         Status::Conflict);
  EXPECT_EQ(action_kind_from("resubmit", ""), ActionKind::kResubmit);
}

TEST(InstanceMachineReturn, IsNamedReturn) {
  EXPECT_EQ(action_kind_from("return", ""), ActionKind::kReturn);
  EXPECT_EQ(action_kind_name(ActionKind::kReturn), "return");
}

}  // namespace
}  // namespace approvals
