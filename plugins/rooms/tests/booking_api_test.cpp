// SPDX-License-Identifier: Apache-2.0
// The mini-app booking API through the harness: rooms, book, conflicts, validation,
// permissions, modify, cancel, free/busy, schedule, my bookings.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <algorithm>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class BookingApi : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
};

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST_F(BookingApi, RegistersWhatTheDocsList) {
  auto routes = h->routes();
  for (const char* r : {"GET /rooms",
                        "GET /rooms/{id}",
                        "GET /free",
                        "GET /schedule",
                        "POST /bookings",
                        "GET /bookings/{id}",
                        "PATCH /bookings/{id}",
                        "DELETE /bookings/{id}",
                        "POST /bookings/{id}/checkin",
                        "POST /bookings/{id}/end",
                        "GET /my/bookings",
                        "GET /my/permissions",
                        "POST /hearings",
                        "GET /hearings",
                        "GET /hearings/proposals",
                        "GET /hearings/{id}",
                        "POST /hearings/{id}/status",
                        "POST /hearings/{id}/reschedule",
                        "GET /public/announcements",
                        "GET /public/announcements.json",
                        "GET /admin/rooms",
                        "POST /admin/rooms",
                        "PATCH /admin/rooms/{id}",
                        "DELETE /admin/rooms/{id}",
                        "GET /admin/bookings"})
    EXPECT_TRUE(has(routes, r)) << r;
  // Colleagues are found through the host (GET /directory/people), not here.
  EXPECT_FALSE(has(routes, "GET /people"));
  EXPECT_EQ(routes.size(), 25u);
  EXPECT_EQ(h->commands(), (std::vector<std::string>{"rooms", "book", "my", "cancel", "signin"}));
  EXPECT_EQ(h->card_actions(), (std::vector<std::string>{"rooms.checkin", "rooms.cancel"}));
  EXPECT_EQ(h->subscriptions(), (std::vector<std::string>{"approvals.instance_finished",
                                                          "approvals.request_rejected"}));
  EXPECT_EQ(h->jobs(), (std::vector<std::string>{"remind */1 * * * * Asia/Shanghai",
                                                 "release */1 * * * * Asia/Shanghai"}));
}

TEST_F(BookingApi, RoomsOfMyCourtWithFilters) {
  auto r = h->as(kStaff).get("/rooms");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["court"].get<std::string>(), kCourt);
  EXPECT_EQ(r.json()["rooms"].size(), 7u);
  r = h->as(kStaff).get(
      "/rooms?capacity=15&equipment=%E8%A7%86%E9%A2%91%E4%BC%9A%E8%AE%AE%E7%BB%88%E7%AB%AF");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json()["rooms"].size(), 1u);  // 科技法庭: 40 people, video
  EXPECT_EQ(r.json()["rooms"].at(0)["id"], "hp-kj1");
  // The 调解室 is for judges and clerks: a 科员 sees it but may not book it.
  r = h->as(kStaff).get("/rooms/hp-tj1");
  EXPECT_FALSE(r.json()["may_book"].get<bool>());
  EXPECT_EQ(h->as(kStaff).get("/rooms/nope").status, 404);
  EXPECT_EQ(h->as_anonymous().get("/rooms").status, 403);
}

TEST_F(BookingApi, BookingReturns201AndSendsTheOrganizerACard) {
  auto r = h->as(kJudge).post("/bookings", Json::object({{"room_id", "hp-301"},
                                                         {"date", "明天"},
                                                         {"from", "09:00"},
                                                         {"to", "10:00"},
                                                         {"title", "党支部学习"},
                                                         {"attendees", Json::array({kClerk})}}));
  ASSERT_EQ(r.status, 201) << r.body;
  Json b = r.json()["bookings"].at(0);
  EXPECT_EQ(b["status"], "已预订");
  EXPECT_EQ(b["start"].get<std::string>(), iso(1, 540));
  EXPECT_EQ(b["room"]["name"], "3号会议室");
  EXPECT_EQ(b["organizer"].get<std::string>(), kJudge);
  EXPECT_EQ(b["attendee_count"], 2);
  int64_t id = b["id"].get<int64_t>();

  auto cards = outbox_to(*h, kJudge);
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(cards[0]["channel"], "card");
  Json card = cards[0]["msg"]["interactive_card"];
  EXPECT_EQ(card["template_id"], "courthub.rooms.booking");
  EXPECT_EQ(card["out_track_id"].get<std::string>(), "booking-" + std::to_string(id));
  EXPECT_EQ(card["card_data"]["booking_id"].get<std::string>(), std::to_string(id));
  EXPECT_EQ(card["card_data"]["room"], "3号会议室");
  EXPECT_EQ(card["card_data"]["status"], "已预订");
  for (auto& [k, v] : card["card_data"].items()) EXPECT_TRUE(v.is_string()) << k;
  // The attendee is invited.
  auto invites = outbox_to(*h, kClerk);
  ASSERT_EQ(invites.size(), 1u);
  EXPECT_NE(invites[0]["msg"]["markdown"]["text"].get<std::string>().find("党支部学习"),
            std::string::npos);
  // Anyone of the court may read it.
  EXPECT_EQ(h->as(kStaff).get("/bookings/" + std::to_string(id)).status, 200);
  EXPECT_EQ(h->as(kOtherJudge).get("/bookings/" + std::to_string(id)).status, 403);
}

TEST_F(BookingApi, OverlapIs409NamingTheBookingInTheWay) {
  int64_t first = book(*h, kJudge, booking_body("hp-301", 2, 540, 600, "党支部学习"));
  auto r = h->as(kClerk).post("/bookings", booking_body("hp-301", 2, 570, 630));
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_NE(error_message(r).find("#" + std::to_string(first) + " 党支部学习"), std::string::npos)
      << error_message(r);
  Json c = error_details(r)["conflicts"];
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c.at(0)["booking"]["id"].get<int64_t>(), first);
  EXPECT_EQ(c.at(0)["booking"]["organizer_name"], "赵红朋");
  // Back to back is fine.
  EXPECT_EQ(h->as(kClerk).post("/bookings", booking_body("hp-301", 2, 600, 630)).status, 201);
}

// Below the plugin's own check, the database refuses an overlap whatever writes it: triggers on
// SQLite, the exclusion constraint on PostgreSQL (postgres:rooms_plugin_test).
TEST_F(BookingApi, TheDatabaseItselfRefusesAnOverlapOnOneRoom) {
  int64_t first = book(*h, kJudge, booking_body("hp-301", 2, 540, 600));
  const std::string insert =
      "INSERT INTO bookings(room_id, court, start_ms, end_ms, title, organizer, status, "
      "created_ms, updated_ms) VALUES (?, ?, ?, ?, 'x', ?, ?, 0, 0)";
  auto plant = [&](const std::string& room, int from, int to, const std::string& status) {
    h->query(insert, {Json(room), Json(kCourt), Json(at(2, from)), Json(at(2, to)), Json(kClerk),
                      Json(status)});
  };
  try {
    plant("hp-301", 590, 620, "已预订");
    FAIL() << "an overlapping booking was stored";
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::Conflict) << e.what();
  }
  // Back to back, another room, or a booking that holds no slot: all stored.
  EXPECT_NO_THROW(plant("hp-301", 600, 630, "已预订"));
  EXPECT_NO_THROW(plant("hp-205", 540, 600, "已预订"));
  EXPECT_NO_THROW(plant("hp-301", 550, 560, "已取消"));
  // Moving a booking onto another, or reviving a canceled one in its slot, is refused too.
  int64_t later = book(*h, kJudge, booking_body("hp-301", 2, 700, 760));
  EXPECT_THROW(h->query("UPDATE bookings SET start_ms = ?, end_ms = ? WHERE id = ?",
                        {Json(at(2, 560)), Json(at(2, 620)), Json(later)}),
               courthub::Error);
  EXPECT_THROW(h->query("UPDATE bookings SET status = '已预订' WHERE status = '已取消'"),
               courthub::Error);
  EXPECT_EQ(status_of(*h, first), "已预订");
}

TEST_F(BookingApi, ValidationErrorsAre400WithEveryField) {
  auto r = h->as(kJudge).post("/bookings", Json::object({{"start", "tomorrow"},
                                                         {"end", iso(1, 600)},
                                                         {"attendees", Json::array({"nobody"})},
                                                         {"colour", "red"}}));
  ASSERT_EQ(r.status, 400) << r.body;
  std::string fields;
  for (courthub::Json doc = error_details(r); auto& f : doc["fields"])
    fields += f["field"].get<std::string>() + " ";
  EXPECT_NE(fields.find("/room_id"), std::string::npos) << fields;
  EXPECT_NE(fields.find("/start"), std::string::npos) << fields;
  EXPECT_NE(fields.find("/colour"), std::string::npos) << fields;

  r = h->as(kJudge).post("/bookings", Json::object({{"room_id", "hp-205"},
                                                    {"start", iso(1, 540)},
                                                    {"end", iso(1, 600)},
                                                    {"attendees", Json::array({"nobody"})},
                                                    {"attendee_count", 12}}));
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("/attendees/0"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("最多容纳 8 人"), std::string::npos) << r.body;

  r = h->as(kJudge).post("/bookings", booking_body("hp-301", -1, 540, 600));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_message(r).find("已经过去"), std::string::npos) << r.body;
  r = h->as(kJudge).post("/bookings", booking_body("hp-301", 120, 540, 600));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_message(r).find("最远只能预订到"), std::string::npos) << r.body;
  EXPECT_EQ(h->as(kJudge).post("/bookings", booking_body("nope", 1, 540, 600)).status, 404);
}

TEST_F(BookingApi, BookableHoursBindStaffButNotCourtAdmins) {
  LocalDate monday = next_weekday(1);
  int days = static_cast<int>(days_between(today(), monday));
  auto r = h->as(kJudge).post("/bookings", booking_body("hp-101", days, 18 * 60, 19 * 60));
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(error_message(r).find("08:00-18:00"), std::string::npos) << r.body;
  r = h->as(kJudge).post("/bookings", booking_body("hp-101", days + 5, 600, 660));  // Saturday
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(error_message(r).find("周六"), std::string::npos) << r.body;
  EXPECT_EQ(h->as(kAdmin).post("/bookings", booking_body("hp-101", days, 18 * 60, 19 * 60)).status,
            201);
}

TEST_F(BookingApi, WhoMayBook) {
  EXPECT_EQ(h->as(kOtherJudge).post("/bookings", booking_body("hp-301", 1, 540, 600)).status, 403);
  auto r = h->as(kStaff).post("/bookings", booking_body("hp-tj1", 1, 540, 600));
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(error_message(r).find("judge"), std::string::npos) << r.body;
  EXPECT_EQ(h->as(kClerk).post("/bookings", booking_body("hp-tj1", 1, 540, 600)).status, 201);
  EXPECT_EQ(h->as_anonymous().post("/bookings", booking_body("hp-301", 1, 540, 600)).status, 403);
  // The operator books for someone, and must say for whom.
  EXPECT_EQ(h->as_admin().post("/bookings", booking_body("hp-301", 3, 540, 600)).status, 400);
  Json body = booking_body("hp-301", 3, 540, 600);
  body["organizer"] = kStaff;
  auto made = h->as_admin().post("/bookings", body);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["bookings"].at(0)["organizer_name"], "王科员");
  // A judge may not book on someone else's behalf.
  body = booking_body("hp-301", 4, 540, 600);
  body["organizer"] = kStaff;
  EXPECT_EQ(h->as(kJudge).post("/bookings", body).status, 403);
}

TEST_F(BookingApi, ModifyMovesTheBookingUnderTheSameRules) {
  int64_t id = book(*h, kJudge, booking_body("hp-301", 1, 540, 600, "庭务会"));
  int64_t other = book(*h, kClerk, booking_body("hp-301", 1, 660, 720));
  std::string path = "/bookings/" + std::to_string(id);
  auto r = h->as(kJudge).patch(
      path,
      Json::object({{"start", iso(1, 600)}, {"end", iso(1, 650)}, {"title", "庭务会（改）"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["start"].get<std::string>(), iso(1, 600));
  EXPECT_EQ(r.json()["title"], "庭务会（改）");
  r = h->as(kJudge).patch(path, Json::object({{"end", iso(1, 690)}}));
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(error_details(r)["conflicts"].at(0)["booking"]["id"].get<int64_t>(), other);
  r = h->as(kJudge).patch(path, Json::object({{"room_id", "hp-205"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["room"]["id"], "hp-205");
  EXPECT_EQ(h->as(kStaff).patch(path, Json::object({{"title", "x"}})).status, 403);
  EXPECT_EQ(h->as(kAdmin).patch(path, Json::object({{"title", "管理员改"}})).status, 200);
  EXPECT_EQ(h->as(kJudge).patch(path, Json::object({{"colour", "red"}})).status, 400);
}

TEST_F(BookingApi, CancelFreesTheSlotAndAnAdminsCancelIsToldToTheOrganizer) {
  int64_t id = book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  EXPECT_EQ(h->as(kStaff).del("/bookings/" + std::to_string(id)).status, 403);
  auto r = h->as(kJudge).del("/bookings/" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["canceled"].at(0)["status"], "已取消");
  EXPECT_EQ(h->as(kJudge).del("/bookings/" + std::to_string(id)).status, 409);
  size_t told_before = outbox_to(*h, kJudge).size();
  int64_t again = book(*h, kClerk, booking_body("hp-301", 1, 540, 600));
  r = h->as(kAdmin).del("/bookings/" + std::to_string(again) +
                        "?reason=%E9%99%A2%E9%87%8C%E5%BC%80%E4%BC%9A");
  ASSERT_EQ(r.status, 200) << r.body;
  auto told = outbox_to(*h, kClerk);
  ASSERT_FALSE(told.empty());
  std::string text = told.back()["msg"]["markdown"]["text"].get<std::string>();
  EXPECT_NE(text.find("预订已取消"), std::string::npos) << text;
  EXPECT_NE(text.find("由余磊龙取消：院里开会"), std::string::npos) << text;
  EXPECT_EQ(outbox_to(*h, kJudge).size(), told_before) << "the judge canceled their own";
}

TEST_F(BookingApi, FreeBusyListsFreeAndBusyRooms) {
  int64_t id = book(*h, kJudge, booking_body("hp-kj1", 1, 540, 600, "合议"));
  auto r = h->as(kStaff).get("/free?start=" + iso(1, 570).replace(19, 1, "%2B") +
                             "&end=" + iso(1, 630).replace(19, 1, "%2B") + "&capacity=10");
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::string> free, busy;
  for (courthub::Json doc = r.json(); auto& x : doc["free"])
    free.push_back(x["id"].get<std::string>());
  for (courthub::Json doc = r.json(); auto& x : doc["busy"])
    busy.push_back(x["id"].get<std::string>());
  EXPECT_TRUE(has(free, "hp-301"));
  EXPECT_TRUE(has(busy, "hp-kj1"));
  EXPECT_FALSE(has(free, "hp-205")) << "8 seats < 10";
  for (courthub::Json doc = r.json(); auto& x : doc["busy"])
    if (x["id"].get<std::string>() == "hp-kj1") EXPECT_EQ(x["busy"].at(0)["id"].get<int64_t>(), id);
  // Date words work in the query too.
  r = h->as(kStaff).get("/free?date=%E6%98%8E%E5%A4%A9&from=09:00&to=10:00");  // 明天
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["start"].get<std::string>(), iso(1, 540));
  EXPECT_EQ(h->as(kStaff).get("/free?date=2026-02-30&from=09:00&to=10:00").status, 400);
}

TEST_F(BookingApi, ScheduleShowsEveryRoomsDay) {
  book(*h, kJudge, booking_body("hp-301", 1, 540, 600, "甲"));
  book(*h, kJudge, booking_body("hp-301", 1, 660, 720, "乙"));
  auto r = h->as(kStaff).get("/schedule?date=" + format_date(add_days(today(), 1)));
  ASSERT_EQ(r.status, 200) << r.body;
  for (courthub::Json doc = r.json(); auto& room : doc["rooms"])
    if (room["id"].get<std::string>() == "hp-301") {
      ASSERT_EQ(room["bookings"].size(), 2u);
      EXPECT_EQ(room["bookings"].at(0)["title"], "甲");
    }
  // Another court's staff see when the rooms are busy, not what for.
  r = h->as(kOtherJudge)
          .get("/schedule?court=" + kCourt + "&date=" + format_date(add_days(today(), 1)));
  ASSERT_EQ(r.status, 200) << r.body;
  for (courthub::Json doc = r.json(); auto& room : doc["rooms"])
    if (room["id"].get<std::string>() == "hp-301") {
      ASSERT_EQ(room["bookings"].size(), 2u);
      EXPECT_FALSE(room["bookings"].at(0).contains("title"));
      EXPECT_TRUE(room["bookings"].at(0).contains("start"));
    }
}

TEST_F(BookingApi, MyBookingsListsWhatIOrganizeAndAttend) {
  Json body = booking_body("hp-301", 1, 540, 600);
  body["attendees"] = Json::array({kStaff});
  book(*h, kJudge, body);
  book(*h, kStaff, booking_body("hp-205", 2, 540, 600));
  auto r = h->as(kStaff).get("/my/bookings");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["bookings"].size(), 2u);
  EXPECT_EQ(h->as(kJudge).get("/my/bookings").json()["bookings"].size(), 1u);
}

}  // namespace
}  // namespace rooms::testing
