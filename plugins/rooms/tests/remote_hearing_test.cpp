// SPDX-License-Identifier: Apache-2.0
// Remote hearings: proposals, scheduling with a test slot, party notices, the notice rule and
// its override, the status machine, rescheduling, release and overrun.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <algorithm>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class RemoteHearing : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();

  Json create(const std::string& user, const Json& body, int expect = 201) {
    auto r = h->as(user).post("/hearings", body);
    EXPECT_EQ(r.status, expect) << r.body;
    return r.status == 201 ? r.json() : Json();
  }
  courthub::testing::HttpResult move(const std::string& user, int64_t id, const std::string& to) {
    return h->as(user).post("/hearings/" + std::to_string(id) + "/status",
                            Json::object({{"status", to}}));
  }
};

TEST_F(RemoteHearing, ProposalsAreFreeVideoRoomsHearingRoomsFirst) {
  auto r = h->as(kJudge).get("/hearings/proposals?date=" + format_date(add_days(today(), 5)) +
                             "&from=09:00&to=11:00");
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::string> ids;
  for (courthub::Json doc = r.json(); auto& room : doc["rooms"])
    ids.push_back(room["id"].get<std::string>());
  EXPECT_EQ(ids, (std::vector<std::string>{"hp-ys1", "hp-kj1", "hp-205"}));
  book(*h, kClerk, booking_body("hp-ys1", 5, 600, 660));
  r = h->as(kJudge).get("/hearings/proposals?date=" + format_date(add_days(today(), 5)) +
                        "&from=09:00&to=11:00");
  EXPECT_EQ(r.json()["rooms"].at(0)["id"], "hp-kj1");
}

TEST_F(RemoteHearing, SchedulingBooksARoomATestSlotAndTellsTheParties) {
  Json hearing = create(kJudge, hearing_body(5, 540, 660));
  EXPECT_EQ(hearing["status"], "已通知");
  EXPECT_EQ(hearing["case_number"], "（2026）辽0102民初123号");
  EXPECT_EQ(hearing["room"]["id"], "hp-ys1") << "the first proposal";
  EXPECT_EQ(hearing["judge"].get<std::string>(), kJudge);
  EXPECT_EQ(hearing["booking"]["purpose"], "hearing");
  ASSERT_TRUE(hearing["test_slot"].is_object());
  EXPECT_EQ(hearing["test_slot"]["start"].get<std::string>(), iso(4, 540)) << "T-1 day, same time";
  EXPECT_EQ(hearing["test_slot"]["purpose"], "hearing_test");
  EXPECT_TRUE(hearing["warnings"].empty());
  // The party on DingTalk gets the notice; the clerk and organizer get the others' phones.
  auto party = outbox_to(*h, kStaff);
  ASSERT_EQ(party.size(), 1u);
  std::string notice = party[0]["msg"]["markdown"]["text"].get<std::string>();
  EXPECT_NE(notice.find("开庭通知"), std::string::npos) << notice;
  EXPECT_NE(notice.find("（2026）辽0102民初123号"), std::string::npos) << notice;
  EXPECT_NE(notice.find("庭前测试"), std::string::npos) << notice;
  bool manual = false;
  for (auto& m : outbox_to(*h, kClerk)) {
    std::string text = m["msg"].dump();
    if (text.find("13812345678") != std::string::npos &&
        text.find("13900001111") != std::string::npos)
      manual = true;
  }
  EXPECT_TRUE(manual) << "the clerk is asked to notify the parties off DingTalk";
  // The room and the test slot are taken.
  EXPECT_EQ(h->as(kClerk).post("/bookings", booking_body("hp-ys1", 5, 600, 630)).status, 409);
  EXPECT_EQ(h->as(kClerk).post("/bookings", booking_body("hp-ys1", 4, 540, 570)).status, 409);
}

TEST_F(RemoteHearing, LessThanThreeDaysAheadNeedsAJudgesOverride) {
  Json early = hearing_body(1, 540, 600);
  early["judge"] = kJudge;
  auto r = h->as(kClerk).post("/hearings", early);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(error_message(r).find("至少提前 3 天"), std::string::npos) << r.body;
  Json body = hearing_body(1, 540, 600);
  body["override_notice"] = true;
  body["override_reason"] = "被告人羁押期限将满";
  body["judge"] = kJudge;
  EXPECT_EQ(h->as(kClerk).post("/hearings", body).status, 403) << "a clerk may not override";
  body.erase("override_reason");
  EXPECT_EQ(h->as(kJudge).post("/hearings", body).status, 400) << "the reason is required";
  body["override_reason"] = "被告人羁押期限将满";
  Json hearing = create(kJudge, body);
  EXPECT_TRUE(hearing["notice_override"].get<bool>());
  EXPECT_EQ(hearing["override_by"].get<std::string>(), kJudge);
}

TEST_F(RemoteHearing, BadCaseNumbersPartiesAndRoomsAre400) {
  Json body = hearing_body(5, 540, 600);
  body["case_number"] = "2026民初123";
  body["parties"] = Json::array({Json::object({{"name", "张三"}, {"role", "原告"}})});
  body["mode"] = "video";
  auto r = h->as(kJudge).post("/hearings", body);
  ASSERT_EQ(r.status, 400) << r.body;
  for (const char* field : {"/case_number", "/parties/0", "/mode"})
    EXPECT_NE(r.body.find(std::string("\"") + field + "\""), std::string::npos) << field;
  EXPECT_NE(r.body.find("（2026）辽0102民初123号"), std::string::npos) << "an example";
  body = hearing_body(5, 540, 600);
  body["room_id"] = "hp-301";  // no video terminal
  r = h->as(kJudge).post("/hearings", body);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("视频会议终端"), std::string::npos) << r.body;
  EXPECT_EQ(h->as(kStaff).post("/hearings", hearing_body(5, 540, 600)).status, 403);
}

TEST_F(RemoteHearing, APartysUserIdMustBeAPersonInTheDirectory) {
  // A party's user_id grants view access to the hearing, so it must name a real person.
  Json body = hearing_body(5, 540, 600);
  body["parties"][2]["user_id"] = "LN-BC-SY-01-999";
  auto r = h->as(kJudge).post("/hearings", body);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("\"/parties/2/user_id\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("LN-BC-SY-01-999"), std::string::npos) << r.body;
  create(kJudge, hearing_body(5, 540, 600));
}

TEST_F(RemoteHearing, TheStatusMachineRefusesIllegalMovesWith409) {
  int64_t id = create(kJudge, hearing_body(5, 540, 600))["id"].get<int64_t>();
  auto r = move(kJudge, id, "已结束");
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_NE(error_message(r).find("当前为 已通知，不能变为 已结束"), std::string::npos) << r.body;
  EXPECT_EQ(move(kJudge, id, "已通知").status, 400) << "set by the system only";
  EXPECT_EQ(move(kStaff, id, "测试通过").status, 403);
  r = move(kClerk, id, "测试通过");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "测试通过");
  EXPECT_FALSE(r.json()["test_passed_at"].is_null());
  EXPECT_EQ(move(kJudge, id, "已结束").status, 409);
  r = move(kJudge, id, "进行中");
  EXPECT_EQ(r.status, 409) << "five days early: outside the room's check-in window";
  EXPECT_NE(error_message(r).find("签到"), std::string::npos) << r.body;
  r = move(kJudge, id, "已取消");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["booking"]["status"], "已取消");
  EXPECT_EQ(r.json()["test_slot"]["status"], "已取消");
  EXPECT_EQ(move(kJudge, id, "测试通过").status, 409);
  // The parties are told it is off.
  bool told = false;
  for (auto& m : outbox_to(*h, kStaff))
    told = told || m["msg"].dump().find("取消开庭通知") != std::string::npos;
  EXPECT_TRUE(told);
}

TEST_F(RemoteHearing, AHearingHappeningNowRunsToTheEndAndOverrunsIfTheRoomIsFree) {
  int64_t s = 0, e = 0;
  auto body = hearing_starting_now(s, e);
  if (!body) GTEST_SKIP() << "too close to midnight for an extension test";
  Json hearing = create(kJudge, *body);
  int64_t id = hearing["id"].get<int64_t>();
  EXPECT_FALSE(hearing["warnings"].empty()) << "no time left for a test slot";
  ASSERT_EQ(move(kClerk, id, "测试通过").status, 200);
  auto r = move(kClerk, id, "进行中");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["booking"]["status"], "已签到");
  // Still in progress at the booking's end: the release job extends it by 30 minutes.
  h->run_job("release", e);
  r = h->as(kJudge).get("/hearings/" + std::to_string(id));
  EXPECT_EQ(r.json()["booking"]["end_ms"].get<int64_t>(), e + 30 * kMinuteMs);
  EXPECT_EQ(r.json()["booking"]["status"], "已签到");
  r = move(kJudge, id, "已结束");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["booking"]["status"], "已结束");
  EXPECT_EQ(move(kJudge, id, "已取消").status, 409);
}

TEST_F(RemoteHearing, RescheduleMakesANewHearingAndFreesTheOldSlot) {
  int64_t id = create(kJudge, hearing_body(5, 540, 600))["id"].get<int64_t>();
  auto r = h->as(kClerk).post(
      "/hearings/" + std::to_string(id) + "/reschedule",
      Json::object({{"start", iso(6, 570)}, {"end", iso(6, 630)}, {"reason", "被告申请延期"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  Json next = r.json();
  EXPECT_EQ(next["rescheduled_from"].get<int64_t>(), id);
  EXPECT_EQ(next["status"], "已通知");
  EXPECT_EQ(next["room"]["id"], "hp-ys1");
  Json old = h->as(kJudge).get("/hearings/" + std::to_string(id)).json();
  EXPECT_EQ(old["status"], "已改期");
  EXPECT_EQ(old["rescheduled_to"].get<int64_t>(), next["id"].get<int64_t>());
  EXPECT_EQ(old["booking"]["status"], "已取消");
  EXPECT_EQ(h->as(kClerk).post("/bookings", booking_body("hp-ys1", 5, 540, 570)).status, 201)
      << "the old slot is free (the new test slot starts at 09:30 that day)";
  bool told = false;
  for (auto& m : outbox_to(*h, kStaff))
    told = told || m["msg"].dump().find("改期开庭通知") != std::string::npos;
  EXPECT_TRUE(told);
  EXPECT_EQ(h->as(kJudge)
                .post("/hearings/" + std::to_string(id) + "/reschedule",
                      Json::object({{"start", iso(7, 540)}, {"end", iso(7, 600)}}))
                .status,
            409)
      << "a rescheduled hearing is final";
}

TEST_F(RemoteHearing, HearingsAreListedForTheirOwnCourtOnly) {
  create(kJudge, hearing_body(5, 540, 600));
  auto r = h->as(kStaff).get("/hearings?to=" + format_date(add_days(today(), 10)));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["hearings"].size(), 1u);
  EXPECT_EQ(h->as(kOtherJudge).get("/hearings?court=" + kCourt).status, 403);
  int64_t id = r.json()["hearings"].at(0)["id"].get<int64_t>();
  EXPECT_EQ(h->as(kOtherJudge).get("/hearings/" + std::to_string(id)).status, 403);
}

TEST_F(RemoteHearing, NobodyCheckingInReleasesTheHearing) {
  Json hearing = create(kJudge, hearing_body(5, 540, 600));
  int64_t id = hearing["id"].get<int64_t>();
  h->run_job("release", at(5, 555));
  Json now = h->as(kJudge).get("/hearings/" + std::to_string(id)).json();
  EXPECT_EQ(now["status"], "已释放");
  EXPECT_EQ(now["booking"]["status"], "已释放");
}

TEST_F(RemoteHearing, AJudgeCannotSitInTwoHearingsAtOnce) {
  int64_t first = create(kJudge, hearing_body(5, 540, 660))["id"].get<int64_t>();
  Json body = hearing_body(5, 600, 700);
  body["case_number"] = "（2026）辽0102民初124号";
  body["clerk"] = kStaff;
  body["room_id"] = "hp-kj1";
  auto r = h->as(kJudge).post("/hearings", body);
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_NE(error_message(r).find("审判长"), std::string::npos) << r.body;
  Json c = error_details(r)["conflicts"].at(0);
  EXPECT_EQ(c["user_id"].get<std::string>(), kJudge);
  EXPECT_EQ(c["role"], "judge");
  EXPECT_EQ(c["name"], "赵红朋");
  EXPECT_EQ(c["with"]["hearing_id"].get<int64_t>(), first);
  EXPECT_EQ(c["with"]["start"].get<std::string>(), iso(5, 540));
}

TEST_F(RemoteHearing, ARoomThatNeedsApprovalWaitsBeforeTellingTheParties) {
  // Make the hearing room need approval; the clerk books, approvals agrees.
  ASSERT_EQ(h->as(kAdmin).patch("/admin/rooms/hp-ys1", Json::object({{"approval", true}})).status,
            200);
  h->set_plugin_active("approvals", true);
  Json body = hearing_body(5, 540, 600);
  body["room_id"] = "hp-ys1";
  body["judge"] = kJudge;
  Json hearing = create(kClerk, body);
  EXPECT_EQ(hearing["status"], "已预约");
  EXPECT_EQ(hearing["booking"]["status"], "待审批");
  EXPECT_TRUE(outbox_to(*h, kStaff).empty()) << "no notice before the room is confirmed";
  int64_t booking = hearing["booking"]["id"].get<int64_t>();
  std::vector<Json> asked;  // the hearing's own events (hearing_events_test.cpp) aside
  for (auto& e : h->published())
    if (e["topic"] != "rooms.hearing_scheduled" && e["topic"] != "rooms.hearing_changed")
      asked.push_back(e);
  ASSERT_EQ(asked.size(), 1u) << "one request, published with the hearing's transaction";
  EXPECT_EQ(asked[0]["topic"], "rooms.approval_requested");
  EXPECT_EQ(asked[0]["payload"]["request_id"].get<std::string>(),
            "booking:" + std::to_string(booking));
  ASSERT_TRUE(h->deliver_event("approvals.instance_finished",
                               Json::object({{"source", "rooms"},
                                             {"result", "agree"},
                                             {"request_id", "booking:" + std::to_string(booking)}}))
                  .ok);
  Json now = h->as(kClerk).get("/hearings/" + std::to_string(hearing["id"].get<int64_t>())).json();
  EXPECT_EQ(now["status"], "已通知");
  EXPECT_EQ(now["test_slot"]["status"], "已预订") << "decided with the hearing";
  EXPECT_EQ(outbox_to(*h, kStaff).size(), 1u);
}

// Issue 15, bug 2: a hearing canceled or rescheduled while its room waits for approval takes the
// approval with it (one request for the hearing and its test slot, canceled once).
TEST_F(RemoteHearing, CancelingOrReschedulingAPendingHearingCancelsItsApproval) {
  ASSERT_EQ(h->as(kAdmin).patch("/admin/rooms/hp-ys1", Json::object({{"approval", true}})).status,
            200);
  h->set_plugin_active("approvals", true);
  auto canceled = [&] {
    std::vector<std::string> ids;
    for (auto& e : h->published())
      if (e["topic"] == "rooms.approval_canceled")
        ids.push_back(e["payload"]["request_id"].get<std::string>());
    return ids;
  };
  Json body = hearing_body(5, 540, 600);
  body["room_id"] = "hp-ys1";
  body["judge"] = kJudge;
  Json first = create(kClerk, body);
  ASSERT_EQ(first["booking"]["status"], "待审批");
  ASSERT_EQ(move(kClerk, first["id"].get<int64_t>(), "已取消").status, 200);
  EXPECT_EQ(canceled(), (std::vector<std::string>{
                            "booking:" + std::to_string(first["booking"]["id"].get<int64_t>())}));

  body["start"] = iso(6, 540);
  body["end"] = iso(6, 600);
  Json second = create(kClerk, body);
  ASSERT_EQ(second["booking"]["status"], "待审批");
  auto r = h->as(kClerk).post("/hearings/" + std::to_string(second["id"].get<int64_t>()) +
                                  "/reschedule",
                              Json::object({{"start", iso(7, 540)}, {"end", iso(7, 600)}}));
  ASSERT_EQ(r.status, 201) << r.body;
  auto ids = canceled();
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[1], "booking:" + std::to_string(second["booking"]["id"].get<int64_t>()));
}

}  // namespace
}  // namespace rooms::testing
