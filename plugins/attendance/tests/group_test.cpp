// SPDX-License-Identifier: Apache-2.0
// Groups on their own: names, ids, checks, membership clashes, the JSON shape both ways, and the
// court default groups written from the buildings.
#include <gtest/gtest.h>

#include "group_json.hpp"
#include "group_store.hpp"

namespace attendance {
namespace {

using courthub::Json;

Group fixed() {
  Group g;
  g.id = "hp-staff";
  g.court = "LN-BC-SY-01";
  g.name = "和平区法院考勤组";
  g.shift_id = "winter";
  g.member_depts = {"18000"};
  g.member_users = {"LN-BC-SY-01-010"};
  g.locations = {GeoFence{"审判楼", "沈阳市和平区", 41.7968, 123.403, 500}};
  g.wifis = {WifiSpot{"HP-COURT", "aa:bb:cc:dd:ee:01"}, WifiSpot{"HP-GUEST", ""}};
  g.outside = OutsideRule{true, OutsideApproval::Before, true};
  return g;
}

TEST(Group, NamesRoundTrip) {
  for (GroupType t : {GroupType::Fixed, GroupType::Turn, GroupType::None})
    EXPECT_EQ(group_type_of(name_of(t)), t);
  EXPECT_EQ(name_of(GroupType::Turn), "TURN");
  EXPECT_FALSE(group_type_of("fixed").has_value());
  for (OutsideApproval a : {OutsideApproval::None, OutsideApproval::Before, OutsideApproval::After})
    EXPECT_EQ(outside_approval_of(name_of(a)), a);
  EXPECT_FALSE(outside_approval_of("BEFORE").has_value());
}

TEST(Group, IdsCourtCodesAndBssids) {
  EXPECT_TRUE(valid_id("hp-staff_2"));
  EXPECT_FALSE(valid_id("-hp"));
  EXPECT_FALSE(valid_id("HP"));
  EXPECT_FALSE(valid_id(""));
  EXPECT_FALSE(valid_id(std::string(65, 'a')));
  EXPECT_TRUE(valid_court_code("LN-BC-SY-01"));
  EXPECT_FALSE(valid_court_code("ln-bc"));
  EXPECT_TRUE(valid_bssid(""));
  EXPECT_TRUE(valid_bssid("AA:bb:0c:dd:ee:ff"));
  EXPECT_FALSE(valid_bssid("aa-bb-cc-dd-ee-ff"));
  EXPECT_FALSE(valid_bssid("aa:bb:cc:dd:ee:fg"));
  EXPECT_EQ(default_group_id("LN-BC-SY-01"), "ln-bc-sy-01-default");
}

TEST(Group, ProblemsOfAGroupOnItsOwn) {
  EXPECT_TRUE(group_problems(fixed()).empty());
  Group g = fixed();
  g.shift_id.clear();
  g.name.clear();
  g.locations[0].radius_m = 0;
  g.wifis.push_back(WifiSpot{});
  auto p = group_problems(g);
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].first, "/name");
  EXPECT_EQ(p[1].first, "/shift");
  EXPECT_EQ(p[2].first, "/locations/0/radius_m");
  EXPECT_EQ(p[3].first, "/wifis/2");
  Group t = fixed();
  t.type = GroupType::Turn;
  t.shift_id.clear();
  ASSERT_EQ(group_problems(t).size(), 1u);
  EXPECT_EQ(group_problems(t)[0].first, "/shifts");
  Group n = fixed();
  n.type = GroupType::None;
  n.shift_id.clear();
  EXPECT_TRUE(group_problems(n).empty());
}

TEST(Group, MembershipClashesNameTheOtherGroup) {
  Group a = fixed();
  Group b = fixed();
  b.id = "hp-filing";
  b.member_depts = {"18001", "18000"};
  b.member_users = {"LN-BC-SY-01-011", "LN-BC-SY-01-010"};
  auto p = membership_clashes(b, {a, b});
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].first, "/members/users/1");
  EXPECT_EQ(p[1].first, "/members/departments/1");
  EXPECT_NE(p[1].second.find("hp-staff"), std::string::npos);
  EXPECT_TRUE(membership_clashes(a, {a}).empty()) << "a group never clashes with itself";
}

TEST(GroupJson, RoundTripsEveryField) {
  Group g = fixed();
  g.managed_by = "api";
  g.skip_holidays = false;
  Json j = group_json(g);
  EXPECT_EQ(j["type"], "FIXED");
  EXPECT_EQ(j["outside"]["approval"], "before");
  EXPECT_EQ(j["members"]["departments"], Json::array({"18000"}));
  JsonProblems p;
  Group back = read_group(j, "", p);
  EXPECT_TRUE(p.empty()) << p.front().first << " " << p.front().second;
  EXPECT_EQ(group_json(back), j);
}

TEST(GroupJson, ShiftRoundTripsAndDefaults) {
  JsonProblems p;
  Shift s = read_shift(Json::object({{"id", "winter"},
                                     {"name", "冬季作息"},
                                     {"sections", Json::array({"08:30-12:00", "13:30-17:30"})},
                                     {"flex_minutes", 5}}),
                       "/x", p);
  ASSERT_TRUE(p.empty()) << p.front().first << " " << p.front().second;
  Json j = shift_json(s);
  EXPECT_EQ(j, Json::parse(R"({"id":"winter","name":"冬季作息","court":"","sections":
      ["08:30-12:00","13:30-17:30"],"flex_minutes":5,"serious_late_minutes":30,
      "absent_late_minutes":60,"on_window_before":120,"off_window_after":240})"));
  Shift back = read_shift(j, "", p);
  EXPECT_EQ(shift_json(back), j);
}

TEST(GroupJson, ShiftProblemsCarryThePrefix) {
  JsonProblems p;
  read_shift(Json::object({{"id", "w"}, {"name", "x"}, {"sections", Json::array({"13:30-17:30", "08:30-12:00"})},
                           {"serious_late_minutes", 60}}),
             "/shifts/4", p);
  ASSERT_EQ(p.size(), 1u) << p[1].first << " " << p[1].second;
  EXPECT_EQ(p[0].first, "/shifts/4");  // shift_problem: out of order (and serious ≥ absent)
  p.clear();
  read_shift(Json::object({{"id", "w"}, {"name", "x"}, {"sections", Json::array()}}), "/s", p);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].first, "/s/sections");
}

TEST(DefaultGroups, OnePerCourtWithABuilding) {
  Settings s;
  s.buildings["LN-BC-SY-02"] = GeoFence{"审判楼", "沈阳市沈河区", 41.795, 123.45, 0};
  s.buildings["LN-HC"] = GeoFence{"省法院", "沈阳市", 41.8, 123.4, 0};
  EXPECT_TRUE(default_groups(s, nullptr).empty()) << "off unless enabled";
  s.default_group.enabled = true;
  s.default_group.shift_id = "winter";
  s.default_group.radius_m = 500;
  s.default_group.outside.allowed = false;
  auto groups = default_groups(s, [](const std::string& code) {
    return code == "LN-HC" ? std::string("辽宁省高级人民法院") : std::string();
  });
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].id, "ln-bc-sy-02-default");
  EXPECT_EQ(groups[0].name, "LN-BC-SY-02考勤组");
  EXPECT_EQ(groups[1].id, "ln-hc-default");
  EXPECT_EQ(groups[1].name, "辽宁省高级人民法院考勤组");
  EXPECT_EQ(groups[1].type, GroupType::Fixed);
  EXPECT_EQ(groups[1].shift_id, "winter");
  ASSERT_EQ(groups[1].locations.size(), 1u);
  EXPECT_EQ(groups[1].locations[0].radius_m, 500);
  EXPECT_FALSE(groups[1].outside.allowed);
  EXPECT_TRUE(groups[1].member_depts.empty() && groups[1].member_users.empty());
  EXPECT_TRUE(group_problems(groups[1]).empty());
}

}  // namespace
}  // namespace attendance
