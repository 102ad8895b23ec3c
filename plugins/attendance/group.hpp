// SPDX-License-Identifier: Apache-2.0
// group.hpp — an attendance group (考勤组): who is in it, which shift(s), where and how people
// check in, and its 外勤 (outside) rules. DingTalk's GroupAddRequest, court-domain.md §3.1.
//
// Pure values and functions: any thread. Errors: group_problems() lists them, nothing throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <courthub/host.hpp>

namespace attendance {

enum class GroupType {
  Fixed,  // FIXED 固定班制: one shift on every workday of the calendar
  Turn,   // TURN 排班制: a roster gives each person a shift (or rest) per day
  None,   // NONE 自由工时: punches recorded, no checks, never late or early
};
std::string_view name_of(GroupType t);                       // "FIXED", "TURN", "NONE"
std::optional<GroupType> group_type_of(std::string_view s);  // the inverse

struct GeoFence {
  std::string title;    // 审判楼
  std::string address;  // 沈阳市和平区...
  double latitude = 0, longitude = 0;
  int radius_m = 500;
};

struct WifiSpot {
  std::string ssid;
  std::string bssid;  // lower-case "aa:bb:cc:dd:ee:ff"; "" = any access point of the SSID
};

enum class OutsideApproval {
  None,    // 无需审批: an outside punch counts like any other
  Before,  // 先审批后打卡
  After,   // 先打卡后审批
};
std::string_view name_of(OutsideApproval a);  // "none", "before", "after"

struct OutsideRule {
  bool allowed = true;  // false: an outside check-in is refused
  OutsideApproval approval = OutsideApproval::None;
  bool remark_required = false;
};

struct Group {
  std::string id;     // [a-z0-9][a-z0-9_-]*, ≤ 64, unique across courts
  std::string court;  // court code
  std::string name;   // 和平区法院考勤组
  GroupType type = GroupType::Fixed;
  std::string shift_id;                // FIXED: the shift of every workday
  std::vector<std::string> shift_ids;  // TURN: the shifts its roster may assign
  std::vector<std::string> member_depts;  // department ids; their sub-departments too
  std::vector<std::string> member_users;  // userids; a person listed here beats departments
  std::vector<GeoFence> locations;
  std::vector<WifiSpot> wifis;
  OutsideRule outside;
  bool skip_holidays = true;   // rest days of the calendar have no checks, whatever the roster says
  std::string managed_by = "settings";  // "settings" | "api" (edited through the admin API)
};

std::optional<OutsideApproval> outside_approval_of(std::string_view s);  // inverse of name_of

// [a-z0-9][a-z0-9_-]*, at most 64 characters: group and shift ids.
bool valid_id(std::string_view id);
// A court code such as LN-BC-SY-01: A-Z, 0-9 and '-', at most 32 characters.
bool valid_court_code(std::string_view code);
// "aa:bb:cc:dd:ee:ff" (either case). The empty text is valid too (any access point).
bool valid_bssid(std::string_view bssid);
// The id of a court's default group: "<court code lower-cased>-default".
std::string default_group_id(std::string_view court);

// What is wrong with a group on its own (not its shifts, nor other groups), each problem as
// (JSON pointer below the group, English message): id, court, name, the type's shift(s),
// coordinates in range, radius 1..100000 m, BSSID form, a TURN group without shifts.
std::vector<std::pair<std::string, std::string>> group_problems(const Group& g);

// Where `g` clashes with `others` (a group with the same id is skipped): the same userid, or
// the same department, listed by two groups. Each as (pointer, message naming the other group).
std::vector<std::pair<std::string, std::string>> membership_clashes(
    const Group& g, const std::vector<Group>& others);

}  // namespace attendance
