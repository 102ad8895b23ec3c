// SPDX-License-Identifier: Apache-2.0
// Punches from outside the mini-app: attendance-machine records (POST /machine-records, all or
// nothing, idempotent on user + time + device) and DingTalk's attendance_check_record events.
#include <gtest/gtest.h>

#include "harness_fixture.hpp"
#include "machine_records.hpp"

namespace attendance::testing {
namespace {

Json record(const std::string& user, const std::string& time, const std::string& device = "ATM-1") {
  return Json::object({{"user_id", user}, {"time", time}, {"device_id", device}});
}

size_t punch_count(PluginHarness& h) { return h.query("SELECT id FROM punches").size(); }

TEST(MachineRecords, ParseInstantReadsIso8601WithItsOffset) {
  EXPECT_EQ(parse_instant("2026-12-08T08:29:40+08:00"), at("2026-12-08", "08:29:40"));
  EXPECT_EQ(parse_instant("2026-12-08T00:29:40Z"), at("2026-12-08", "08:29:40"));
  EXPECT_EQ(parse_instant("2026-12-07T19:29:40-05:00"), at("2026-12-08", "08:29:40"));
  EXPECT_EQ(parse_instant("2026-12-08T08:29:40.250+08:00"), at("2026-12-08", "08:29:40") + 250);
  for (const char* bad : {"2026-12-08 08:29:40+08:00", "2026-12-08T08:29:40", "2026-12-08T24:00:00Z",
                          "2026-02-30T08:00:00Z", "2026-12-08T08:29+08:00", "2026-12-08T08:29:40+0800",
                          "2026-12-08T08:29:40.+08:00", "", "tomorrow"})
    EXPECT_FALSE(parse_instant(bad)) << bad;
}

TEST(MachineRecords, TheCourtAdminImportsAndARepeatIsADuplicate) {
  auto h = make_harness();
  Json body = Json::array({record(kJudge, "2026-12-08T08:29:40+08:00"),
                           record(kJudge, "2026-12-08T17:35:02+08:00"),
                           record(kClerk, "2026-12-08T08:31:00+08:00", "ATM-2")});
  auto r = h->as(kAdmin).post("/machine-records", body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), Json::object({{"accepted", 3}, {"duplicates", 0}}));
  auto again = h->as(kAdmin).post("/machine-records", body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json(), Json::object({{"accepted", 0}, {"duplicates", 3}}));
  EXPECT_EQ(punch_count(*h), 3u);

  // The same person and time on another machine is another record.
  auto other = h->as(kAdmin).post("/machine-records",
                                  Json::array({record(kJudge, "2026-12-08T08:29:40+08:00", "ATM-9")}));
  EXPECT_EQ(other.json()["accepted"], 1);

  auto list = h->as(kJudge).get("/punches?date=2026-12-08").json()["punches"];
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0]["time"], "2026-12-08T08:29:40+08:00");
  EXPECT_EQ(list[0]["source_type"], "ATM");
  EXPECT_EQ(list[0]["location_result"], "Normal");
  EXPECT_EQ(list[0]["location_method"], "ATM");
  EXPECT_EQ(list[0]["device_id"], "ATM-1");
  EXPECT_EQ(list[0]["group_id"], kFixedGroup);
  EXPECT_EQ(list[0]["approval_state"], "");
}

TEST(MachineRecords, OneBadRecordRefusesTheWholeCallNamingIt) {
  auto h = make_harness();
  struct Case { Json bad; std::string field; };
  std::vector<Case> cases = {
      {record(kJudge, "2026-12-08 08:29:40"), "time"},
      {Json::object({{"time", "2026-12-08T08:29:40+08:00"}, {"device_id", "A"}}), "user_id"},
      {record(kJudge, "2026-12-08T08:29:40+08:00", ""), "device_id"},
      {record("LN-BC-SY-01-999", "2026-12-08T08:29:40+08:00"), "user_id"},
      {Json("text"), ""},
  };
  for (auto& c : cases) {
    Json body = Json::array({record(kJudge, "2026-12-08T08:00:00+08:00"),
                             record(kClerk, "2026-12-08T08:01:00+08:00"), c.bad});
    auto r = h->as(kAdmin).post("/machine-records", body);
    EXPECT_EQ(r.status, 400) << c.bad.dump() << " " << r.body;
    EXPECT_EQ(error_details(r)["index"], 2) << r.body;
    EXPECT_EQ(error_details(r)["field"], c.field) << r.body;
  }
  EXPECT_EQ(punch_count(*h), 0u);
  EXPECT_EQ(h->as(kAdmin).post("/machine-records", Json::object()).status, 400);
}

TEST(MachineRecords, AtMostTenThousandACall) {
  auto h = make_harness();
  Json body = Json::array();
  for (int i = 0; i < 10001; ++i) body.push_back(record(kJudge, "2026-12-08T08:00:00+08:00"));
  auto r = h->as(kAdmin).post("/machine-records", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_message(r).find("10000"), std::string::npos) << error_message(r);
  EXPECT_EQ(punch_count(*h), 0u);
}

TEST(MachineRecords, OnlyTheCourtsAdminOrTheOperator) {
  auto h = make_harness();
  Json mine = Json::array({record(kJudge, "2026-12-08T08:00:00+08:00")});
  EXPECT_EQ(h->as(kJudge).post("/machine-records", mine).status, 403);
  EXPECT_EQ(h->as(kPresident).post("/machine-records", mine).status, 403);
  // Another court's admin, for a person of this court: refused, naming the record.
  auto r = h->as(kOtherAdmin).post(
      "/machine-records", Json::array({record(kOtherJudge, "2026-12-08T08:00:00+08:00"),
                                       record(kJudge, "2026-12-08T08:00:00+08:00")}));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(error_details(r)["index"], 1);
  EXPECT_EQ(punch_count(*h), 0u);
  // The operator may import for any court.
  auto op = h->as_admin().post("/machine-records",
                               Json::array({record(kOtherJudge, "2026-12-08T08:00:00+08:00"),
                                            record(kJudge, "2026-12-08T08:00:00+08:00")}));
  EXPECT_EQ(op.status, 200) << op.body;
  EXPECT_EQ(op.json()["accepted"], 2);
}

// DingTalk's own punches (attendance_check_record), docs/dingtalk-protocol.md.
Json dingtalk_event(Json entries) {
  return Json::object({{"EventType", "attendance_check_record"}, {"DataList", entries}});
}

TEST(DingTalkPunches, EachEntryIsStoredOnceWithTheSourceDingTalkGives) {
  auto h = make_harness();
  const int64_t t1 = at("2026-12-08", "08:25:13"), t2 = at("2026-12-08", "17:40:00");
  Json event = dingtalk_event(Json::array(
      {Json::object({{"userId", kJudge}, {"corpId", "ding1"}, {"checkTime", t1},
                     {"bizId", "96F80A34"}, {"locationMethod", "MAP"}, {"checkByUser", true},
                     {"address", "南京南街"}, {"latitude", kLat}, {"longitude", kLng}}),
       Json::object({{"userId", kClerk}, {"checkTime", t2}, {"locationMethod", "ATM"},
                     {"deviceName", "一楼考勤机"}, {"deviceSN", "SN-001"}}),
       Json::object({{"userId", "LN-BC-SY-01-999"}, {"checkTime", t1}, {"bizId", "X"}})}));
  auto r = h->deliver_event("attendance_check_record", event);
  ASSERT_TRUE(r.ok) << r.error;
  auto rows = h->query("SELECT user_id, time_ms, source_type, location_result, location_method, "
                       "device_id, address, group_id FROM punches ORDER BY time_ms");
  ASSERT_EQ(rows.size(), 2u);  // the unknown user is skipped
  EXPECT_EQ(rows[0]["user_id"], kJudge);
  EXPECT_EQ(rows[0]["time_ms"], t1);
  EXPECT_EQ(rows[0]["source_type"], "USER");
  EXPECT_EQ(rows[0]["location_result"], "Normal");
  EXPECT_EQ(rows[0]["location_method"], "MAP");
  EXPECT_EQ(rows[0]["address"], "南京南街");
  EXPECT_EQ(rows[0]["group_id"], kFixedGroup);
  EXPECT_EQ(rows[1]["source_type"], "ATM");
  EXPECT_EQ(rows[1]["location_method"], "ATM");
  EXPECT_EQ(rows[1]["device_id"], "SN-001");

  // Delivered again (DingTalk delivers at least once): nothing new.
  ASSERT_TRUE(h->deliver_event("attendance_check_record", event).ok);
  EXPECT_EQ(punch_count(*h), 2u);
}

TEST(DingTalkPunches, APositionOutsideTheGroupsFenceIsOutside) {
  auto h = make_harness();
  Json event = dingtalk_event(Json::array({Json::object(
      {{"userId", kJudge}, {"checkTime", at("2026-12-08", "09:00")}, {"bizId", "far"},
       {"locationMethod", "MAP"}, {"latitude", kLat - 0.05}, {"longitude", kLng}})}));
  ASSERT_TRUE(h->deliver_event("attendance_check_record", event).ok);
  auto rows = h->query("SELECT location_result FROM punches");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["location_result"], "Outside");
}

TEST(DingTalkPunches, WithoutBizIdTheUserAndTimeIdentifyTheEntry) {
  auto h = make_harness();
  Json entry = Json::object({{"userId", kJudge}, {"checkTime", at("2026-12-08", "08:00")}});
  ASSERT_TRUE(h->deliver_event("attendance_check_record", dingtalk_event(Json::array({entry}))).ok);
  ASSERT_TRUE(h->deliver_event("attendance_check_record",
                               dingtalk_event(Json::array({entry, entry}))).ok);
  EXPECT_EQ(punch_count(*h), 1u);
  auto rows = h->query("SELECT dedup_key FROM punches");
  EXPECT_EQ(rows[0]["dedup_key"], "DT:" + kJudge + "@" + std::to_string(at("2026-12-08", "08:00")));
}

TEST(DingTalkPunches, APayloadWithoutDataListIsRefused) {
  auto h = make_harness();
  auto r = h->deliver_event("attendance_check_record", Json::object({{"EventType", "x"}}));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(punch_count(*h), 0u);
}

}  // namespace
}  // namespace attendance::testing
