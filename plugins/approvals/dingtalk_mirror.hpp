// SPDX-License-Identifier: Apache-2.0
// Courts that run approvals inside DingTalk: bpms_instance_change and bpms_task_change events
// become the same instances, tasks and records, and the same approvals.instance_finished event.
//
// Mapping: processInstanceId is the instance's request_id under source "dingtalk" (so redelivered
// or reordered events find it); processCode maps to a template through dingtalk_process_codes,
// else stays as the instance's template code ("external" template). In instance events staffId is
// the originator; in task events it is taken to be the task's approver (DingTalk's 审批人). The
// events carry no form values: a mirrored instance's form is {}.
#pragma once

#include <courthub/calls.hpp>

#include "context.hpp"

namespace approvals {

void mirror_instance_event(Context& ctx, const courthub::Event& e);
void mirror_task_event(Context& ctx, const courthub::Event& e);

}  // namespace approvals
