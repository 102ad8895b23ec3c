// SPDX-License-Identifier: Apache-2.0
// Admin routes: court admins manage the rooms of their own court and see all its bookings; API
// edits win over the settings across a reload.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <filesystem>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class AdminRoutes : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
};

TEST_F(AdminRoutes, ACourtAdminCreatesUpdatesAndRetiresRooms) {
  auto r = h->as(kAdmin).post("/admin/rooms", Json::object({{"name", "5号会议室"},
                                                            {"capacity", 12},
                                                            {"equipment", Json::array({"投屏"})},
                                                            {"open_hours", "08:30-17:30"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  std::string id = r.json()["id"].get<std::string>();
  EXPECT_EQ(id, "ln-bc-sy-01-r1");
  EXPECT_EQ(r.json()["court"].get<std::string>(), kCourt);
  EXPECT_EQ(r.json()["managed_by"], "api");
  EXPECT_EQ(r.json()["open_days"].size(), 5u) << "default weekdays";
  r = h->as(kAdmin).patch("/admin/rooms/" + id, Json::object({{"capacity", 14}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["capacity"], 14);
  EXPECT_EQ(r.json()["name"], "5号会议室");
  // Retire: existing bookings stay (and are counted), new ones are refused.
  int64_t kept = book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  r = h->as(kAdmin).del("/admin/rooms/hp-301");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()["retired"].get<bool>());
  EXPECT_EQ(r.json()["future_bookings"], 1);
  EXPECT_EQ(status_of(*h, kept), "已预订");
  r = h->as(kJudge).post("/bookings", booking_body("hp-301", 2, 540, 600));
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(error_message(r).find("已停用"), std::string::npos) << r.body;
  EXPECT_EQ(h->as(kStaff).get("/rooms").json()["rooms"].size(), 7u);  // 7 - 1 + 1
  EXPECT_EQ(h->as(kAdmin).get("/admin/rooms").json()["rooms"].size(), 8u);
  // And back.
  EXPECT_EQ(h->as(kAdmin).patch("/admin/rooms/hp-301", Json::object({{"retired", false}})).status,
            200);
}

TEST_F(AdminRoutes, ARetiredRoomTakesNoEditsButARestore) {
  int64_t kept = book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  ASSERT_EQ(h->as(kAdmin).del("/admin/rooms/hp-301").status, 200);
  // Its bookings stay, at their times: moving one within the retired room is a new slot there.
  const std::string path = "/bookings/" + std::to_string(kept);
  auto r = h->as(kJudge).patch(path, Json::object({{"start", iso(1, 600)}, {"end", iso(1, 660)}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(error_message(r).find("已停用"), std::string::npos) << r.body;
  r = h->as(kJudge).patch(path, Json::object({{"end", iso(1, 630)}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(h->as(kJudge).patch(path, Json::object({{"title", "改个标题"}})).status, 200);
  // Into a retired room from elsewhere: refused too.
  int64_t other = book(*h, kJudge, booking_body("hp-205", 1, 540, 600));
  r = h->as(kJudge).patch("/bookings/" + std::to_string(other),
                          Json::object({{"room_id", "hp-301"}}));
  EXPECT_EQ(r.status, 409) << r.body;
  // The room itself: only a restore, which may carry other fields.
  r = h->as(kAdmin).patch("/admin/rooms/hp-301", Json::object({{"capacity", 20}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(error_message(r).find("已停用"), std::string::npos) << r.body;
  r = h->as(kAdmin).patch("/admin/rooms/hp-301",
                          Json::object({{"retired", true}, {"capacity", 20}}));
  EXPECT_EQ(r.status, 409) << r.body;
  r = h->as(kAdmin).patch("/admin/rooms/hp-301",
                          Json::object({{"retired", false}, {"capacity", 20}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["capacity"], 20);
  EXPECT_FALSE(r.json()["retired"].get<bool>());
}

TEST_F(AdminRoutes, OnlyTheCourtsOwnAdminsMayManageIt) {
  Json room = Json::object({{"name", "X"}, {"capacity", 5}});
  EXPECT_EQ(h->as(kJudge).post("/admin/rooms", room).status, 403);
  EXPECT_EQ(h->as(kOtherAdmin).patch("/admin/rooms/hp-301", Json::object({{"capacity", 1}})).status,
            403);
  Json other = room;
  other["court"] = kCourt;
  EXPECT_EQ(h->as(kOtherAdmin).post("/admin/rooms", other).status, 403);
  EXPECT_EQ(h->as(kJudge).get("/admin/bookings").status, 403);
  EXPECT_EQ(h->as(kPresident).get("/admin/bookings").status, 200) << "the president too";
  // The operator acts on any court but must name it.
  EXPECT_EQ(h->as_admin().post("/admin/rooms", room).status, 400);
  EXPECT_EQ(h->as_admin().post("/admin/rooms", other).status, 201);
}

TEST_F(AdminRoutes, BadRoomsAre400WithFieldsAndNamesAreUnique) {
  auto r = h->as(kAdmin).post(
      "/admin/rooms",
      Json::object({{"id", "Bad Id"}, {"kind", "礼堂"}, {"capacity", -1}, {"open_hours", "9-5"}}));
  ASSERT_EQ(r.status, 400) << r.body;
  for (const char* f : {"/id", "/name", "/kind", "/capacity", "/open_hours"})
    EXPECT_NE(r.body.find(std::string("\"") + f + "\""), std::string::npos) << f;
  r = h->as(kAdmin).post("/admin/rooms", Json::object({{"name", "3号会议室"}, {"capacity", 5}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(h->as(kAdmin).patch("/admin/rooms/hp-301", Json::object({{"court", "LN-HC"}})).status,
            400);
  EXPECT_EQ(h->as(kAdmin).patch("/admin/rooms/nope", Json::object()).status, 404);
}

TEST_F(AdminRoutes, AllBookingsOfTheCourtWithFilters) {
  book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  book(*h, kClerk, booking_body("hp-205", 2, 540, 600));
  int64_t canceled = book(*h, kClerk, booking_body("hp-205", 3, 540, 600));
  h->as(kClerk).del("/bookings/" + std::to_string(canceled));
  auto r = h->as(kAdmin).get("/admin/bookings");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["bookings"].size(), 3u);
  EXPECT_EQ(h->as(kAdmin).get("/admin/bookings?room=hp-205").json()["bookings"].size(), 2u);
  EXPECT_EQ(h->as(kAdmin)
                .get("/admin/bookings?status=%E5%B7%B2%E5%8F%96%E6%B6%88")  // 已取消
                .json()["bookings"]
                .size(),
            1u);
  EXPECT_EQ(h->as(kAdmin).get("/admin/bookings?limit=1&offset=1").json()["bookings"].size(), 1u);
  EXPECT_EQ(h->as(kAdmin).get("/admin/bookings?status=done").status, 400);
  EXPECT_TRUE(h->as(kOtherAdmin).get("/admin/bookings").json()["bookings"].empty());
}

TEST_F(AdminRoutes, ApiEditsSurviveAReloadWithChangedSettings) {
  std::string dir =
      (std::filesystem::temp_directory_path() / ("rooms-reload-" + std::to_string(now_ms())))
          .string();
  Json settings = test_settings();
  {
    auto first = make_harness(settings, dir);
    ASSERT_EQ(
        first->as(kAdmin).patch("/admin/rooms/hp-301", Json::object({{"capacity", 33}})).status,
        200);
    book(*first, kJudge, booking_body("hp-205", 1, 540, 600));
  }
  // The next configuration changes hp-301 and hp-kj1, and drops hp-205 (booked) and hp-ys1.
  Json rooms = Json::array();
  for (auto& r : settings["rooms"]) {
    std::string id = r["id"].get<std::string>();
    if (id == "hp-205" || id == "hp-ys1") continue;
    Json copy = r;
    if (id == "hp-301" || id == "hp-kj1") copy["capacity"] = 2;
    rooms.push_back(copy);
  }
  auto second = make_harness(Json::object({{"rooms", rooms}}), dir);
  Json list = second->as(kAdmin).get("/admin/rooms").json()["rooms"];
  auto find = [&](const std::string& id) {
    for (auto& r : list)
      if (r["id"].get<std::string>() == id) return r;
    return Json();
  };
  EXPECT_EQ(find("hp-301")["capacity"], 33) << "the admin's edit wins";
  EXPECT_EQ(find("hp-kj1")["capacity"], 2) << "the settings still manage the others";
  EXPECT_TRUE(find("hp-205")["retired"].get<bool>()) << "dropped but booked: kept, retired";
  EXPECT_TRUE(find("hp-ys1").is_null()) << "dropped and never booked: gone";
  second.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rooms::testing
