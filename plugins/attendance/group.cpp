// SPDX-License-Identifier: Apache-2.0
// group.cpp — the names of a group's enums and the checks a group must pass on its own and
// against the other groups (one person, one department: one group).
#include "group.hpp"

#include <cctype>
#include <cmath>

namespace attendance {

std::string_view name_of(GroupType t) {
  switch (t) {
    case GroupType::Fixed: return "FIXED";
    case GroupType::Turn: return "TURN";
    case GroupType::None: return "NONE";
  }
  return "";
}

std::optional<GroupType> group_type_of(std::string_view s) {
  if (s == "FIXED") return GroupType::Fixed;
  if (s == "TURN") return GroupType::Turn;
  if (s == "NONE") return GroupType::None;
  return std::nullopt;
}

std::string_view name_of(OutsideApproval a) {
  switch (a) {
    case OutsideApproval::None: return "none";
    case OutsideApproval::Before: return "before";
    case OutsideApproval::After: return "after";
  }
  return "";
}

std::optional<OutsideApproval> outside_approval_of(std::string_view s) {
  if (s == "none") return OutsideApproval::None;
  if (s == "before") return OutsideApproval::Before;
  if (s == "after") return OutsideApproval::After;
  return std::nullopt;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '-' || c == '_'));
    if (!ok) return false;
  }
  return true;
}

bool valid_court_code(std::string_view code) {
  if (code.empty() || code.size() > 32 || code.front() == '-' || code.back() == '-') return false;
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool valid_bssid(std::string_view b) {
  if (b.empty()) return true;
  if (b.size() != 17) return false;
  for (size_t i = 0; i < b.size(); ++i) {
    if (i % 3 == 2) {
      if (b[i] != ':') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string default_group_id(std::string_view court) {
  std::string id;
  for (char c : court) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return id + "-default";
}

std::vector<std::pair<std::string, std::string>> group_problems(const Group& g) {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](std::string at, std::string message) {
    out.emplace_back(std::move(at), std::move(message));
  };
  if (!valid_id(g.id))
    add("/id", "must be lowercase letters, digits, '-' or '_', at most 64 (e.g. hp-staff)");
  if (!valid_court_code(g.court)) add("/court", "must be a court code such as LN-BC-SY-01");
  if (g.name.empty()) add("/name", "must not be empty");
  if (g.name.size() > 200) add("/name", "must be at most 200 bytes");
  switch (g.type) {
    case GroupType::Fixed:
      if (g.shift_id.empty()) add("/shift", "a FIXED group needs its shift");
      break;
    case GroupType::Turn:
      if (g.shift_ids.empty()) add("/shifts", "a TURN group needs the shifts its roster may use");
      break;
    case GroupType::None:
      break;
  }
  for (size_t i = 0; i < g.locations.size(); ++i) {
    const GeoFence& f = g.locations[i];
    std::string at = "/locations/" + std::to_string(i);
    if (!std::isfinite(f.latitude) || f.latitude < -90 || f.latitude > 90)
      add(at + "/latitude", "must be a latitude between -90 and 90");
    if (!std::isfinite(f.longitude) || f.longitude < -180 || f.longitude > 180)
      add(at + "/longitude", "must be a longitude between -180 and 180");
    if (f.radius_m < 1 || f.radius_m > 100000) add(at + "/radius_m", "must be 1 to 100000 metres");
  }
  for (size_t i = 0; i < g.wifis.size(); ++i) {
    const WifiSpot& w = g.wifis[i];
    std::string at = "/wifis/" + std::to_string(i);
    if (w.ssid.empty() && w.bssid.empty()) add(at, "needs an ssid or a bssid");
    if (!valid_bssid(w.bssid)) add(at + "/bssid", "must look like aa:bb:cc:dd:ee:ff");
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> membership_clashes(
    const Group& g, const std::vector<Group>& others) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Group& o : others) {
    if (o.id == g.id) continue;
    for (size_t i = 0; i < g.member_users.size(); ++i)
      for (const std::string& u : o.member_users)
        if (u == g.member_users[i])
          out.emplace_back("/members/users/" + std::to_string(i),
                           "'" + u + "' is already a member of group " + o.id);
    for (size_t i = 0; i < g.member_depts.size(); ++i)
      for (const std::string& d : o.member_depts)
        if (d == g.member_depts[i])
          out.emplace_back("/members/departments/" + std::to_string(i),
                           "department " + d + " is already in group " + o.id);
  }
  return out;
}

}  // namespace attendance
