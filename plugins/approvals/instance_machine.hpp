// SPDX-License-Identifier: Apache-2.0
// The instance state machine: given an instance's current state and one action, what changes.
//
// Pure: the caller loads the state inside its write transaction, asks for the Transition and
// writes it back in that same transaction, so two actions on one task cannot both succeed —
// whichever runs second sees the task already decided and gets Conflict.
#pragma once

#include <courthub/error.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"

namespace approvals {

struct TaskState {
  int64_t id = 0;
  int step_id = 0;
  std::string assignee;
  std::string assignee_name;
  std::string status;  // task_status::*
  std::string result;  // task_result::*
};

struct InstanceState {
  int64_t id = 0;
  std::string originator;
  std::string status;  // instance_status::*
  std::string result;  // "agree" | "refuse" | "returned" (RUNNING at the originator) | ""
  Plan plan;
  int current_step = 0;              // plan step id; 0 when none is running
  std::vector<TaskState> open_tasks;  // RUNNING and PAUSED tasks of the instance
  std::vector<TaskState> agreed;      // COMPLETED tasks whose result is AGREE
  std::string originator_name;
  bool requested = false;  // opened by another plugin: never returned to the originator
  Json form = Json::object();  // the form as it stands (the record of a resubmit keeps it)
};

// Where an approver may return an instance (退回): the originator (step_id 0; not for
// requested instances) and every earlier step with approvers that is done (an agreement there
// still counts). Labels read "发起人 · 李法官", "直属主管 · 王庭长".
struct ReturnTarget {
  int step_id = 0;
  std::string label;
  friend bool operator==(const ReturnTarget&, const ReturnTarget&) = default;
};

enum class ActionKind {
  kAgree,
  kRefuse,
  kComment,
  kTransfer,   // 转交
  kAddBefore,  // 前加签
  kAddAfter,   // 后加签
  kReturn,     // 退回: to an earlier step, or to the originator (step 0) to edit and resubmit
  kResubmit,   // the originator's edited form, while the instance is returned to them
  kWithdraw,   // 撤销, by the originator
  kCancel,     // by the court's court_admin or the operator
};

struct Actor {
  std::string user_id;
  std::string name;
  bool may_cancel = false;  // court_admin of the instance's court, or the operator
};

struct ActionRequest {
  ActionKind kind = ActionKind::kAgree;
  Actor actor;
  std::optional<TaskState> task;   // the task acted on (any status), for task actions
  std::string remark;
  std::vector<Approver> targets;   // transfer: one person; add: one or more
  std::optional<StepMode> mode;    // add: how several added people decide (default and)
  int to_step = 0;                 // return: the plan step id, 0 = the originator
  // agree with approver edits, resubmit: the whole form after the change (already checked) and
  // the changes for the record ([{field, label, from, to}]).
  std::optional<Json> form;
  Json changes = Json::array();
  // resubmit: the chain resolved again from the new form, and its CC at finish.
  Plan plan;
  std::vector<Approver> cc_finish;
};

struct TaskChange {
  int64_t id = 0;
  std::string assignee;  // who holds it, for notices
  std::string from;    // the status it had: written as a guard (UPDATE ... WHERE status = from)
  std::string status;  // the new status
  std::string result;
  std::string remark;
  bool resumed = false;  // PAUSED -> RUNNING: the waiting clock restarts
};

struct NewTask {
  int step_id = 0;
  Approver approver;
};

struct RecordDraft {
  std::string type;  // record_type::*
  std::string user_id;
  std::string user_name;
  std::string result = "NONE";  // AGREE | REFUSE | NONE
  std::string remark;
  int64_t task_id = 0;
  Json detail = Json::object();  // cc users, transfer target, added approvers
};

struct Transition {
  std::vector<TaskChange> task_changes;
  std::vector<NewTask> new_tasks;
  bool plan_changed = false;
  Plan plan;
  int current_step = 0;
  std::string status;
  std::string result;
  bool finished = false;  // reached COMPLETED, TERMINATED or CANCELED in this transition
  std::vector<RecordDraft> records;
  std::vector<Approver> cc_start;  // copied as the instance starts (start() only)
  std::optional<Json> form;        // the instance's new form (approver edits, resubmit)
  std::optional<std::vector<Approver>> cc_finish;  // resubmit: the CC at finish, again
};

class InstanceMachine {
 public:
  // A new instance: RUNNING at its first step that has approvers, or COMPLETED/agree at once
  // when no step has anyone to ask. `cc_start` are copied right after the start record.
  static Transition start(const Plan& plan, const Approver& originator,
                          const std::vector<Approver>& cc_start = {});

  // One action. Throws courthub::Error: PermissionDenied when the actor may not do it,
  // Conflict when the state forbids it (task already decided, instance finished, waiting for an
  // approver added before), InvalidArgument for a bad request (no remark on a comment, adding
  // yourself).
  static Transition act(const InstanceState& state, const ActionRequest& request);

  // Where `task`'s holder may return the instance now (see ReturnTarget), in plan order.
  static std::vector<ReturnTarget> return_targets(const InstanceState& state,
                                                  const TaskState& task);
};

std::optional<ActionKind> action_kind_from(std::string_view name, std::string_view position);
std::string_view action_kind_name(ActionKind kind);

}  // namespace approvals
