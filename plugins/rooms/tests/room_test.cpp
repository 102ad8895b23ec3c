// SPDX-License-Identifier: Apache-2.0
// Room fields (shared by settings and the admin API), settings validation, who may book.
#include "room.hpp"

#include <gtest/gtest.h>

#include "settings.hpp"

namespace rooms {
namespace {

using courthub::Caller;
using courthub::Json;

Caller staff(std::string id, std::string court, std::vector<std::string> roles,
             std::string dept = "100") {
  Caller c;
  c.kind = Caller::Kind::Staff;
  c.user_id = std::move(id);
  c.court_code = std::move(court);
  c.roles = std::move(roles);
  c.dept_id = std::move(dept);
  return c;
}

std::string pointers(const FieldErrors& e) {
  std::string out;
  for (auto& [p, m] : e.list()) out += p + "\n";
  return out;
}

TEST(Room, ReadsEveryField) {
  FieldErrors errors;
  Room r;
  read_room_fields(Json::parse(R"({"name": "3号会议室", "kind": "远程视频庭审室", "capacity": 20,
      "location": "审判楼3楼", "equipment": ["视频会议终端", "投屏"], "open_hours": "07:30-21:00",
      "open_days": [1,2,3,4,5,6], "approval": true,
      "bookers": {"roles": ["judge"], "depts": ["18003"], "users": ["u9"],
                  "courts": ["LN-IC-SY"]}})"),
                   "", true, RoomDefaults{}, r, errors);
  EXPECT_TRUE(errors.empty()) << pointers(errors);
  EXPECT_EQ(r.kind, "远程视频庭审室");
  EXPECT_EQ(r.hours.from, 450);
  EXPECT_EQ(r.hours.to, 1260);
  EXPECT_EQ(r.hours.days, 0b111111);
  EXPECT_TRUE(r.needs_approval);
  EXPECT_TRUE(r.has_equipment("投屏"));
  EXPECT_EQ(r.bookers.users, std::vector<std::string>{"u9"});
  Json j = room_json(r);
  EXPECT_EQ(j["open_hours"], "07:30-21:00");
  EXPECT_EQ(j["open_days"].size(), 6u);
}

TEST(Room, ReportsEveryBadFieldAtItsPointer) {
  FieldErrors errors;
  Room r;
  read_room_fields(Json::parse(R"({"kind": "礼堂", "capacity": 0, "equipment": "投屏",
      "open_hours": "18:00-08:00", "open_days": [0, 8], "approval": "yes",
      "bookers": {"roles": ["boss"]}, "colour": "red"})"),
                   "/rooms/3", true, RoomDefaults{}, r, errors);
  std::string p = pointers(errors);
  for (const char* want :
       {"/rooms/3/name", "/rooms/3/kind", "/rooms/3/capacity", "/rooms/3/equipment",
        "/rooms/3/open_hours", "/rooms/3/open_days/0", "/rooms/3/open_days/1", "/rooms/3/approval",
        "/rooms/3/bookers/roles/0", "/rooms/3/colour"})
    EXPECT_NE(p.find(std::string(want) + "\n"), std::string::npos) << want << " in\n" << p;
}

TEST(Room, PatchChangesOnlyWhatItNames) {
  FieldErrors errors;
  Room r;
  r.name = "3号会议室";
  r.capacity = 20;
  r.equipment = {"投屏"};
  read_room_fields(Json::parse(R"({"capacity": 30})"), "", false, RoomDefaults{}, r, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(r.capacity, 30);
  EXPECT_EQ(r.name, "3号会议室");
  EXPECT_EQ(r.equipment, std::vector<std::string>{"投屏"});
}

TEST(Room, WhoMayBook) {
  Room r;
  r.court = "LN-BC-SY-01";
  EXPECT_TRUE(may_book(r, staff("a", "LN-BC-SY-01", {"staff"})));
  EXPECT_FALSE(may_book(r, staff("b", "LN-BC-SY-02", {"judge"})));
  r.bookers.roles = {"judge", "division_head"};
  EXPECT_FALSE(may_book(r, staff("a", "LN-BC-SY-01", {"clerk"})));
  EXPECT_TRUE(may_book(r, staff("a", "LN-BC-SY-01", {"judge"})));
  EXPECT_TRUE(may_book(r, staff("adm", "LN-BC-SY-01", {"court_admin"})));  // admins always
  EXPECT_TRUE(may_book(r, staff("boss", "LN-BC-SY-01", {"president"})));
  r.bookers.courts = {"LN-BC-SY-02"};
  EXPECT_TRUE(may_book(r, staff("b", "LN-BC-SY-02", {"judge"})));
  EXPECT_FALSE(may_book(r, staff("adm2", "LN-BC-SY-02", {"court_admin"}))) << "not their court";
  r.bookers.depts = {"18003"};
  EXPECT_FALSE(may_book(r, staff("a", "LN-BC-SY-01", {"judge"}, "18004")));
  EXPECT_TRUE(may_book(r, staff("a", "LN-BC-SY-01", {"judge"}, "18003")));
  r.bookers.users = {"vip"};
  EXPECT_TRUE(may_book(r, staff("vip", "LN-HC", {"staff"})));
  Caller op;
  op.kind = Caller::Kind::Admin;
  EXPECT_TRUE(may_book(r, op));
  EXPECT_FALSE(may_book(r, Caller{}));
}

TEST(Room, IdsAndCourtCodes) {
  EXPECT_TRUE(valid_room_id("hp-301"));
  EXPECT_TRUE(valid_room_id("ln_hc_1"));
  EXPECT_FALSE(valid_room_id("-x"));
  EXPECT_FALSE(valid_room_id("Room1"));
  EXPECT_FALSE(valid_room_id(""));
  EXPECT_TRUE(valid_court_code("LN-BC-SY-01"));
  EXPECT_FALSE(valid_court_code("ln-hc"));
}

TEST(Settings, DefaultsWhenEmpty) {
  FieldErrors errors;
  Settings s = read_settings(Json::object(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(s.card_template_id, "courthub.rooms.booking");
  EXPECT_EQ(s.horizon_days, 92);
  EXPECT_EQ(s.checkin_before_minutes, 10);
  EXPECT_EQ(s.checkin_after_minutes, 15);
  EXPECT_EQ(s.notice_days, 3);
  EXPECT_TRUE(s.rooms.empty());
}

TEST(Settings, RoomsNeedStableUniqueIdsAndNames) {
  FieldErrors errors;
  Settings s = read_settings(Json::parse(R"({
    "open_hours": "08:30-17:30",
    "rooms": [
      {"id": "a-1", "court": "LN-HC", "name": "一号", "capacity": 10},
      {"id": "a-1", "court": "LN-HC", "name": "二号", "capacity": 10},
      {"id": "a-3", "court": "LN-HC", "name": "一号", "capacity": 10},
      {"id": "Bad Id", "court": "ln", "capacity": 10}
    ]})"),
                             errors);
  std::string p = pointers(errors);
  EXPECT_NE(p.find("/rooms/1/id\n"), std::string::npos) << p;
  EXPECT_NE(p.find("/rooms/2/name\n"), std::string::npos) << p;
  EXPECT_NE(p.find("/rooms/3/id\n"), std::string::npos) << p;
  EXPECT_NE(p.find("/rooms/3/court\n"), std::string::npos) << p;
  EXPECT_NE(p.find("/rooms/3/name\n"), std::string::npos) << p;
  EXPECT_EQ(s.rooms[0].hours.from, 510) << "rooms inherit the default hours";
  EXPECT_EQ(s.rooms[0].managed_by, "settings");
}

TEST(Settings, TopLevelTyposAndRangesAreReported) {
  FieldErrors errors;
  read_settings(Json::parse(R"({"horizon_days": 1000, "checkin": {"after_minutes": 0},
                                "hearing": {"notice_days": "three"}, "room": []})"),
                errors);
  std::string p = pointers(errors);
  EXPECT_NE(p.find("/horizon_days\n"), std::string::npos) << p;
  EXPECT_NE(p.find("/checkin/after_minutes\n"), std::string::npos) << p;
  EXPECT_NE(p.find("/hearing/notice_days\n"), std::string::npos) << p;
  EXPECT_NE(p.find("/room\n"), std::string::npos) << p;
}

}  // namespace
}  // namespace rooms
