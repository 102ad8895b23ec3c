// SPDX-License-Identifier: Apache-2.0
// The remind-pending job: nudges approvers whose task has waited remind_after_minutes of working
// time.
//
// Waiting counts in working minutes only: the parts of the work calendar's workdays inside
// `working_hours` (working_time.hpp), so a task opened on Friday evening has waited nothing by
// Monday 08:30. Reminders go out only inside working hours on workdays; a run outside them sends
// nothing and the next run inside them catches up (one reminder, for the period reached).
//
// A task is reminded once per period: after 1×, 2×, 3×… remind_after_minutes of waiting. The
// period reached is stored on the task in the same transaction that queues the reminder, and the
// reminder's key names task and period, so a rerun of the job, or two runs in one period, send
// nothing twice. Time is the job's scheduled instant, so tests drive it. The originator's own
// task of a returned instance (step 0) is not an approver's and is not reminded.
#pragma once

#include <cstdint>

#include "context.hpp"

namespace approvals {

// Returns how many reminders were queued.
size_t remind_pending(Context& ctx, int64_t now_ms);

}  // namespace approvals
