// SPDX-License-Identifier: Apache-2.0
// The remind-pending job: nudges approvers whose task has waited remind_after_minutes.
//
// A task is reminded once per period: after 1×, 2×, 3×… remind_after_minutes of waiting. The
// period reached is stored on the task in the same transaction that queues the reminder, and the
// reminder's key names task and period, so a rerun of the job, or two runs in one period, send
// nothing twice. Time is the job's scheduled instant, so tests drive it.
#pragma once

#include <cstdint>

#include "context.hpp"

namespace approvals {

// Returns how many reminders were queued.
size_t remind_pending(Context& ctx, int64_t now_ms);

}  // namespace approvals
