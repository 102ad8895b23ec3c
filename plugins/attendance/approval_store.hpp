// SPDX-License-Identifier: Apache-2.0
// approval_store.hpp — the approvals that bear on attendance (leave, business trip, outing, 补卡,
// 外勤), as the approvals plugin last reported them (approvals.instance_finished), and the 补卡
// requests this plugin opened and is still waiting on.
//
// Threading: any handler thread. Errors: courthub::Error from the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <courthub/database.hpp>

#include "shift.hpp"

namespace attendance {

struct ApprovalRecord {
  std::string instance_id;
  std::string kind;      // leave | business_trip | outing | punch_fix | outside_punch
  std::string user_id;   // the originator
  std::string sub_type;  // leave: 事假, 病假 ...; else ""
  int64_t from_ms = 0, to_ms = 0;  // leave, business_trip, outing: [from, to)
  std::string fix_date;            // punch_fix: "2026-12-08"
  CheckType fix_type = CheckType::OnDuty;
  int fix_minute = 0;              // punch_fix: the time it names, minutes of the day
  std::string state;               // agree | refuse | terminated | canceled
  int64_t finished_ms = 0;
  std::string request_id;          // this plugin's request ("fix:12", "punch:40"), or ""
};

// The agreed records of `user_ids` touching [from_ms, to_ms): leave, business_trip and outing
// intervals that overlap it, punch_fix records whose check lies in it.
std::vector<ApprovalRecord> agreed_between(courthub::Database& db,
                                           const std::vector<std::string>& user_ids,
                                           int64_t from_ms, int64_t to_ms);

}  // namespace attendance
