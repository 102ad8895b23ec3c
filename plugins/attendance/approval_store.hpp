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
#include <string_view>
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
// intervals that overlap it, punch_fix records whose check lies in it. Many users (a court, the
// bench) are read in one pass over the interval and filtered in memory.
std::vector<ApprovalRecord> agreed_between(courthub::Database& db,
                                           const std::vector<std::string>& user_ids,
                                           int64_t from_ms, int64_t to_ms);

// The agreed punch_fix records of `user_ids` whose fix_date lies in [first_date, last_date]
// ("2026-12-01", both included), ordered as the monthly cap applies them: finished_ms, then
// instance_id.
std::vector<ApprovalRecord> agreed_fixes(courthub::Database& db,
                                         const std::vector<std::string>& user_ids,
                                         const std::string& first_date,
                                         const std::string& last_date);

// Stores what the approvals plugin last said about an instance, replacing an earlier state of
// the same instance_id (an agreed leave later canceled is taken back). `source` is the event's
// (attendance, dingtalk, ""). Inside the caller's transaction.
void put_approval(const courthub::Sql& tx, const ApprovalRecord& r, const std::string& source,
                  int64_t now_ms);

// "fix:12" -> 12; nullopt for anything else. "punch:40" likewise with punch_request_id.
std::optional<int64_t> fix_request_id(std::string_view request_id);
std::optional<int64_t> punch_request_id(std::string_view request_id);

// The 补卡 requests of POST /punch-fixes. Counted against the cap: agreed and pending ones.
struct FixRequest {
  int64_t id = 0;
  std::string user_id, fix_date;  // "2026-12-08"
  CheckType fix_type = CheckType::OnDuty;
  int fix_minute = 0;
  std::string reason;
  std::string state;  // pending | agree | refuse | terminated | canceled | rejected
  std::string instance_id;
  int64_t created_ms = 0;
};
int64_t insert_fix_request(const courthub::Sql& tx, const FixRequest& r);
// Sets the state (and instance id when given) of request `id`; returns whether it existed.
bool set_fix_request_state(const courthub::Sql& tx, int64_t id, const std::string& state,
                           const std::string& instance_id);
// How many 补卡 of `user_id` in the month of `month` ("2026-12") count against the cap: agreed
// approvals of that month plus requests still pending (an agreed request counts once).
int fixes_counted(const courthub::Sql& db, const std::string& user_id, const std::string& month);

}  // namespace attendance
