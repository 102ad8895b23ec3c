// SPDX-License-Identifier: Apache-2.0
// Which actions one person may take on one instance right now: the buttons the mini-app shows.
//
// The same rules InstanceMachine and act() enforce, asked ahead of time; the server still checks
// every action, so a stale page gets the 403/409 it would have got anyway.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "instance_machine.hpp"

namespace approvals {

struct AllowedAction {
  std::string action;   // agree refuse transfer add_approver return resubmit withdraw cancel
                        // comment
  int64_t task_id = 0;  // the task the action acts on (task actions only)
  std::vector<ReturnTarget> targets = {};        // return: where to (ReturnTarget)
  std::optional<std::vector<std::string>> editable = {};  // agree: the fields it may change
  friend bool operator==(const AllowedAction&, const AllowedAction&) = default;
};

struct ActionOptions {
  bool staff = false;        // a signed-in member of staff (the operator only cancels)
  bool may_cancel = false;   // the court's court_admin or the operator
  bool mirrored = false;     // runs in DingTalk: nothing is done here
  bool may_resubmit = false; // the viewer may still start the template (a finished instance's
                             // page action: a new submission with its form)
};

// `state.open_tasks` are the instance's RUNNING and PAUSED tasks, `state.agreed` its agreed
// tasks (for the return targets); `viewer_id` is who asks (who may see the instance: the caller
// has checked). Pure; in the order the page shows buttons.
std::vector<AllowedAction> allowed_actions(const InstanceState& state,
                                           const std::string& viewer_id,
                                           const ActionOptions& options);

}  // namespace approvals
