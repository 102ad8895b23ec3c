// SPDX-License-Identifier: Apache-2.0
// Tables of the attendance database: shifts, groups and rosters (the rules), punches (what
// happened), approvals (what was agreed) and the 补卡 requests this plugin opened. Results are
// not stored: they are computed from these on every read (timesheet.hpp).
#include "schema.hpp"

namespace attendance {

std::vector<courthub::Migration> migrations() {
  return {
      {1, "shifts, groups and rosters", R"sql(
CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  court TEXT NOT NULL,             -- '' = any court may use it
  body TEXT NOT NULL,              -- the shift as JSON (docs/attendance.md)
  managed_by TEXT NOT NULL,        -- 'settings' | 'api'
  updated_ms {{int64}} NOT NULL
);
CREATE TABLE groups (
  id TEXT PRIMARY KEY,
  court TEXT NOT NULL,
  body TEXT NOT NULL,              -- the group as JSON (docs/attendance.md)
  managed_by TEXT NOT NULL,
  updated_ms {{int64}} NOT NULL
);
CREATE INDEX groups_court ON groups(court);
-- A TURN group's duty roster: one row per person per day; shift_id NULL = rest that day.
CREATE TABLE roster (
  group_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  day TEXT NOT NULL,               -- '2026-12-08'
  shift_id TEXT,
  updated_ms {{int64}} NOT NULL,
  PRIMARY KEY (group_id, user_id, day)
) {{sqlite}}WITHOUT ROWID{{end}};
CREATE INDEX roster_day ON roster(day);
)sql"},
      {2, "punches", R"sql(
CREATE TABLE punches (
  id {{id}},
  user_id TEXT NOT NULL,
  court TEXT NOT NULL,
  time_ms {{int64}} NOT NULL,
  work_date TEXT NOT NULL,
  source_type TEXT NOT NULL,
  location_result TEXT NOT NULL,
  location_method TEXT NOT NULL,
  latitude {{double}}, longitude {{double}}, accuracy {{double}},
  address TEXT NOT NULL DEFAULT '',
  ssid TEXT NOT NULL DEFAULT '',
  bssid TEXT NOT NULL DEFAULT '',
  device_id TEXT NOT NULL DEFAULT '',
  outside_remark TEXT NOT NULL DEFAULT '',
  group_id TEXT NOT NULL DEFAULT '',
  approval_state TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  dedup_key TEXT NOT NULL UNIQUE,
  created_ms {{int64}} NOT NULL
);
CREATE INDEX punches_user_time ON punches(user_id, time_ms);
CREATE INDEX punches_time ON punches(time_ms);
CREATE INDEX punches_request ON punches(request_id) WHERE request_id <> '';
)sql"},
      {3, "approvals and 补卡 requests", R"sql(
CREATE TABLE approvals (
  instance_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,              -- leave | business_trip | outing | punch_fix | outside_punch
  user_id TEXT NOT NULL,
  sub_type TEXT NOT NULL DEFAULT '',
  from_ms {{int64}} NOT NULL DEFAULT 0,
  to_ms {{int64}} NOT NULL DEFAULT 0,
  fix_date TEXT NOT NULL DEFAULT '',
  fix_type TEXT NOT NULL DEFAULT '',
  fix_minute INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,             -- agree | refuse | terminated | canceled
  finished_ms {{int64}} NOT NULL,
  request_id TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  updated_ms {{int64}} NOT NULL
);
CREATE INDEX approvals_user ON approvals(user_id, from_ms);
CREATE INDEX approvals_fix ON approvals(user_id, fix_date) WHERE kind = 'punch_fix';
-- The 补卡 this plugin asked the approvals plugin to open (POST /punch-fixes): pending ones
-- count towards the month's cap at submission.
CREATE TABLE punch_fix_requests (
  id {{id}},
  user_id TEXT NOT NULL,
  fix_date TEXT NOT NULL,
  fix_type TEXT NOT NULL,
  fix_minute INTEGER NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL,             -- pending | agree | refuse | terminated | canceled | rejected
  instance_id TEXT NOT NULL DEFAULT '',
  created_ms {{int64}} NOT NULL
);
CREATE INDEX punch_fix_requests_user ON punch_fix_requests(user_id, fix_date);
)sql"},
  };
}

}  // namespace attendance
