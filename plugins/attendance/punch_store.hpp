// SPDX-License-Identifier: Apache-2.0
// punch_store.hpp — every punch (打卡记录) as recorded: from the mini-app, attendance machines and
// DingTalk's own events. A punch is never changed except its 外勤 approval state.
//
// Threading: any handler thread. Errors: courthub::Error from the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <courthub/database.hpp>

namespace attendance {

struct Punch {
  int64_t id = 0;
  std::string user_id;
  std::string court;
  int64_t time_ms = 0;           // the instant, Unix ms (seconds kept; rules drop them)
  std::string work_date;         // its local date "2026-12-08"
  std::string source_type;       // USER | ATM | DING_ATM | BEACON | ... (DingTalk's words)
  std::string location_result;   // "Normal" | "Outside"
  std::string location_method;   // "MAP" | "WIFI" | "ATM" | ... ; "" unknown
  std::optional<double> latitude, longitude, accuracy;
  std::string address, ssid, bssid, device_id, outside_remark;
  std::string group_id;          // the group at the time of the punch ("" none)
  // 外勤 approval: "" (none needed) | "pending" | "agree" | "refuse" | "terminated" | "canceled"
  std::string approval_state;
  std::string request_id;        // "punch:<id>" when an approval was requested
  int64_t created_ms = 0;
};

// A punch counts for rules only when it needs no approval or its approval was agreed.
inline bool eligible(const Punch& p) {
  return p.approval_state.empty() || p.approval_state == "agree";
}

// Stores `p` unless a punch with the same dedup_key exists. Returns the id and whether it was
// new. dedup keys: "ATM:<user>:<time_ms>:<device>", "DT:<bizId>" (or "DT:<userId>@<checkTime>"),
// "USER:<user>:<request id>" (the HTTP request id: a retried check-in is stored once).
struct Stored { int64_t id = 0; bool inserted = false; };
Stored insert_punch(courthub::Transaction& tx, const Punch& p, const std::string& dedup_key);

// The punches of `user_ids` with from_ms ≤ time_ms < to_ms, by user then time.
std::vector<Punch> punches_between(courthub::Database& db, const std::vector<std::string>& user_ids,
                                   int64_t from_ms, int64_t to_ms);
// Every user's punches in the interval (a court-wide report, the bench), by user then time.
std::vector<Punch> all_punches_between(courthub::Database& db, int64_t from_ms, int64_t to_ms);

std::optional<Punch> punch_by_id(courthub::Database& db, int64_t id);

// Names the approval request of punch `id` ("punch:<id>"), in the transaction that stored it.
void set_request_id(courthub::Transaction& tx, int64_t id, const std::string& request_id);

// The 外勤 approval of the punch whose request_id is `request_id` reached `state`. Returns
// whether a punch changed.
bool set_outside_approval(courthub::Transaction& tx, const std::string& request_id,
                          const std::string& state);

}  // namespace attendance
