// SPDX-License-Identifier: Apache-2.0
// A lawyer's registered unavailability (不便出庭的时间), which the hearing conflict check counts.
//
// Threading: free functions over a Sql handle; no state. Errors: see each function.
#pragma once

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include <cstdint>
#include <string>

namespace lawyers {

// Their periods ending after `from_ms`, by start: [{id, start_ms, end_ms, reason, created_ms}].
courthub::Json unavailability_of(const courthub::Sql& q, int64_t lawyer_id, int64_t from_ms);

int64_t add_unavailability(const courthub::Sql& tx, int64_t lawyer_id, int64_t start_ms,
                           int64_t end_ms, const std::string& reason, int64_t now_ms);

// Removes their period `id`. Errors: NotFound "no unavailability <id> among yours" when it is
// not theirs (the same for one that does not exist).
void remove_unavailability(const courthub::Sql& tx, int64_t lawyer_id, int64_t id);

}  // namespace lawyers
