// SPDX-License-Identifier: Apache-2.0
// Acting on instances: agree (with approver edits), refuse, comment, transfer, add approvers,
// return (退回), resubmit, withdraw, cancel.
//
// Each action is one short write transaction: read the instance and its open tasks by index,
// let InstanceMachine decide, write the result and queue its notifications. Because the state
// is read inside the transaction that writes it, of two actions on one task exactly one wins;
// the other sees the decided task and gets 409.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "instance_machine.hpp"
#include "instance_store.hpp"
#include "visibility.hpp"

namespace approvals {

struct ActionInput {
  Viewer viewer;
  int64_t instance_id = 0;  // 0: the instance of task_id
  int64_t task_id = 0;      // 0: the viewer's own open task in the instance
  std::string action;       // agree refuse comment transfer add_approver return resubmit
                            // withdraw cancel
  std::string position;     // add_approver: before | after
  std::string remark;
  std::vector<std::string> targets;  // transfer: [userid]; add_approver: [userid, ...]
  std::string mode;                  // add_approver with several people: or | and
  int to_step = 0;                   // return: the plan step id; 0 = the originator
  Json form;     // agree: the editable fields changed ({"days": 3}); resubmit: the whole form
  Json choices;  // resubmit: the 发起人自选 picks, as at submit ("approvers")
};

struct ActionOutcome {
  ActionKind kind = ActionKind::kAgree;
  InstanceRow row;                  // after the action
  std::optional<TaskRow> task;      // the task acted on, after the action
  std::vector<TaskRow> open_tasks;  // RUNNING and PAUSED after the action
  std::vector<RecordRow> records;   // appended by the action
};

// Throws courthub::Error: NotFound (no such instance or task), PermissionDenied (not the
// viewer's to see or do), Conflict (already decided, finished, mirrored from DingTalk),
// InvalidArgument (unknown action, missing text, unknown person).
ActionOutcome act(Context& ctx, const ActionInput& input);

// The machine's view of an instance from its row and all its tasks.
InstanceState instance_state(const InstanceRow& row, const std::vector<TaskRow>& tasks);

}  // namespace approvals
