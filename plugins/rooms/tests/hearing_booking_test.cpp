// SPDX-License-Identifier: Apache-2.0
// Bug 5: a hearing and its booking are one state machine. Whichever door is used — the
// booking's check-in and end over the API, the card's button, the robot's `signin`, the release
// job, or POST /hearings/{id}/status — both views agree afterwards.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class HearingBooking : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
  int64_t hearing = 0;
  int64_t booking = 0;

  // A hearing 5 days ahead, 09:00-10:00, told to the parties (已通知); no test has passed.
  void SetUp() override {
    auto r = h->as(kJudge).post("/hearings", hearing_body(5, 540, 600));
    ASSERT_EQ(r.status, 201) << r.body;
    hearing = r.json()["id"].get<int64_t>();
    booking = r.json()["booking"]["id"].get<int64_t>();
    ASSERT_EQ(r.json()["status"], "已通知");
  }
  Json hearing_now() {
    return h->as(kJudge).get("/hearings/" + std::to_string(hearing)).json();
  }
  std::string booking_path(const std::string& action) {
    return "/bookings/" + std::to_string(booking) + "/" + action;
  }
};

TEST_F(HearingBooking, CheckingTheBookingInOpensTheHearingAndEndingItEndsTheHearing) {
  h->set_now_ms(at(5, 535));
  auto r = h->as(kClerk).post(booking_path("checkin"), Json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  Json now = hearing_now();
  EXPECT_EQ(now["status"], "进行中") << "the hearing follows its room's check-in";
  EXPECT_EQ(now["started_at"].get<std::string>(), format_iso(at(5, 535)));
  EXPECT_EQ(now["booking"]["status"], "已签到");

  h->set_now_ms(at(5, 570));
  r = h->as(kJudge).post(booking_path("end"), Json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  now = hearing_now();
  EXPECT_EQ(now["status"], "已结束") << "the hearing ends with its room";
  EXPECT_EQ(now["ended_at"].get<std::string>(), format_iso(at(5, 570)));
  EXPECT_EQ(now["booking"]["status"], "已结束");
  EXPECT_EQ(now["booking"]["end"].get<std::string>(), iso(5, 570)) << "the rest handed back";
}

TEST_F(HearingBooking, TheCardsCheckInButtonOpensTheHearing) {
  h->set_now_ms(at(5, 535));
  auto r = h->as(kJudge).card_action(
      "rooms.checkin", Json::object({{"booking_id", std::to_string(booking)}}), "booking-card");
  ASSERT_TRUE(r.ok) << r.body.dump();
  EXPECT_EQ(r.body["userPrivateData"]["cardParamMap"]["result"], "ok") << r.body.dump();
  EXPECT_EQ(hearing_now()["status"], "进行中");
}

TEST_F(HearingBooking, TheRobotsSigninOpensTheHearing) {
  h->set_now_ms(at(5, 535));
  auto r = h->as(kClerk).command("signin " + std::to_string(booking));
  ASSERT_TRUE(r.ok) << r.text;
  Json now = hearing_now();
  EXPECT_EQ(now["status"], "进行中");
  EXPECT_EQ(now["booking"]["status"], "已签到");
}

TEST_F(HearingBooking, OpeningTheHearingFromNotifiedChecksTheRoomIn) {
  // No test slot has to pass first: 进行中 follows 已通知.
  h->set_now_ms(at(5, 535));
  auto r = h->as(kClerk).post("/hearings/" + std::to_string(hearing) + "/status",
                              Json::object({{"status", "进行中"}, {"reason", "当事人到庭"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "进行中");
  EXPECT_EQ(r.json()["booking"]["status"], "已签到");
  EXPECT_EQ(r.json()["note"], "当事人到庭");
  h->set_now_ms(at(5, 580));
  r = h->as(kClerk).post("/hearings/" + std::to_string(hearing) + "/status",
                         Json::object({{"status", "已结束"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["booking"]["status"], "已结束");
  // The booking's own view agrees.
  r = h->as(kJudge).get("/bookings/" + std::to_string(booking));
  EXPECT_EQ(r.json()["status"], "已结束");
  EXPECT_EQ(r.json()["end"].get<std::string>(), iso(5, 580));
}

TEST_F(HearingBooking, ABookingTheReleaseJobEndsEndsItsHearingToo) {
  // The room is taken right after: the job cannot extend the hearing and ends it at its time.
  book(*h, kStaff, booking_body("hp-ys1", 5, 600, 660));
  h->set_now_ms(at(5, 535));
  ASSERT_EQ(h->as(kClerk).post(booking_path("checkin"), Json::object()).status, 200);
  h->run_job("release", at(5, 601));
  Json now = hearing_now();
  EXPECT_EQ(now["booking"]["status"], "已结束");
  EXPECT_EQ(now["status"], "已结束");
}

}  // namespace
}  // namespace rooms::testing
