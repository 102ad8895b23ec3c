// SPDX-License-Identifier: Apache-2.0
// read_settings: the keys of docs/attendance.md, their defaults, and every problem under its
// JSON pointer.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "attendance_settings.hpp"

namespace attendance {
namespace {

using courthub::Json;

Json shift(const std::string& id, Json sections = Json::array({"08:30-12:00", "13:30-17:30"})) {
  return Json::object({{"id", id}, {"name", "冬季作息"}, {"sections", sections}});
}

Json group(const std::string& id, Json extra = Json::object()) {
  Json g = Json::object({{"id", id},
                         {"court", "LN-BC-SY-01"},
                         {"name", "和平区法院考勤组"},
                         {"type", "FIXED"},
                         {"shift", "winter"},
                         {"members", Json::object({{"departments", Json::array({18000})}})}});
  for (auto& [k, v] : extra.items()) g[k] = v;
  return g;
}

Json example() {
  return Json::object(
      {{"shifts", Json::array({shift("winter")})},
       {"groups", Json::array({group(
                      "hp-staff",
                      Json::object(
                          {{"locations", Json::array({Json::object({{"title", "审判楼"},
                                                                    {"latitude", 41.7968},
                                                                    {"longitude", 123.403},
                                                                    {"radius_m", 300}})})},
                           {"wifis", Json::array({Json::object(
                                         {{"ssid", "HP"}, {"bssid", "AA:BB:CC:DD:EE:01"}})})},
                           {"outside", Json::object({{"allowed", true},
                                                     {"approval", "after"},
                                                     {"remark_required", true}})}}))})},
       {"buildings", Json::object({{"LN-BC-SY-02", Json::object({{"title", "审判楼"},
                                                                 {"address", "沈阳市沈河区"},
                                                                 {"latitude", 41.795},
                                                                 {"longitude", 123.45}})}})},
       {"default_group", Json::object({{"enabled", true}, {"shift", "winter"}, {"radius_m", 500}})}});
}

// The pointers of the problems, in order.
std::vector<std::string> pointers(const SettingsProblems& p) {
  std::vector<std::string> out;
  for (auto& [pointer, message] : p) out.push_back(pointer);
  return out;
}

std::string all(const SettingsProblems& p) {
  std::string out;
  for (auto& [pointer, message] : p) out += pointer + ": " + message + "\n";
  return out;
}

TEST(Settings, EmptySettingsGiveTheDefaults) {
  SettingsProblems p;
  Settings s = read_settings(Json::object(), p);
  EXPECT_TRUE(p.empty()) << all(p);
  EXPECT_EQ(s.punch_fix_per_month, 3);
  EXPECT_EQ(s.punch_fix_window_days, 31);
  EXPECT_EQ(s.remind_after_minutes, 10);
  EXPECT_EQ(s.digest_time, "08:30");
  EXPECT_EQ(s.monthly_report_time, "09:00");
  EXPECT_FALSE(s.default_group.enabled);
  EXPECT_EQ(s.approval_templates.size(), 5u);
  EXPECT_EQ(s.approval_templates.at("punch_fix"), "punch_fix");
  EXPECT_EQ(s.approval_templates.at("outside_punch"), "outside_punch");
}

TEST(Settings, ReadsShiftsGroupsBuildingsAndTheDefaultGroup) {
  SettingsProblems p;
  Settings s = read_settings(example(), p);
  ASSERT_TRUE(p.empty()) << all(p);
  ASSERT_EQ(s.shifts.size(), 1u);
  const Shift& w = s.shifts[0];
  ASSERT_EQ(w.sections.size(), 2u);
  EXPECT_EQ(w.sections[0].on_minute, 8 * 60 + 30);
  EXPECT_EQ(w.sections[1].off_minute, 17 * 60 + 30);
  EXPECT_EQ(w.rules.serious_late_minutes, 30);  // the rules doc's defaults
  EXPECT_EQ(w.rules.absent_late_minutes, 60);
  EXPECT_EQ(w.rules.on_window_before, 120);
  EXPECT_EQ(w.rules.off_window_after, 240);
  ASSERT_EQ(s.groups.size(), 1u);
  const Group& g = s.groups[0];
  EXPECT_EQ(g.type, GroupType::Fixed);
  EXPECT_EQ(g.shift_id, "winter");
  EXPECT_EQ(g.member_depts, std::vector<std::string>{"18000"});  // YAML's unquoted number
  ASSERT_EQ(g.locations.size(), 1u);
  EXPECT_EQ(g.locations[0].radius_m, 300);
  ASSERT_EQ(g.wifis.size(), 1u);
  EXPECT_EQ(g.wifis[0].bssid, "aa:bb:cc:dd:ee:01");  // lower-cased
  EXPECT_EQ(g.outside.approval, OutsideApproval::After);
  EXPECT_TRUE(g.outside.remark_required);
  EXPECT_TRUE(g.skip_holidays);
  EXPECT_EQ(g.managed_by, "settings");
  ASSERT_EQ(s.buildings.count("LN-BC-SY-02"), 1u);
  EXPECT_DOUBLE_EQ(s.buildings.at("LN-BC-SY-02").longitude, 123.45);
  EXPECT_TRUE(s.default_group.enabled);
  EXPECT_EQ(s.default_group.shift_id, "winter");
}

TEST(Settings, ShiftProblemsAreNamedByPointer) {
  Json j = example();
  j["shifts"].push_back(shift("bad", Json::array({"12:00-08:30"})));
  j["shifts"].push_back(shift("typo", Json::array({"8.30-12:00"})));
  j["shifts"].push_back(Json::object({{"id", "Upper"}, {"name", "x"}, {"sections", Json::array({"08:00-09:00"})},
                                      {"flex_minutes", -1}, {"lunch", 1}}));
  j["shifts"].push_back(shift("winter"));
  SettingsProblems p;
  read_settings(j, p);
  EXPECT_EQ(pointers(p),
            (std::vector<std::string>{"/shifts/1", "/shifts/2/sections/0", "/shifts/3/lunch",
                                      "/shifts/3/id", "/shifts/3/flex_minutes", "/shifts/4/id"}))
      << all(p);
}

TEST(Settings, GroupProblemsAreNamedByPointer) {
  Json j = example();
  Json bad = group("hp-bad",
                   Json::object({{"type", "ROTA"},
                                 {"court", "hp"},
                                 {"locations", Json::array({Json::object(
                                                   {{"latitude", 95}, {"longitude", 123.4},
                                                    {"radius_m", 0}})})},
                                 {"wifis", Json::array({Json::object({{"bssid", "aa-bb"}})})},
                                 {"outside", Json::object({{"approval", "later"}})}}));
  bad.erase("members");
  j["groups"].push_back(bad);
  SettingsProblems p;
  read_settings(j, p);
  EXPECT_EQ(pointers(p),
            (std::vector<std::string>{"/groups/1/type", "/groups/1/locations/0/radius_m",
                                      "/groups/1/outside/approval", "/groups/1/court",
                                      "/groups/1/locations/0/latitude",
                                      "/groups/1/wifis/0/bssid"}))
      << all(p);
}

TEST(Settings, AGroupNamesShiftsThatExistAndFitItsType) {
  Json j = example();
  j["groups"].push_back(group("hp-night", Json::object({{"shift", "night"}, {"members", Json::object()}})));
  j["groups"].push_back(group("hp-turn", Json::object({{"type", "TURN"},
                                                       {"members", Json::object()},
                                                       {"shifts", Json::array({"winter", "duty"})}})));
  j["groups"].push_back(group("hp-free", Json::object({{"type", "NONE"}, {"members", Json::object()}})));
  j["shifts"].push_back(Json::object({{"id", "sh-only"}, {"name", "沈河"}, {"court", "LN-BC-SY-02"},
                                      {"sections", Json::array({"09:00-17:00"})}}));
  j["groups"].push_back(group("hp-other", Json::object({{"shift", "sh-only"}, {"members", Json::object()}})));
  SettingsProblems p;
  read_settings(j, p);
  EXPECT_EQ(pointers(p),
            (std::vector<std::string>{"/groups/1/shift", "/groups/2/shift", "/groups/2/shifts/1",
                                      "/groups/3/shift", "/groups/4/shift"}))
      << all(p);
}

TEST(Settings, OnePersonOrDepartmentIsInOneGroupOnly) {
  Json j = example();
  j["groups"][0]["members"]["users"] = Json::array({"LN-BC-SY-01-010"});
  j["groups"].push_back(group("hp-filing",
                              Json::object({{"members", Json::object(
                                                            {{"departments", Json::array({"18001", "18000"})},
                                                             {"users", Json::array({"LN-BC-SY-01-010"})}})}})));
  j["groups"].push_back(group("hp-staff"));
  SettingsProblems p;
  read_settings(j, p);
  EXPECT_EQ(pointers(p),
            (std::vector<std::string>{"/groups/1/members/users/0", "/groups/1/members/departments/1",
                                      "/groups/2/members/departments/0", "/groups/2/id"}))
      << all(p);
  EXPECT_NE(p[0].second.find("hp-staff"), std::string::npos) << p[0].second;
}

TEST(Settings, TopLevelValuesAreChecked) {
  Json j = Json::object({{"punch_fix_per_month", -1},
                         {"punch_fix_window_days", 0},
                         {"digest_time", "8:30am"},
                         {"monthly_report_time", "24:00"},
                         {"remind_after_minutes", 1.5},
                         {"approval_templates", Json::object({{"qingjia", "vacation"}, {"buka", "punch_fix"}})},
                         {"page_url", 3},
                         {"buildings", Json::object({{"hp", Json::object({{"latitude", 41.8}})}})},
                         {"default_group", Json::object({{"enabled", true}, {"type", "TURN"}})},
                         {"colour", "red"}});
  SettingsProblems p;
  Settings s = read_settings(j, p);
  EXPECT_EQ(pointers(p),
            (std::vector<std::string>{"/colour", "/buildings/hp", "/buildings/hp/longitude",
                                      "/default_group/type", "/default_group/shift",
                                      "/punch_fix_per_month", "/punch_fix_window_days",
                                      "/approval_templates/qingjia",
                                      "/remind_after_minutes", "/digest_time",
                                      "/monthly_report_time", "/page_url"}))
      << all(p);
  EXPECT_EQ(s.punch_fix_per_month, 3);  // a bad value keeps its default
  EXPECT_EQ(s.approval_templates, (std::map<std::string, std::string>{{"buka", "punch_fix"}}));
}

TEST(Settings, TheDefaultGroupIdIsReserved) {
  Json j = example();
  j["groups"].push_back(group("ln-bc-sy-02-default",
                              Json::object({{"court", "LN-BC-SY-02"}, {"members", Json::object()}})));
  SettingsProblems p;
  read_settings(j, p);
  EXPECT_EQ(pointers(p), std::vector<std::string>{"/groups/1/id"}) << all(p);
}

}  // namespace
}  // namespace attendance
