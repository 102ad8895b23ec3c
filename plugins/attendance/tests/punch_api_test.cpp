// SPDX-License-Identifier: Apache-2.0
// POST /punches and GET /punches through attendance.so: the server decides Normal/Outside at the
// host's time, refuses what the caller's group forbids, records everything DingTalk's punch
// record has, and opens the 外勤 approval in the punch's transaction (COMMON.md "Punches").
#include <gtest/gtest.h>

#include <courthub/time.hpp>

#include "harness_fixture.hpp"

namespace attendance::testing {
namespace {

// A point `metres` due south of the court building.
Json south_of_court(double metres, Json extra = Json::object()) {
  extra["latitude"] = kLat - metres / 111194.93;
  extra["longitude"] = kLng;
  extra["accuracy"] = 25.0;
  return extra;
}

Json settings_with_outside(const std::string& group, Json outside) {
  Json s = test_settings();
  for (auto& g : s["groups"])
    if (g["id"] == group) g["outside"] = outside;
  return s;
}

TEST(PunchApi, InsideTheFenceIsNormalByMapAtTheHostsTime) {
  auto h = make_harness();
  h->set_now_ms(at("2026-12-08", "08:41:23"));
  auto r = h->as(kJudge).post("/punches", south_of_court(100, {{"address", "南京南街1号"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  Json p = r.json()["punch"];
  EXPECT_GT(p["id"].get<int64_t>(), 0);
  EXPECT_EQ(p["time"], "2026-12-08T08:41:23+08:00");  // seconds kept; the rules drop them
  EXPECT_EQ(p["work_date"], "2026-12-08");
  EXPECT_EQ(p["source_type"], "USER");
  EXPECT_EQ(p["location_result"], "Normal");
  EXPECT_EQ(p["location_method"], "MAP");
  EXPECT_NEAR(p["latitude"].get<double>(), kLat - 100 / 111194.93, 1e-9);
  EXPECT_EQ(p["accuracy"], 25.0);
  EXPECT_EQ(p["address"], "南京南街1号");
  EXPECT_EQ(p["group_id"], kFixedGroup);
  EXPECT_EQ(p["approval_state"], "");
  EXPECT_TRUE(r.json().contains("day"));

  auto list = h->as(kJudge).get("/punches");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["punches"].size(), 1u);
  EXPECT_EQ(list.json()["punches"][0]["id"], p["id"]);
  EXPECT_EQ(list.json()["punches"][0]["time"], "2026-12-08T08:41:23+08:00");
}

TEST(PunchApi, TheGroupsWifiIsNormalWhateverTheCaseOfItsBssid) {
  auto h = make_harness();
  auto r = h->as(kJudge).post(
      "/punches", Json::object({{"wifi", Json::object({{"ssid", kSsid}, {"bssid", "AA:BB:CC:DD:EE:01"}})}}));
  ASSERT_EQ(r.status, 201) << r.body;
  Json p = r.json()["punch"];
  EXPECT_EQ(p["location_result"], "Normal");
  EXPECT_EQ(p["location_method"], "WIFI");
  EXPECT_EQ(p["bssid"], "aa:bb:cc:dd:ee:01");
  EXPECT_EQ(p["ssid"], kSsid);
  EXPECT_TRUE(p["latitude"].is_null());
  EXPECT_TRUE(p["longitude"].is_null());
}

TEST(PunchApi, OutsideWithoutApprovalCountsAsOutsideAndKeepsTheRemark) {
  auto h = make_harness();
  auto r = h->as(kJudge).post("/punches", south_of_court(2000, {{"remark", "外出送达"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  Json p = r.json()["punch"];
  EXPECT_EQ(p["location_result"], "Outside");
  EXPECT_EQ(p["location_method"], "MAP");
  EXPECT_EQ(p["outside_remark"], "外出送达");
  EXPECT_EQ(p["approval_state"], "");
  EXPECT_TRUE(h->published().empty());
}

TEST(PunchApi, OutsideWhereTheGroupForbidsItIsRefusedAndNothingStored) {
  auto h = make_harness();
  // 立案庭 is in hp-filing, whose outside.allowed is false.
  auto r = h->as(kFilingClerk).post("/punches", south_of_court(2000, {{"remark", "x"}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(error_code(r), "outside_not_allowed");
  EXPECT_NE(error_message(r).find("外勤"), std::string::npos) << error_message(r);
  EXPECT_TRUE(h->query("SELECT id FROM punches").empty());
  // Inside its fence the same person checks in.
  EXPECT_EQ(h->as(kFilingClerk).post("/punches", south_of_court(100)).status, 201);
}

TEST(PunchApi, ARequiredRemarkIsAskedForByName) {
  auto h = make_harness(settings_with_outside(
      kFixedGroup, {{"allowed", true}, {"approval", "none"}, {"remark_required", true}}));
  auto r = h->as(kJudge).post("/punches", south_of_court(2000));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(error_message(r).find("remark"), std::string::npos) << error_message(r);
  EXPECT_TRUE(h->query("SELECT id FROM punches").empty());
  // Inside the fence no remark is needed.
  EXPECT_EQ(h->as(kJudge).post("/punches", south_of_court(10)).status, 201);
  EXPECT_EQ(h->as(kJudge).post("/punches", south_of_court(2000, {{"remark", "开庭"}})).status, 201);
}

TEST(PunchApi, OutsideNeedingApprovalIsPendingAndRequestsItInTheSameTransaction) {
  for (std::string mode : {"before", "after"}) {
    auto h = make_harness(settings_with_outside(
        kFixedGroup, {{"allowed", true}, {"approval", mode}, {"remark_required", false}}));
    h->set_now_ms(at("2026-12-08", "09:05:40"));
    auto r = h->as(kJudge).post("/punches",
                                south_of_court(3000, {{"address", "和平区某小区"}, {"remark", "外出送达"}}));
    ASSERT_EQ(r.status, 201) << r.body;
    Json p = r.json()["punch"];
    const std::string request_id = "punch:" + std::to_string(p["id"].get<int64_t>());
    EXPECT_EQ(p["approval_state"], "pending") << mode;
    auto rows = h->query("SELECT request_id FROM punches");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["request_id"], request_id);

    auto events = h->published();
    ASSERT_EQ(events.size(), 1u) << mode;
    EXPECT_NE(events[0]["topic"].get<std::string>().find("approval_requested"), std::string::npos);
    Json payload = events[0]["payload"];
    EXPECT_EQ(payload["request_id"], request_id);
    EXPECT_EQ(payload["template"], "outside_punch");
    EXPECT_EQ(payload["originator"], kJudge);
    EXPECT_EQ(payload["title"], "外勤打卡：12月8日 09:05 和平区某小区");
    EXPECT_EQ(payload["form"]["time"], "2026-12-08 09:05");
    EXPECT_EQ(payload["form"]["address"], "和平区某小区");
    EXPECT_EQ(payload["form"]["remark"], "外出送达");
  }
}

TEST(PunchApi, InsideTheFenceNeedsNoApprovalEvenWhereOutsideWould) {
  auto h = make_harness(settings_with_outside(
      kFixedGroup, {{"allowed", true}, {"approval", "after"}, {"remark_required", true}}));
  auto r = h->as(kJudge).post("/punches", south_of_court(100));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["punch"]["approval_state"], "");
  EXPECT_TRUE(h->published().empty());
}

TEST(PunchApi, SomeoneInNoGroupIsToldSo) {
  Json s = test_settings();
  s["default_group"]["enabled"] = false;  // LN-BC-SY-02 then has no group at all
  auto h = make_harness(s);
  auto r = h->as(kOtherJudge).post("/punches", south_of_court(10));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(error_code(r), "not_in_group");
  EXPECT_TRUE(h->query("SELECT id FROM punches").empty());
}

TEST(PunchApi, TheCourtDefaultGroupTakesItsCourtsPeople) {
  auto h = make_harness();
  // 沈河区法院's building, from settings.buildings.
  auto r = h->as(kOtherJudge).post("/punches", Json::object({{"latitude", 41.7951}, {"longitude", 123.4500}}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["punch"]["group_id"], kOtherDefaultGroup);
  EXPECT_EQ(r.json()["punch"]["location_result"], "Normal");
}

TEST(PunchApi, BadBodiesAreRefusedNamingTheField) {
  auto h = make_harness();
  auto& judge = h->as(kJudge);
  struct Case { Json body; std::string field; };
  std::vector<Case> cases = {
      {Json::object(), "latitude"},
      {Json::object({{"latitude", 41.8}}), "longitude"},
      {Json::object({{"longitude", 123.4}}), "latitude"},
      {Json::object({{"latitude", 91}, {"longitude", 123.4}}), "latitude"},
      {Json::object({{"latitude", 41.8}, {"longitude", 181}}), "longitude"},
      {Json::object({{"latitude", "41.8"}, {"longitude", 123.4}}), "latitude"},
      {Json::object({{"latitude", 41.8}, {"longitude", 123.4}, {"accuracy", -1}}), "accuracy"},
      {Json::object({{"wifi", "HP-COURT"}}), "wifi"},
      {Json::object({{"wifi", Json::object({{"ssid", 5}})}}), "wifi.ssid"},
      {Json::object({{"latitude", 41.8}, {"longitude", 123.4}, {"remark", std::string(501, 'x')}}),
       "remark"},
      {Json::array(), "body"},
  };
  for (auto& c : cases) {
    auto r = judge.post("/punches", c.body);
    EXPECT_EQ(r.status, 400) << c.body.dump() << " " << r.body;
    EXPECT_NE(error_message(r).find(c.field), std::string::npos)
        << c.body.dump() << " " << error_message(r);
  }
  EXPECT_EQ(judge.request("POST", "/punches", "{not json").status, 400);
  EXPECT_TRUE(h->query("SELECT id FROM punches").empty());
}

TEST(PunchApi, OnlyStaffCheckIn) {
  auto h = make_harness();
  EXPECT_EQ(h->as_admin().post("/punches", south_of_court(10)).status, 403);
  auto anon = h->as_anonymous().post("/punches", south_of_court(10));
  EXPECT_TRUE(anon.status == 401 || anon.status == 403) << anon.status;
  EXPECT_TRUE(h->query("SELECT id FROM punches").empty());
}

TEST(PunchApi, APunchBelongsToItsLocalDate) {
  auto h = make_harness();
  h->set_now_ms(at("2026-12-08", "23:59:59"));
  ASSERT_EQ(h->as(kJudge).post("/punches", south_of_court(10)).status, 201);
  h->set_now_ms(at("2026-12-09", "00:00:00"));
  auto r = h->as(kJudge).post("/punches", south_of_court(10));
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(r.json()["punch"]["work_date"], "2026-12-09");
  auto day8 = h->as(kJudge).get("/punches?date=2026-12-08").json()["punches"];
  ASSERT_EQ(day8.size(), 1u);
  EXPECT_EQ(day8[0]["work_date"], "2026-12-08");
  EXPECT_EQ(h->as(kJudge).get("/punches").json()["punches"].size(), 1u);  // today: the 9th
  EXPECT_EQ(h->as(kJudge).get("/punches?date=2026-12-10").json()["punches"].size(), 0u);
  EXPECT_EQ(h->as(kJudge).get("/punches?date=2026-13-01").status, 400);
}

TEST(PunchApi, WhoMaySeeAPersonsPunches) {
  auto h = make_harness();
  ASSERT_EQ(h->as(kJudge).post("/punches", south_of_court(10)).status, 201);
  const std::string path = "/punches?user_id=" + kJudge + "&date=2026-12-08";
  for (const std::string& who : {kJudge, kCivilHead, kVicePresident, kPresident, kAdmin}) {
    auto r = h->as(who).get(path);
    EXPECT_EQ(r.status, 200) << who << " " << r.body;
    EXPECT_EQ(r.json()["punches"].size(), 1u) << who;
  }
  EXPECT_EQ(h->as_admin().get(path).status, 200);  // the operator
  for (const std::string& who : {kClerk, kFilingHead, kStaff, kOtherAdmin})
    EXPECT_EQ(h->as(who).get(path).status, 403) << who;
  EXPECT_EQ(h->as(kAdmin).get("/punches?user_id=nobody").status, 404);
}

}  // namespace
}  // namespace attendance::testing
