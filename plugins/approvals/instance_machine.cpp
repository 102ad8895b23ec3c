// SPDX-License-Identifier: Apache-2.0
// The action state machine: agree, refuse, comment, transfer, add approvers, return, resubmit,
// withdraw, cancel.
#include "instance_machine.hpp"

#include <algorithm>
#include <set>

#include "value_text.hpp"

namespace approvals {
namespace {

using courthub::Conflict;
using courthub::InvalidArgument;
using courthub::PermissionDenied;

std::string ref(int64_t instance_id) { return "approval " + std::to_string(instance_id); }

class Builder {
 public:
  explicit Builder(const InstanceState& s) : s_(s) {
    t_.plan = s.plan;
    t_.current_step = s.current_step;
    t_.status = s.status;
    t_.result = s.result;
  }

  Transition take() { return std::move(t_); }
  Transition& t() { return t_; }

  void record(std::string_view type, const Approver& who, std::string result = "NONE",
              std::string remark = {}, int64_t task_id = 0, Json detail = Json::object()) {
    t_.records.push_back(RecordDraft{std::string(type), who.user_id, who.name, std::move(result),
                                     std::move(remark), task_id, std::move(detail)});
  }

  void change(const TaskState& task, std::string_view status, std::string_view result = "",
              std::string remark = {}, bool resumed = false) {
    t_.task_changes.push_back(TaskChange{task.id, task.assignee, task.status,
                                         std::string(status), std::string(result),
                                         std::move(remark), resumed});
  }

  bool changed(int64_t id) const {
    for (auto& c : t_.task_changes)
      if (c.id == id) return true;
    return false;
  }

  // Cancels every open task not already changed by this transition.
  void cancel_open_tasks() {
    for (auto& task : s_.open_tasks)
      if (!changed(task.id)) change(task, task_status::kCanceled);
  }

  size_t index_of(int step_id) const {
    for (size_t i = 0; i < t_.plan.size(); ++i)
      if (t_.plan[i].id == step_id) return i;
    return t_.plan.size();
  }

  // Whether an agreement on `task` still counts: its step is in the plan and no 退回 to that
  // step or before it came after the agreement.
  bool counts(const TaskState& task) const {
    size_t i = index_of(task.step_id);
    return i < t_.plan.size() && task.id > t_.plan[i].void_through;
  }

  // Whether `user_id` has agreed a task of this instance that still counts, before or in this
  // transition.
  bool agreed(const std::string& user_id) const {
    for (auto& task : s_.agreed)
      if (task.assignee == user_id && counts(task)) return true;
    for (auto& c : t_.task_changes)
      if (c.assignee == user_id && c.result == task_result::kAgree) return true;
    return false;
  }

  // Moves to the first step after plan index `after` (npos: from the start) that has someone to
  // ask: resumes the tasks an earlier 前加签 paused there, or opens one task per approver who
  // has not already agreed in this instance (去重 by deed). With no such step the instance
  // completes, agreed.
  //
  // A sequential step (依次审批) opens one task: its first approver in order who has not agreed.
  void advance(size_t after, const Approver& actor) {
    for (size_t i = after == npos ? 0 : after + 1; i < t_.plan.size(); ++i) {
      const PlanStep& step = t_.plan[i];
      bool resumed = false;
      for (auto& task : s_.open_tasks)
        if (task.step_id == step.id && task.status == task_status::kPaused && !changed(task.id)) {
          change(task, task_status::kRunning, "", {}, true);
          resumed = true;
        }
      if (resumed) {
        t_.current_step = step.id;
        return;
      }
      std::vector<Approver> ask;
      for (auto& a : step.approvers)
        if (!agreed(a.user_id)) ask.push_back(a);
      if (step.mode == StepMode::kSequential && ask.size() > 1) ask.resize(1);
      if (!ask.empty()) {
        t_.current_step = step.id;
        for (auto& a : ask) t_.new_tasks.push_back(NewTask{step.id, a});
        return;
      }
    }
    finish("agree", actor);
  }

  void finish(std::string_view result, const Approver& actor) {
    t_.status = std::string(instance_status::kCompleted);
    t_.result = std::string(result);
    t_.current_step = 0;
    t_.finished = true;
    std::string remark;
    if (actor.user_id.empty()) remark = "审批人为空，自动通过";
    record(record_type::kFinish, actor, result == "agree" ? "AGREE" : "REFUSE", remark);
  }

  void terminate(std::string_view status, const Approver& actor, std::string remark) {
    cancel_open_tasks();
    t_.status = std::string(status);
    t_.result = "";
    t_.current_step = 0;
    t_.finished = true;
    record(record_type::kTerminate, actor, "NONE", std::move(remark),
           0, Json::object({{"status", status}}));
  }

  // Agreements made in plan steps from index `from` on no longer count (退回): the largest task id
  // known now marks them, since every later task gets a larger one.
  void void_from(size_t from, int64_t acted_task) {
    int64_t through = acted_task;
    for (auto& t : s_.open_tasks) through = std::max(through, t.id);
    for (auto& t : s_.agreed) through = std::max(through, t.id);
    for (size_t i = from; i < t_.plan.size(); ++i) t_.plan[i].void_through = through;
    t_.plan_changed = true;
  }

  static constexpr size_t npos = static_cast<size_t>(-1);

 private:
  const InstanceState& s_;
  Transition t_;
};

void require_running(const InstanceState& s) {
  if (s.status != instance_status::kRunning)
    throw Conflict(ref(s.id) + " is already " + status_text(s.status, s.result) + " (" +
                   s.status + ")");
}

// Checks people being added or transferred to: not the actor, not the originator, no repeats.
void check_targets(const InstanceState& s, const ActionRequest& r, size_t max) {
  if (r.targets.empty()) throw InvalidArgument("name the person (userid) to hand the task to");
  if (r.targets.size() > max)
    throw InvalidArgument("at most " + std::to_string(max) + " people can be added at once");
  std::set<std::string> seen;
  for (auto& t : r.targets) {
    if (t.user_id == r.actor.user_id) throw InvalidArgument("you cannot add yourself");
    if (t.user_id == s.originator)
      throw InvalidArgument("the originator cannot approve their own request");
    if (!seen.insert(t.user_id).second)
      throw InvalidArgument(t.user_id + " is named twice");
  }
}

}  // namespace

std::vector<ReturnTarget> InstanceMachine::return_targets(const InstanceState& s,
                                                          const TaskState& task) {
  std::vector<ReturnTarget> out;
  if (task.step_id == kOriginatorStep) return out;
  if (!s.requested) out.push_back({kOriginatorStep, "发起人 · " + s.originator_name});
  Builder b(s);
  size_t at = b.index_of(task.step_id);
  for (size_t i = 0; i < at && i < s.plan.size(); ++i) {
    const PlanStep& step = s.plan[i];
    bool done = false;
    for (auto& a : s.agreed) done = done || (a.step_id == step.id && b.counts(a));
    if (step.approvers.empty() || !done) continue;
    std::string names;
    for (auto& a : step.approvers) names += (names.empty() ? "" : "、") + a.name;
    out.push_back({step.id, step.label + " · " + names});
  }
  return out;
}

std::optional<ActionKind> action_kind_from(std::string_view name, std::string_view position) {
  if (name == "agree") return ActionKind::kAgree;
  if (name == "refuse") return ActionKind::kRefuse;
  if (name == "comment") return ActionKind::kComment;
  if (name == "transfer") return ActionKind::kTransfer;
  if (name == "withdraw") return ActionKind::kWithdraw;
  if (name == "cancel") return ActionKind::kCancel;
  if (name == "return") return ActionKind::kReturn;
  if (name == "resubmit") return ActionKind::kResubmit;
  if (name == "add_approver" && position == "before") return ActionKind::kAddBefore;
  if (name == "add_approver" && position == "after") return ActionKind::kAddAfter;
  return std::nullopt;
}

std::string_view action_kind_name(ActionKind kind) {
  switch (kind) {
    case ActionKind::kAgree: return "agree";
    case ActionKind::kRefuse: return "refuse";
    case ActionKind::kComment: return "comment";
    case ActionKind::kTransfer: return "transfer";
    case ActionKind::kAddBefore: return "add_approver_before";
    case ActionKind::kAddAfter: return "add_approver_after";
    case ActionKind::kWithdraw: return "withdraw";
    case ActionKind::kCancel: return "cancel";
    case ActionKind::kReturn: return "return";
    case ActionKind::kResubmit: return "resubmit";
  }
  return "";
}

Transition InstanceMachine::start(const Plan& plan, const Approver& originator,
                                  const std::vector<Approver>& cc_start) {
  InstanceState s;
  s.status = std::string(instance_status::kRunning);
  s.plan = plan;
  Builder b(s);
  b.record(record_type::kStart, originator);
  if (!cc_start.empty()) {
    b.record(record_type::kCc, originator, "NONE", "", 0,
             Json::object({{"cc_users", approvers_json(cc_start)}, {"at", "start"}}));
    b.t().cc_start = cc_start;
  }
  b.advance(Builder::npos, Approver{"", "系统"});
  return b.take();
}

Transition InstanceMachine::act(const InstanceState& s, const ActionRequest& r) {
  Builder b(s);
  const Approver actor{r.actor.user_id, r.actor.name};

  switch (r.kind) {
    case ActionKind::kComment:
      if (trim(r.remark).empty()) throw InvalidArgument("a comment needs text");
      b.record(record_type::kRemark, actor, "NONE", r.remark);
      return b.take();
    case ActionKind::kWithdraw:
      if (r.actor.user_id != s.originator)
        throw PermissionDenied("only the originator can withdraw " + ref(s.id));
      require_running(s);
      b.terminate(instance_status::kTerminated, actor, r.remark);
      return b.take();
    case ActionKind::kCancel:
      if (!r.actor.may_cancel)
        throw PermissionDenied("only the court's court_admin (综合管理员) or the operator can "
                               "cancel " + ref(s.id));
      require_running(s);
      b.terminate(instance_status::kCanceled, actor, r.remark);
      return b.take();
    default:
      break;
  }

  if (!r.task) throw courthub::NotFound("no such task in " + ref(s.id));
  const TaskState& task = *r.task;
  if (task.assignee != r.actor.user_id)
    throw PermissionDenied("task " + std::to_string(task.id) + " is " + task.assignee_name +
                           "'s; you can act only on your own tasks");
  auto already = [&] {
    return Conflict("task " + std::to_string(task.id) + " is already " +
                    task_status_text(task.status, task.result) + " (" + task.status +
                    (task.result.empty() ? "" : " " + task.result) + ")");
  };
  // A decided task says so first: that is what a second press of the same button wants to hear.
  if (task.status == task_status::kCompleted) throw already();
  require_running(s);
  if (task.status == task_status::kPaused)
    throw Conflict("task " + std::to_string(task.id) +
                   " waits for the approver added before you (前加签) to decide first");
  if (task.status != task_status::kRunning) throw already();
  // The originator's task while the instance is returned to them takes only a resubmission
  // (or a withdrawal, above); approvers' tasks take everything else.
  if (task.step_id == kOriginatorStep && r.kind != ActionKind::kResubmit)
    throw Conflict(ref(s.id) + " is returned to its originator: resubmit it or withdraw it");
  if (task.step_id != kOriginatorStep && r.kind == ActionKind::kResubmit)
    throw Conflict(ref(s.id) + " is not returned to you: only a returned approval is "
                   "resubmitted");

  size_t at = b.index_of(task.step_id);
  switch (r.kind) {
    case ActionKind::kAgree: {
      b.change(task, task_status::kCompleted, task_result::kAgree, r.remark);
      Json detail = Json::object();
      if (r.form) {
        b.t().form = *r.form;
        detail["changes"] = r.changes;
      }
      b.record(record_type::kExecute, actor, "AGREE", r.remark, task.id, std::move(detail));
      StepMode mode = at < s.plan.size() ? s.plan[at].mode : StepMode::kSingle;
      if (mode == StepMode::kSequential) {
        // 依次审批: the next person in order who has not agreed, else the next step.
        for (auto& a : s.plan[at].approvers)
          if (!b.agreed(a.user_id)) {
            b.t().new_tasks.push_back(NewTask{task.step_id, a});
            return b.take();
          }
        b.advance(at, actor);
        break;
      }
      std::vector<const TaskState*> siblings;
      for (auto& other : s.open_tasks)
        if (other.id != task.id && other.step_id == task.step_id &&
            other.status == task_status::kRunning)
          siblings.push_back(&other);
      if (mode == StepMode::kAnd && !siblings.empty()) break;  // 会签: wait for the rest
      for (auto* other : siblings) b.change(*other, task_status::kCanceled);  // 或签: done
      b.advance(at, actor);
      break;
    }
    case ActionKind::kReturn: {
      // 退回: the people still asked can stop; agreements from the target on no longer count.
      if (trim(r.remark).empty())
        throw InvalidArgument("say what should be corrected: a return needs a comment");
      if (r.to_step == kOriginatorStep && s.requested)
        throw Conflict(ref(s.id) + " was opened by another app, where it cannot be corrected "
                       "and resubmitted; return it to an earlier step or refuse it instead");
      std::string to_label = "发起人";
      if (r.to_step != kOriginatorStep) {
        bool allowed = false;
        for (auto& target : return_targets(s, task)) allowed = allowed || target.step_id == r.to_step;
        if (!allowed)
          throw InvalidArgument("to_step " + std::to_string(r.to_step) +
                                " is not an earlier step that has been approved; return to 0 "
                                "(the originator) or to one of allowed_actions' targets");
        to_label = s.plan[b.index_of(r.to_step)].label;
      }
      b.change(task, task_status::kCompleted, task_result::kReturned, r.remark);
      b.record(record_type::kReturn, actor, "NONE", r.remark, task.id,
               Json::object({{"to_step", r.to_step}, {"to_label", to_label}}));
      b.cancel_open_tasks();
      if (r.to_step == kOriginatorStep) {
        // The instance waits for its originator, who holds a step-0 task: resubmit or withdraw.
        b.void_from(0, task.id);
        b.t().result = std::string(instance_result::kReturned);
        b.t().current_step = kOriginatorStep;
        b.t().new_tasks.push_back(NewTask{kOriginatorStep, {s.originator, s.originator_name}});
      } else {
        size_t to = b.index_of(r.to_step);
        b.void_from(to, task.id);
        b.advance(to == 0 ? Builder::npos : to - 1, actor);
      }
      break;
    }
    case ActionKind::kResubmit: {
      // The chain resolved again runs from its first step under new step ids, so that no task
      // or agreement from before belongs to it.
      int base = 0;
      for (auto& step : s.plan) base = std::max(base, step.id);
      Plan plan = r.plan;
      for (auto& step : plan) step.id += base;
      b.t().plan = std::move(plan);
      b.t().plan_changed = true;
      if (r.form) b.t().form = *r.form;
      b.t().cc_finish = r.cc_finish;
      b.t().result = "";
      b.change(task, task_status::kCompleted, task_result::kResubmitted, r.remark);
      b.record(record_type::kResubmit, actor, "NONE", r.remark, task.id,
               Json::object({{"changes", r.changes},
                             {"previous_form", s.form},
                             {"previous_plan", plan_to_json(s.plan)}}));
      b.advance(Builder::npos, actor);
      break;
    }
    case ActionKind::kRefuse:
      b.change(task, task_status::kCompleted, task_result::kRefuse, r.remark);
      b.record(record_type::kExecute, actor, "REFUSE", r.remark, task.id);
      b.cancel_open_tasks();
      b.finish("refuse", actor);
      break;
    case ActionKind::kTransfer: {
      check_targets(s, r, 1);
      const Approver& to = r.targets.front();
      if (at < s.plan.size() && s.plan[at].mode == StepMode::kSequential) {
        // 依次审批: the new person takes the old one's place in the order.
        for (auto& a : s.plan[at].approvers)
          if (a.user_id == to.user_id)
            throw Conflict(to.name + " is already an approver of this step");
        for (auto& a : b.t().plan[at].approvers)
          if (a.user_id == task.assignee) a = to;
        b.t().plan_changed = true;
      }
      for (auto& other : s.open_tasks)
        if (other.step_id == task.step_id && other.assignee == to.user_id)
          throw Conflict(to.name + " already has a task in this step");
      for (auto& done : s.agreed)
        if (done.step_id == task.step_id && done.assignee == to.user_id)
          throw Conflict(to.name + " has already agreed in this step; transfer to someone "
                         "who has not");
      b.change(task, task_status::kCompleted, task_result::kRedirected, r.remark);
      b.t().new_tasks.push_back(NewTask{task.step_id, to});
      b.record(record_type::kRedirect, actor, "NONE", r.remark, task.id,
               Json::object({{"to_user_id", to.user_id}, {"to_name", to.name}}));
      break;
    }
    case ActionKind::kAddBefore:
    case ActionKind::kAddAfter: {
      check_targets(s, r, 10);
      PlanStep added;
      for (auto& step : s.plan) added.id = std::max(added.id, step.id);
      ++added.id;
      added.mode = r.mode.value_or(r.targets.size() == 1 ? StepMode::kSingle : StepMode::kAnd);
      if (added.mode == StepMode::kSingle && r.targets.size() > 1) added.mode = StepMode::kAnd;
      added.approvers = r.targets;
      added.added_by = r.actor.user_id;
      bool before = r.kind == ActionKind::kAddBefore;
      added.origin = std::string(before ? kOriginAppendBefore : kOriginAppendAfter);
      added.label = std::string(before ? "前加签" : "后加签");
      auto pos = b.t().plan.begin() + static_cast<std::ptrdiff_t>(std::min(at, s.plan.size()));
      if (!before && pos != b.t().plan.end()) {
        // Behind the current step and behind the steps already added after it, so that steps
        // added one after another run in the order they were added.
        ++pos;
        while (pos != b.t().plan.end() && pos->origin == kOriginAppendAfter) ++pos;
      }
      b.t().plan.insert(pos, added);
      b.t().plan_changed = true;
      if (before) {
        // The step waits, with its decisions so far, until the added people have agreed.
        for (auto& other : s.open_tasks)
          if (other.step_id == task.step_id && other.status == task_status::kRunning)
            b.change(other, task_status::kPaused);
        b.t().current_step = added.id;
        for (auto& a : added.approvers) b.t().new_tasks.push_back(NewTask{added.id, a});
      }
      b.record(before ? record_type::kAppendBefore : record_type::kAppendAfter, actor, "NONE",
               r.remark, task.id,
               Json::object({{"users", approvers_json(r.targets)},
                             {"mode", step_mode_name(added.mode)}}));
      break;
    }
    default:
      break;
  }
  return b.take();
}

}  // namespace approvals
