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

}  // namespace attendance
