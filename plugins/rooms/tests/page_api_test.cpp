// SPDX-License-Identifier: Apache-2.0
// What the mini-app's pages read from the API to offer only what the server accepts: the
// caller's permissions, a booking's check-in window and rights, the day grid's
// hours, a hearing's next status steps.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class PageApi : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();

  Json booking(const std::string& user, int64_t id) {
    auto r = h->as(user).get("/bookings/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  Json mine(const std::string& user) {
    auto r = h->as(user).get("/my/bookings");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["bookings"];
  }
};

TEST_F(PageApi, MyPermissionsSayWhoMaySchedule) {
  Json judge = h->as(kJudge).get("/my/permissions").json();
  EXPECT_EQ(judge["court"].get<std::string>(), kCourt);
  EXPECT_TRUE(judge["schedules_hearings"].get<bool>());
  EXPECT_TRUE(judge["overrides_notice"].get<bool>());
  EXPECT_FALSE(judge["court_admin"].get<bool>());
  EXPECT_EQ(judge["horizon_days"], 92);
  EXPECT_EQ(judge["last_bookable_day"].get<std::string>(), format_date(add_days(today(), 92)));
  EXPECT_EQ(judge["checkin"]["before_minutes"], 10);
  EXPECT_EQ(judge["checkin"]["after_minutes"], 15);
  Json clerk = h->as(kClerk).get("/my/permissions").json();
  EXPECT_TRUE(clerk["schedules_hearings"].get<bool>());
  EXPECT_FALSE(clerk["overrides_notice"].get<bool>());
  Json staff = h->as(kStaff).get("/my/permissions").json();
  EXPECT_FALSE(staff["schedules_hearings"].get<bool>());
  EXPECT_TRUE(h->as(kAdmin).get("/my/permissions").json()["court_admin"].get<bool>());
  EXPECT_EQ(h->as_anonymous().get("/my/permissions").status, 403);
}

TEST_F(PageApi, MyBookingsSayWhenCheckInIsOpenAndWhoMayCheckIn) {
  Json body = booking_body("hp-301", 1, 540, 600, "庭务会");
  body["attendees"] = Json::array({kClerk});
  int64_t id = book(*h, kJudge, body);
  Json b = mine(kJudge).at(0);
  EXPECT_EQ(b["id"].get<int64_t>(), id);
  EXPECT_EQ(b["checkin_opens_at"].get<std::string>(), iso(1, 530));
  EXPECT_EQ(b["checkin_closes_at"].get<std::string>(), iso(1, 555));
  EXPECT_FALSE(b["checkin_open"].get<bool>());
  EXPECT_FALSE(b["can_check_in"].get<bool>());

  h->set_now_ms(at(1, 530) - 1);
  EXPECT_FALSE(mine(kJudge).at(0)["checkin_open"].get<bool>());
  h->set_now_ms(at(1, 530));
  EXPECT_TRUE(mine(kJudge).at(0)["checkin_open"].get<bool>());
  EXPECT_TRUE(mine(kJudge).at(0)["can_check_in"].get<bool>());
  EXPECT_TRUE(mine(kClerk).at(0)["can_check_in"].get<bool>()) << "attendees check in too";
  EXPECT_FALSE(booking(kStaff, id)["can_check_in"].get<bool>()) << "not invited";
  EXPECT_TRUE(booking(kAdmin, id)["can_check_in"].get<bool>());
  h->set_now_ms(at(1, 555) - 1);
  EXPECT_TRUE(mine(kJudge).at(0)["can_check_in"].get<bool>()) << "the last moment counts";
  h->set_now_ms(at(1, 555));
  EXPECT_FALSE(mine(kJudge).at(0)["checkin_open"].get<bool>());
  EXPECT_FALSE(mine(kJudge).at(0)["can_check_in"].get<bool>());

  // What the flag promises, the route keeps; the answer is already checked in.
  h->set_now_ms(at(1, 545));
  auto r = h->as(kClerk).post("/bookings/" + std::to_string(id) + "/checkin", Json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(r.json()["checkin_open"].get<bool>());
  EXPECT_FALSE(r.json()["can_check_in"].get<bool>());
  EXPECT_FALSE(r.json()["can_end"].get<bool>()) << "only the organizer or an admin ends it";
  EXPECT_TRUE(booking(kJudge, id)["can_end"].get<bool>());
}

TEST_F(PageApi, OnlyTheOrganizerOrAnAdminMayCancelAndSeriesCancelTheFollowing) {
  Json body = booking_body("hp-301", 1, 540, 600);
  body["attendees"] = Json::array({kClerk});
  int64_t one = book(*h, kJudge, body);
  Json b = booking(kJudge, one);
  EXPECT_TRUE(b["can_cancel"].get<bool>());
  EXPECT_FALSE(b["can_cancel_following"].get<bool>()) << "not a series";
  EXPECT_FALSE(booking(kClerk, one)["can_cancel"].get<bool>()) << "an attendee";
  EXPECT_TRUE(booking(kAdmin, one)["can_cancel"].get<bool>());

  Json series = booking_body("hp-301", 2, 540, 600);
  series["recurrence"] = Json::object({{"freq", "daily"}, {"count", 3}});
  auto r = h->as(kJudge).post("/bookings", series);
  ASSERT_EQ(r.status, 201) << r.body;
  Json first = r.json()["bookings"].at(0);
  EXPECT_TRUE(first["can_cancel_following"].get<bool>());

  r = h->as(kJudge).del("/bookings/" + std::to_string(one));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(r.json()["canceled"].at(0)["can_cancel"].get<bool>()) << "已取消";
  EXPECT_FALSE(booking(kJudge, one)["can_cancel"].get<bool>());
}

TEST_F(PageApi, TheDayGridKnowsEachRoomsHoursThatDayAndWhetherICanBookIt) {
  LocalDate saturday = next_weekday(6), monday = next_weekday(1);
  auto r = h->as(kStaff).get("/schedule?date=" + format_date(saturday));
  ASSERT_EQ(r.status, 200) << r.body;
  Json by_id = Json::object();
  for (Json doc = r.json(); auto& room : doc["rooms"]) by_id[room["id"].get<std::string>()] = room;
  EXPECT_TRUE(by_id["hp-101"]["hours"].is_null()) << "1号会议室 is closed on Saturdays";
  EXPECT_EQ(by_id["hp-301"]["hours"], "00:00-24:00");
  EXPECT_TRUE(by_id["hp-301"]["may_book"].get<bool>());
  EXPECT_FALSE(by_id["hp-tj1"]["may_book"].get<bool>()) << "调解室: judges and clerks";
  r = h->as(kStaff).get("/schedule?date=" + format_date(monday));
  for (Json doc = r.json(); auto& room : doc["rooms"])
    if (room["id"] == "hp-101") EXPECT_EQ(room["hours"], "08:00-18:00");
}

TEST_F(PageApi, AHearingSaysWhichStatusStepsTheCallerMayTakeNow) {
  Json body = Json::object(
      {{"case_number", "（2026）辽0102民初123号"},
       {"cause", "民间借贷纠纷"},
       {"mode", "online"},
       {"start", iso(5, 540)},
       {"end", iso(5, 660)},
       {"clerk", kClerk},
       {"parties", Json::array({Json::object(
                       {{"name", "张三"}, {"role", "原告"}, {"phone", "13812345678"}})})}});
  auto r = h->as(kJudge).post("/hearings", body);
  ASSERT_EQ(r.status, 201) << r.body;
  Json hearing = r.json();
  std::string path = "/hearings/" + std::to_string(hearing["id"].get<int64_t>());
  EXPECT_EQ(hearing["status"], "已通知");
  EXPECT_EQ(hearing["judge_name"], "赵红朋");
  EXPECT_EQ(hearing["clerk_name"], "肖德民");
  EXPECT_EQ(hearing["next_statuses"], Json::array({"测试通过", "已取消"}));
  EXPECT_TRUE(hearing["can_reschedule"].get<bool>());
  Json other = h->as(kStaff).get(path).json();
  EXPECT_EQ(other["next_statuses"], Json::array()) << "staff of the court only look";
  EXPECT_FALSE(other["can_reschedule"].get<bool>());

  ASSERT_EQ(h->as(kClerk).post(path + "/status", Json::object({{"status", "测试通过"}})).status,
            200);
  // 进行中 is the room's check-in: offered only inside its window.
  EXPECT_EQ(h->as(kClerk).get(path).json()["next_statuses"], Json::array({"已取消"}));
  h->set_now_ms(at(5, 535));
  Json now = h->as(kClerk).get(path).json();
  EXPECT_EQ(now["next_statuses"], Json::array({"进行中", "已取消"}));
  r = h->as(kClerk).post(path + "/status", Json::object({{"status", "进行中"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["next_statuses"], Json::array({"已结束"}));
  EXPECT_FALSE(r.json()["can_reschedule"].get<bool>());
  // The list carries the same.
  r = h->as(kJudge).get("/hearings?from=" + format_date(today()) +
                        "&to=" + format_date(add_days(today(), 7)));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["hearings"].at(0)["next_statuses"], Json::array({"已结束"}));
}

}  // namespace
}  // namespace rooms::testing
