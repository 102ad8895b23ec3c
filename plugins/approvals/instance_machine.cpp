// SPDX-License-Identifier: Apache-2.0
// The action state machine: agree, refuse, comment, transfer, add approvers, withdraw, cancel.
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

  // Whether `user_id` has agreed a task of this instance, before or in this transition.
  bool agreed(const std::string& user_id) const {
    for (auto& task : s_.agreed)
      if (task.assignee == user_id) return true;
    for (auto& c : t_.task_changes)
      if (c.assignee == user_id && c.result == task_result::kAgree) return true;
    return false;
  }

  // Moves to the first step after plan index `after` (npos: from the start) that has someone to
  // ask: resumes the tasks an earlier 前加签 paused there, or opens one task per approver who
  // has not already agreed in this instance (去重 by deed). With no such step the instance
  // completes, agreed.
  void advance(size_t after, const Approver& actor) {
    for (size_t i = after == npos ? 0 : after + 1; i < t_.plan.size(); ++i) {
      const PlanStep& step = t_.plan[i];
      bool resumed = false;
      for (auto& task : s_.open_tasks)
        if (task.step_id == step.id && task.status == task_status::kPaused) {
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

std::optional<ActionKind> action_kind_from(std::string_view name, std::string_view position) {
  if (name == "agree") return ActionKind::kAgree;
  if (name == "refuse") return ActionKind::kRefuse;
  if (name == "comment") return ActionKind::kComment;
  if (name == "transfer") return ActionKind::kTransfer;
  if (name == "withdraw") return ActionKind::kWithdraw;
  if (name == "cancel") return ActionKind::kCancel;
  if (name == "return") return ActionKind::kReturn;
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
    Json users = Json::array();
    for (auto& a : cc_start)
      users.push_back(Json::object({{"user_id", a.user_id}, {"name", a.name}}));
    b.record(record_type::kCc, originator, "NONE", "", 0,
             Json::object({{"cc_users", users}, {"at", "start"}}));
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

  size_t at = b.index_of(task.step_id);
  switch (r.kind) {
    case ActionKind::kAgree: {
      b.change(task, task_status::kCompleted, task_result::kAgree, r.remark);
      b.record(record_type::kExecute, actor, "AGREE", r.remark, task.id);
      StepMode mode = at < s.plan.size() ? s.plan[at].mode : StepMode::kSingle;
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
    case ActionKind::kReturn:
      // 退回发起人: the instance ends as 已退回 and the originator resubmits a corrected form
      // (a new instance); the people still asked can stop.
      if (trim(r.remark).empty())
        throw InvalidArgument("say what the originator should correct: a return needs a comment");
      b.change(task, task_status::kCompleted, task_result::kReturned, r.remark);
      b.record(record_type::kReturn, actor, "NONE", r.remark, task.id);
      b.cancel_open_tasks();
      b.t().status = std::string(instance_status::kTerminated);
      b.t().result = std::string(instance_result::kReturned);
      b.t().current_step = 0;
      b.t().finished = true;
      break;
    case ActionKind::kRefuse:
      b.change(task, task_status::kCompleted, task_result::kRefuse, r.remark);
      b.record(record_type::kExecute, actor, "REFUSE", r.remark, task.id);
      b.cancel_open_tasks();
      b.finish("refuse", actor);
      break;
    case ActionKind::kTransfer: {
      check_targets(s, r, 1);
      const Approver& to = r.targets.front();
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
      Json users = Json::array();
      for (auto& a : r.targets)
        users.push_back(Json::object({{"user_id", a.user_id}, {"name", a.name}}));
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
               Json::object({{"users", users}, {"mode", step_mode_name(added.mode)}}));
      break;
    }
    default:
      break;
  }
  return b.take();
}

}  // namespace approvals
