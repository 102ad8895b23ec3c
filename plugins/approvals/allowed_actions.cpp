// SPDX-License-Identifier: Apache-2.0
// The actions a person may take on an instance now.
#include "allowed_actions.hpp"

namespace approvals {

std::vector<AllowedAction> allowed_actions(const InstanceState& s, const std::string& viewer_id,
                                           const ActionOptions& o) {
  std::vector<AllowedAction> out;
  if (o.mirrored) return out;  // act in DingTalk
  const bool running = s.status == instance_status::kRunning;
  if (running && o.staff) {
    for (auto& t : s.open_tasks) {
      // A PAUSED task waits for an approver added before it: nothing to do until it resumes.
      if (t.assignee != viewer_id || t.status != task_status::kRunning) continue;
      if (t.step_id == kOriginatorStep) {  // returned to the originator: edit and resubmit
        out.push_back({"resubmit", t.id});
        break;
      }
      AllowedAction agree{"agree", t.id};
      agree.editable = std::vector<std::string>{};
      for (auto& step : s.plan)
        if (step.id == t.step_id) agree.editable = step.editable;
      out.push_back(std::move(agree));
      for (const char* a : {"refuse", "transfer", "add_approver"}) out.push_back({a, t.id});
      auto targets = InstanceMachine::return_targets(s, t);
      if (!targets.empty()) out.push_back({"return", t.id, std::move(targets)});
      break;
    }
  }
  if (running && o.staff && s.originator == viewer_id) out.push_back({"withdraw"});
  if (running && o.may_cancel) out.push_back({"cancel"});
  if (o.staff) out.push_back({"comment"});
  const bool agreed = s.status == instance_status::kCompleted && s.result == "agree";
  if (!running && !agreed && o.staff && s.originator == viewer_id && !s.requested &&
      o.may_resubmit)
    out.push_back({"resubmit"});
  return out;
}

}  // namespace approvals
