// SPDX-License-Identifier: Apache-2.0
// What rooms tells other plugins about hearings: rooms.hearing_scheduled when one is created
// (scheduled, or rescheduled: the new hearing), rooms.hearing_changed whenever its status or time
// changes. Published in the transaction that makes the change, so an event exists exactly when
// the change does; the key (hearing, status, time) makes each change one event.
//
// Payload: {hearing_id, court, case_number, start_ms, end_ms, room, mode, status (已预约 ...
// 已释放), judge, clerk, changed_ms}; no parties (their phones stay in rooms).
//
// Threading: free functions over the caller's transaction. Errors: courthub::Error from the
// host (the caller's transaction then rolls back).
#pragma once

#include <cstdint>

#include <courthub/database.hpp>

namespace rooms {

enum class HearingTopic { Scheduled, Changed };

// Publishes hearing `id` as it stands in `tx` now. Does nothing for an unknown id.
void publish_hearing(const courthub::Transaction& tx, int64_t id, HearingTopic topic);

}  // namespace rooms
