// SPDX-License-Identifier: Apache-2.0
// 催办: the originator reminds the approvers whose tasks are open now, at most once per
// urge_interval_minutes per approval.
//
// The limit is kept in the operation record (URGE_TASK rows, never rewritten), so a restart or a
// second server process keeps it. Time is the host clock's (tests move it).
// Threading: any handler thread; each urge is one write transaction. Errors: courthub::Error as
// each function says.
#pragma once

#include <courthub/plugin.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "context.hpp"
#include "instance_store.hpp"
#include "visibility.hpp"

namespace approvals {

struct Urged {
  InstanceRow row;
  std::vector<Approver> urged;  // who was told, in task order
  int64_t next_urge_ms = 0;     // the host-clock instant from which the next urge is accepted
};

// Urges approval `instance_id` as `viewer` with an optional `comment` (≤ 500 characters): a
// work notification (markdown 催办, key "urge-<instance>-<n>") to each approver with a RUNNING
// task, and a URGE_TASK record (detail {"users": [{user_id, name}]}).
// Errors: NotFound (no such approval); PermissionDenied (not its originator); InvalidArgument
// (comment too long); Conflict: not running, mirrored from DingTalk, nobody to urge, or urged
// less than urge_interval_minutes ago ("已催办，请N分钟后再试", details {"retry_after_s": N}).
Urged urge(Context& ctx, const Viewer& viewer, int64_t instance_id, const std::string& comment);

// The detail's allowed_actions entry {"action": "urge", "next_urge_ms": 0 | N} for the viewer,
// or null when they may not urge it (not the originator, not RUNNING, no approver's task open).
// `tasks` are the instance's tasks. next_urge_ms is 0 when an urge is accepted now.
Json urge_action(Context& ctx, const InstanceRow& row, const std::vector<TaskRow>& tasks,
                 const Viewer& viewer);

// POST /instances/{id}/urge, and the robot's `urge 12` (also `催办 12`).
void register_urge(courthub::Registrar& r, Context& ctx);

}  // namespace approvals
