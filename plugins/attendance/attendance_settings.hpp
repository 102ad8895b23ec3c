// SPDX-License-Identifier: Apache-2.0
// attendance_settings.hpp — the plugin's settings (the `settings:` mapping in courthub.yaml):
// shifts, groups, the courts' buildings and the court default group, the approvals link, the
// reminders. docs/attendance.md lists every key.
//
// Pure: any thread. Errors: read_settings() reports every problem at once as (JSON pointer,
// English message) pairs, which configure() hands to the host (file:line); nothing throws.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <courthub/json.hpp>

#include "group.hpp"
#include "shift.hpp"

namespace attendance {

// The group every court with a building gets ("<court>-default", all its staff): the demo's
// "one FIXED group per court".
struct DefaultGroup {
  bool enabled = false;
  GroupType type = GroupType::Fixed;
  std::string shift_id;
  int radius_m = 500;
  OutsideRule outside;
};

struct Settings {
  std::vector<Shift> shifts;
  std::vector<Group> groups;
  std::map<std::string, GeoFence> buildings;  // court code -> its building
  DefaultGroup default_group;
  int punch_fix_per_month = 3;                // the rules doc's cap on approved 补卡
  int punch_fix_window_days = 31;             // a 补卡 is asked within this many days after the day
  // Approval template code -> what it means here: "leave" | "business_trip" | "outing" |
  // "punch_fix" | "outside_punch". Default: each of those codes to itself.
  std::map<std::string, std::string> approval_templates;
  int remind_after_minutes = 10;    // the check-in reminder, after the first on-duty time
  std::string digest_time = "08:30";  // department heads' digest of yesterday, workdays
  std::string monthly_report_time = "09:00";  // to court admins, on the month's first workday
  std::string page_url;             // the check-in page, linked from messages and the robot
  // The demo: at activation, a settings TURN group whose roster is still empty gets one of this
  // many days from today (its members in turn on its shifts, a rest day in between). 0 = off.
  int demo_roster_days = 0;
};

using SettingsProblems = std::vector<std::pair<std::string, std::string>>;
Settings read_settings(const courthub::Json& json, SettingsProblems& problems);

// Where a group names a shift it cannot use: not in `shifts`, or another court's. Each as
// (pointer below the group: "/shift", "/shifts/1", English message).
SettingsProblems shift_references(const Group& g, const std::vector<Shift>& shifts);

}  // namespace attendance
