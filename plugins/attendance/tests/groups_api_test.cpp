// SPDX-License-Identifier: Apache-2.0
// Groups, shifts and rosters through the harness: the seeding from the settings (and what an
// API edit keeps across a restart), the admin API with its permissions and errors, and the
// Schedule behind it (GET /admin/schedule): calendar, roster, membership.
#include <stdlib.h>

#include <algorithm>
#include <filesystem>

#include "harness_fixture.hpp"

namespace attendance::testing {
namespace {

std::vector<std::string> ids(const Json& list) {
  std::vector<std::string> out;
  for (auto& x : list) out.push_back(x["id"].get<std::string>());
  return out;
}

std::vector<std::string> fields(const HttpResult& r) {
  std::vector<std::string> out;
  Json d = error_details(r);
  if (d.is_object() && d.contains("fields"))
    for (auto& f : d["fields"]) out.push_back(f["field"].get<std::string>());
  return out;
}

Json new_group(const std::string& id, Json members) {
  return Json::object({{"id", id},
                       {"name", "民一庭考勤组"},
                       {"type", "FIXED"},
                       {"shift", kShift},
                       {"members", members}});
}

// kind/shift of each day of GET /admin/schedule, as "2026-10-01 rest" / "2026-10-10 work winter".
std::vector<std::string> schedule(PluginHarness& h, const std::string& user, const std::string& from,
                                  const std::string& to) {
  auto r = h.as_admin().get("/admin/schedule?user_id=" + user + "&from=" + from + "&to=" + to);
  EXPECT_EQ(r.status, 200) << r.body;
  const Json body = r.json();
  std::vector<std::string> out;
  for (auto& d : body["days"]) {
    std::string line = d["date"].get<std::string>() + " " + d["kind"].get<std::string>();
    if (!d["shift"].is_null()) line += " " + d["shift"].get<std::string>();
    out.push_back(line);
  }
  return out;
}

std::string group_of(PluginHarness& h, const std::string& user) {
  auto r = h.as_admin().get("/admin/schedule?user_id=" + user + "&from=2026-12-08&to=2026-12-08");
  EXPECT_EQ(r.status, 200) << r.body;
  Json g = r.json()["group"];
  return g.is_null() ? "" : g["id"].get<std::string>();
}

TEST(GroupsApi, TheSettingsAreSeededWithTheCourtDefaultGroup) {
  auto h = make_harness();
  auto r = h->as(kAdmin).get("/admin/groups");
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["court"], kCourt);
  EXPECT_EQ(ids(body["groups"]), (std::vector<std::string>{kTurnGroup, kFixedGroup}));
  EXPECT_EQ(ids(body["shifts"]), (std::vector<std::string>{kWindowShift, kShift}));
  Json fixed = body["groups"][1];
  EXPECT_EQ(fixed["managed_by"], "settings");
  EXPECT_EQ(fixed["locations"][0]["radius_m"], 500);
  EXPECT_EQ(fixed["wifis"][0]["bssid"], kBssid);
  EXPECT_EQ(body["shifts"][1]["sections"], Json::array({"08:30-12:00", "13:30-17:30"}));

  r = h->as(kOtherAdmin).get("/admin/groups");
  ASSERT_EQ(r.status, 200) << r.body;
  Json other = r.json()["groups"];
  ASSERT_EQ(ids(other), std::vector<std::string>{kOtherDefaultGroup});
  // Named after the directory's court name; the harness's directory comes after activation.
  EXPECT_EQ(other[0]["name"], "LN-BC-SY-02考勤组");
  EXPECT_EQ(other[0]["type"], "FIXED");
  EXPECT_EQ(other[0]["shift"], kShift);
  EXPECT_EQ(other[0]["locations"][0]["title"], "沈河区法院审判楼");
  EXPECT_EQ(other[0]["locations"][0]["radius_m"], 500);
  // The other court does not see LN-BC-SY-01's own shift.
  EXPECT_EQ(ids(r.json()["shifts"]), std::vector<std::string>{kShift});
}

TEST(GroupsApi, OnlyTheCourtsAdminAndTheOperator) {
  auto h = make_harness();
  for (const std::string& who : {kJudge, kCivilHead, kPresident, kOtherAdmin}) {
    auto r = h->as(who).get("/admin/groups?court=" + kCourt);
    EXPECT_EQ(r.status, 403) << who << " " << r.body;
    Json g = new_group("x", Json::object());
    g["court"] = kCourt;
    EXPECT_EQ(h->as(who).post("/admin/groups", g).status, 403) << who;
    EXPECT_EQ(h->as(who).put("/admin/groups/" + kFixedGroup, fixed_group_json()).status, 403) << who;
    EXPECT_EQ(h->as(who).get("/admin/groups/" + kTurnGroup + "/roster").status, 403) << who;
  }
  EXPECT_EQ(h->as_anonymous().get("/admin/shifts?court=" + kCourt).status, 403);
  auto r = h->as_admin().get("/admin/groups");
  EXPECT_EQ(r.status, 400) << "the operator names the court";
  EXPECT_EQ(fields(r), std::vector<std::string>{"/court"});
  EXPECT_EQ(h->as_admin().get("/admin/groups?court=" + kCourt).status, 200);
}

TEST(GroupsApi, CreateUpdateAndDeleteAGroup) {
  auto h = make_harness();
  // 民一庭 gets its own group: a group naming a sub-department beats its ancestor's group.
  EXPECT_EQ(group_of(*h, kJudge), kFixedGroup);
  Json body = new_group("hp-civil", Json::object({{"departments", Json::array({kCivilDept})}}));
  body["outside"] = Json::object({{"allowed", true}, {"approval", "after"}});
  auto r = h->as(kAdmin).post("/admin/groups", body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["court"], kCourt);
  EXPECT_EQ(r.json()["managed_by"], "api");
  EXPECT_EQ(r.json()["outside"]["approval"], "after");
  EXPECT_EQ(group_of(*h, kJudge), "hp-civil");
  EXPECT_EQ(group_of(*h, kStaff), kFixedGroup);

  EXPECT_EQ(h->as(kAdmin).post("/admin/groups", body).status, 409) << "the id is taken";

  body["name"] = "民一庭（新）";
  body["type"] = "NONE";
  body.erase("shift");
  r = h->as(kAdmin).put("/admin/groups/hp-civil", body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["type"], "NONE");
  EXPECT_EQ(schedule(*h, kJudge, "2026-12-08", "2026-12-08"),
            std::vector<std::string>{"2026-12-08 free"});

  r = h->as(kAdmin).del("/admin/groups/hp-civil");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(group_of(*h, kJudge), kFixedGroup);
  EXPECT_EQ(h->as(kAdmin).del("/admin/groups/hp-civil").status, 404);
  r = h->as(kAdmin).del("/admin/groups/" + kFixedGroup);
  EXPECT_EQ(r.status, 409) << "a settings group is removed from the settings";
}

TEST(GroupsApi, OnePersonOrDepartmentInOneGroup) {
  auto h = make_harness();
  auto r = h->as(kAdmin).post("/admin/groups",
                              new_group("hp-root", Json::object({{"departments", Json::array({kRootDept})}})));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(fields(r), std::vector<std::string>{"/members/departments/0"});
  EXPECT_NE(error_message(r).find(kFixedGroup), std::string::npos) << r.body;
  // A person listed by userid beats their department's group...
  r = h->as(kAdmin).post("/admin/groups",
                         new_group("hp-judges", Json::object({{"users", Json::array({kJudge})}})));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(group_of(*h, kJudge), "hp-judges");
  EXPECT_EQ(group_of(*h, kClerk), kFixedGroup);
  // ... but is listed by one group only.
  r = h->as(kAdmin).put("/admin/groups/" + kFixedGroup,
                        [] {
                          Json g = fixed_group_json();
                          g["members"]["users"] = Json::array({kJudge});
                          return g;
                        }());
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(fields(r), std::vector<std::string>{"/members/users/0"});
}

TEST(GroupsApi, BadGroupsNameEveryField) {
  auto h = make_harness();
  Json body = Json::object({{"id", "Bad Id"},
                            {"name", ""},
                            {"type", "TURN"},
                            {"shifts", Json::array({kShift, "night"})},
                            {"locations", Json::array({Json::object({{"latitude", "41.8"}, {"longitude", 123.4}})})},
                            {"wifis", Json::array({Json::object({{"bssid", "zz"}})})},
                            {"colour", "red"}});
  auto r = h->as(kAdmin).post("/admin/groups", body);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(error_code(r), "invalid_argument");
  EXPECT_EQ(fields(r), (std::vector<std::string>{"/colour", "/id", "/name", "/locations/0/latitude",
                                                 "/wifis/0/bssid", "/shifts/1"}))
      << r.body;
  // Another court's shift cannot be used, nor a group moved to another court.
  r = h->as(kOtherAdmin).post("/admin/groups", Json::object({{"id", "sh-window"},
                                                             {"name", "沈河立案"},
                                                             {"type", "FIXED"},
                                                             {"shift", kWindowShift}}));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(fields(r), std::vector<std::string>{"/shift"});
  // Members are the court's own departments and people.
  r = h->as(kAdmin).post("/admin/groups",
                         new_group("hp-x", Json::object({{"departments", Json::array({"19001"})},
                                                         {"users", Json::array({kJudge, kOtherJudge})}})));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(fields(r), (std::vector<std::string>{"/members/departments/0", "/members/users/1"}));
  Json moved = turn_group_json();
  moved["court"] = kOtherCourt;
  r = h->as(kAdmin).put("/admin/groups/" + kTurnGroup, moved);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(fields(r), std::vector<std::string>{"/court"});
}

TEST(GroupsApi, ShiftsOfACourtAndSharedOnes) {
  auto h = make_harness();
  Json summer = Json::object({{"id", "hp-summer"},
                              {"name", "夏季作息"},
                              {"sections", Json::array({"08:30-12:00", "14:00-18:00"})},
                              {"flex_minutes", 10}});
  auto r = h->as(kAdmin).post("/admin/shifts", summer);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["court"], kCourt) << "a court admin's shift is their court's";
  EXPECT_EQ(r.json()["serious_late_minutes"], 30);
  r = h->as(kAdmin).get("/admin/shifts");
  EXPECT_EQ(ids(r.json()["shifts"]), (std::vector<std::string>{kWindowShift, "hp-summer", kShift}));
  EXPECT_EQ(ids(h->as(kOtherAdmin).get("/admin/shifts").json()["shifts"]),
            std::vector<std::string>{kShift});
  EXPECT_EQ(h->as(kOtherAdmin).put("/admin/shifts/hp-summer", summer).status, 403);
  EXPECT_EQ(h->as(kAdmin).put("/admin/shifts/" + kShift, summer).status, 403)
      << "a shared shift belongs to the operator";

  summer["sections"] = Json::array({"14:00-18:00", "08:30-12:00"});
  r = h->as(kAdmin).put("/admin/shifts/hp-summer", summer);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(fields(r), std::vector<std::string>{""});  // shift_problem: the order
  summer["sections"] = Json::array({"8:30-12:00"});
  r = h->as(kAdmin).put("/admin/shifts/hp-summer", summer);
  EXPECT_EQ(fields(r), std::vector<std::string>{"/sections/0"});

  // The operator changes the shared shift: groups using it follow at once.
  Json winter = Json::object({{"name", "冬季作息"}, {"sections", Json::array({"09:00-17:00"})}});
  r = h->as_admin().put("/admin/shifts/" + kShift, winter);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["court"], "");
  r = h->as_admin().get("/admin/groups?court=" + kCourt);
  EXPECT_EQ(r.json()["shifts"][2]["id"], kShift);
  EXPECT_EQ(r.json()["shifts"][2]["sections"], Json::array({"09:00-17:00"}));
  EXPECT_EQ(h->as(kAdmin).put("/admin/shifts/nope", winter).status, 404);
}

TEST(GroupsApi, TheRosterOfATurnGroup) {
  auto h = make_harness();
  Json entries = Json::array({Json::object({{"user_id", kFilingClerk}, {"date", "2026-12-08"}, {"shift_id", kWindowShift}}),
                              Json::object({{"user_id", kFilingClerk2}, {"date", "2026-12-08"}, {"shift_id", nullptr}}),
                              Json::object({{"user_id", kFilingClerk}, {"date", "2026-12-12"}, {"shift_id", kShift}}),
                              Json::object({{"user_id", kFilingClerk2}, {"date", "2026-12-09"}, {"shift_id", kShift}})});
  auto r = h->as(kAdmin).put("/admin/groups/" + kTurnGroup + "/roster", Json::object({{"entries", entries}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["saved"], 4);

  r = h->as(kAdmin).get("/admin/groups/" + kTurnGroup + "/roster");  // today and 6 days on
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["from"], "2026-12-08");
  EXPECT_EQ(r.json()["to"], "2026-12-14");
  Json got = r.json()["entries"];
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0], entries[0]);
  EXPECT_EQ(got[1], entries[1]);
  EXPECT_EQ(got[2], entries[3]);

  // The plan: roster shift on workdays; no row or a null shift is rest; Saturday 12-12 is a
  // calendar rest day and the group skips holidays.
  EXPECT_EQ(schedule(*h, kFilingClerk, "2026-12-08", "2026-12-12"),
            (std::vector<std::string>{"2026-12-08 work filing-window", "2026-12-09 rest",
                                      "2026-12-10 rest", "2026-12-11 rest", "2026-12-12 rest"}));
  EXPECT_EQ(schedule(*h, kFilingClerk2, "2026-12-08", "2026-12-09"),
            (std::vector<std::string>{"2026-12-08 rest", "2026-12-09 work winter"}));
  // A 值班 group works its roster on rest days too.
  Json duty = turn_group_json();
  duty["skip_holidays"] = false;
  ASSERT_EQ(h->as(kAdmin).put("/admin/groups/" + kTurnGroup, duty).status, 200);
  EXPECT_EQ(schedule(*h, kFilingClerk, "2026-12-12", "2026-12-12"),
            std::vector<std::string>{"2026-12-12 work winter"});

  // A later write replaces that person's day.
  entries = Json::array({Json::object({{"user_id", kFilingClerk}, {"date", "2026-12-08"}, {"shift_id", nullptr}})});
  ASSERT_EQ(h->as(kAdmin).put("/admin/groups/" + kTurnGroup + "/roster", Json::object({{"entries", entries}})).status, 200);
  EXPECT_EQ(schedule(*h, kFilingClerk, "2026-12-08", "2026-12-08"),
            std::vector<std::string>{"2026-12-08 rest"});
}

TEST(GroupsApi, ARosterIsWrittenWholeOrNotAtAll) {
  auto h = make_harness();
  Json entries = Json::array({Json::object({{"user_id", kFilingClerk}, {"date", "2026-12-08"}, {"shift_id", kWindowShift}}),
                              Json::object({{"user_id", kJudge}, {"date", "2026-12-08"}, {"shift_id", kShift}}),
                              Json::object({{"user_id", kFilingClerk}, {"date", "2026-12-32"}, {"shift_id", kShift}}),
                              Json::object({{"user_id", kFilingClerk2}, {"date", "2026-12-09"}, {"shift_id", "night"}}),
                              Json::object({{"user_id", "nobody"}, {"date", "2026-12-09"}})});
  auto r = h->as(kAdmin).put("/admin/groups/" + kTurnGroup + "/roster", Json::object({{"entries", entries}}));
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(fields(r), (std::vector<std::string>{"/entries/2/date", "/entries/3/shift_id",
                                                 "/entries/4/user_id"}));
  entries.erase(entries.begin() + 2, entries.end());
  r = h->as(kAdmin).put("/admin/groups/" + kTurnGroup + "/roster", Json::object({{"entries", entries}}));
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(fields(r), std::vector<std::string>{"/entries/1/user_id"}) << "not a member";
  EXPECT_EQ(h->as(kAdmin).get("/admin/groups/" + kTurnGroup + "/roster").json()["entries"].size(), 0u);

  r = h->as(kAdmin).put("/admin/groups/" + kFixedGroup + "/roster", Json::object({{"entries", Json::array()}}));
  EXPECT_EQ(r.status, 409) << "a FIXED group has no roster";
  r = h->as(kAdmin).get("/admin/groups/" + kTurnGroup + "/roster?from=2026-12-09&to=2026-12-08");
  EXPECT_EQ(fields(r), std::vector<std::string>{"/to"});
  r = h->as(kAdmin).get("/admin/groups/" + kTurnGroup + "/roster?from=tomorrow");
  EXPECT_EQ(fields(r), std::vector<std::string>{"/from"});
}

TEST(Schedule, FixedGroupsFollowTheWorkCalendar) {
  auto h = make_harness();
  // 国庆节 2026: 10-01..10-07 off; Saturday 10-10 is a make-up workday (调休上班).
  EXPECT_EQ(schedule(*h, kJudge, "2026-10-01", "2026-10-01"),
            std::vector<std::string>{"2026-10-01 rest"});
  EXPECT_EQ(schedule(*h, kJudge, "2026-10-09", "2026-10-11"),
            (std::vector<std::string>{"2026-10-09 work winter", "2026-10-10 work winter",
                                      "2026-10-11 rest"}));
  auto r = h->as(kAdmin).get("/admin/schedule?user_id=" + kJudge + "&from=2026-10-10&to=2026-10-10");
  EXPECT_EQ(r.json()["days"][0]["workday"], true);
  EXPECT_EQ(r.json()["group"]["type"], "FIXED");
}

TEST(Schedule, MembershipFallsBackToTheCourtDefaultGroup) {
  auto h = make_harness();
  EXPECT_EQ(group_of(*h, kFilingClerk), kTurnGroup);
  EXPECT_EQ(group_of(*h, kPresident), kFixedGroup) << "the root department";
  EXPECT_EQ(group_of(*h, kOtherJudge), kOtherDefaultGroup);
  // Without buildings there is no default group: the person is in no group.
  Json s = test_settings();
  s.erase("buildings");
  auto bare = make_harness(s);
  EXPECT_EQ(group_of(*bare, kOtherJudge), "");
  EXPECT_EQ(schedule(*bare, kOtherJudge, "2026-12-08", "2026-12-08"),
            std::vector<std::string>{"2026-12-08 rest"});
  EXPECT_EQ(bare->as(kOtherAdmin).get("/admin/schedule?user_id=" + kJudge).status, 403);
}

// A data directory that outlives one harness, for restarts.
struct Dir {
  std::string path;
  Dir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "attendance-seed-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~Dir() { std::filesystem::remove_all(path); }
};

TEST(Seeding, ApiEditsSurviveARestartAndSettingsChangesApply) {
  Dir dir;
  {
    auto options = harness_options();
    options.data_dir = dir.path;
    auto h = make_harness(options);
    Json g = turn_group_json();
    g["name"] = "立案窗口（管理员改）";
    ASSERT_EQ(h->as(kAdmin).put("/admin/groups/" + kTurnGroup, g).status, 200);
  }
  Json s = test_settings();
  s["groups"][0]["name"] = "和平区法院考勤组（新）";  // hp-staff: still the settings'
  s["groups"][1]["name"] = "立案窗口（设置改）";      // hp-filing: edited through the API
  s["shifts"].erase(1);                                // filing-window: still used by hp-filing
  s["shifts"].push_back(Json::object({{"id", "spare"}, {"name", "备用"}, {"sections", Json::array({"09:00-17:00"})}}));
  s["groups"][1]["shifts"] = Json::array({kShift});
  s.erase("buildings");                                // the default group goes
  {
    auto options = harness_options(s);
    options.data_dir = dir.path;
    auto h = make_harness(options);
    Json body = h->as(kAdmin).get("/admin/groups").json();
    EXPECT_EQ(body["groups"][0]["name"], "立案窗口（管理员改）");
    EXPECT_EQ(body["groups"][0]["managed_by"], "api");
    EXPECT_EQ(body["groups"][1]["name"], "和平区法院考勤组（新）");
    EXPECT_EQ(ids(body["shifts"]), (std::vector<std::string>{kWindowShift, "spare", kShift}));
    EXPECT_EQ(h->as(kOtherAdmin).get("/admin/groups").json()["groups"].size(), 0u);
  }
  s["groups"].erase(1);
  {
    auto options = harness_options(s);
    options.data_dir = dir.path;
    auto h = make_harness(options);
    // hp-filing stays (the API's), so does the shift it uses.
    EXPECT_EQ(ids(h->as(kAdmin).get("/admin/groups").json()["groups"]),
              (std::vector<std::string>{kTurnGroup, kFixedGroup}));
  }
}

TEST(Seeding, TheDemoRosterFillsAnEmptyTurnGroupOnce) {
  Dir dir;
  Json s = test_settings();
  s["demo_roster_days"] = 3;
  auto options = harness_options(s);
  options.data_dir = dir.path;
  auto roster = [](PluginHarness& h) {
    return h.as(kAdmin).get("/admin/groups/" + kTurnGroup + "/roster").json()["entries"];
  };
  {
    // make_harness adds the directory after activation: the first start finds nobody.
    auto h = make_harness(options);
    EXPECT_EQ(roster(*h).size(), 0u);
  }
  {
    auto h = make_harness(options);
    Json entries = roster(*h);
    ASSERT_EQ(entries.size(), 9u) << entries.dump();  // 3 people of 立案庭 × 3 days
    // Person i on day k: shifts[(i + k) % 3], the third slot a rest day.
    EXPECT_EQ(entries[0], Json::parse(R"({"user_id":"LN-BC-SY-01-010","date":"2026-12-08","shift_id":"winter"})"));
    EXPECT_EQ(entries[1]["shift_id"], kWindowShift);
    EXPECT_TRUE(entries[2]["shift_id"].is_null());
    EXPECT_EQ(entries[3]["shift_id"], kWindowShift);
    Json one = Json::array({Json::object({{"user_id", kFilingClerk}, {"date", "2026-12-09"}, {"shift_id", nullptr}})});
    ASSERT_EQ(h->as(kAdmin).put("/admin/groups/" + kTurnGroup + "/roster", Json::object({{"entries", one}})).status, 200);
  }
  {
    auto h = make_harness(options);
    Json entries = roster(*h);
    ASSERT_EQ(entries.size(), 9u);
    EXPECT_TRUE(entries[4]["shift_id"].is_null()) << "the admin's roster is kept: " << entries.dump();
  }
}

}  // namespace
}  // namespace attendance::testing
