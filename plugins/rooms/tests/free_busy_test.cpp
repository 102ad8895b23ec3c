// SPDX-License-Identifier: Apache-2.0
// Free/busy filtering: capacity, equipment, kind, hours, and bookings assigned to their rooms.
#include "free_busy.hpp"

#include <gtest/gtest.h>

namespace rooms {
namespace {

const LocalDate kMonday = make_date(2026, 3, 2);

Room room(std::string id, int capacity, std::vector<std::string> equipment,
          std::string kind = "会议室") {
  Room r;
  r.id = id;
  r.name = id;
  r.court = "T";
  r.capacity = capacity;
  r.equipment = std::move(equipment);
  r.kind = std::move(kind);
  return r;
}

Booking booking(std::string room_id, int from, int to) {
  Booking b;
  b.id = from;
  b.room_id = std::move(room_id);
  b.start_ms = to_instant(kMonday, from);
  b.end_ms = to_instant(kMonday, to);
  return b;
}

FreeBusyQuery query(int from, int to) {
  return FreeBusyQuery{"T", Slot{to_instant(kMonday, from), to_instant(kMonday, to)}, 0, {}, ""};
}

TEST(FreeBusy, FiltersByCapacityEquipmentAndKind) {
  std::vector<Room> rooms = {room("small", 6, {"投屏"}), room("big", 40, {"投屏", "视频会议终端"}),
                             room("court", 30, {"视频会议终端"}, "科技法庭")};
  auto q = query(540, 600);
  q.min_capacity = 10;
  EXPECT_EQ(availability(rooms, {}, q).size(), 2u);
  q.equipment = {"投屏"};
  auto a = availability(rooms, {}, q);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].room.id, "big");
  q.equipment = {"视频会议终端"};
  q.kind = "科技法庭";
  a = availability(rooms, {}, q);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].room.id, "court");
}

TEST(FreeBusy, OverlapIsHalfOpen) {
  std::vector<Room> rooms = {room("a", 10, {}), room("b", 10, {})};
  std::vector<Booking> busy = {booking("a", 480, 540), booking("b", 570, 630)};
  auto a = availability(rooms, busy, query(540, 600));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_TRUE(a[0].free()) << "a's booking ends exactly when the window starts";
  EXPECT_FALSE(a[1].free());
  EXPECT_EQ(a[1].busy.size(), 1u);
}

TEST(FreeBusy, ClosedRoomsAreNotFreeAndSayWhy) {
  std::vector<Room> rooms = {room("a", 10, {})};
  auto a = availability(rooms, {}, query(1140, 1200));  // 19:00-20:00, after hours
  ASSERT_EQ(a.size(), 1u);
  EXPECT_FALSE(a[0].free());
  EXPECT_NE(a[0].closed.find("08:00-18:00"), std::string::npos);
}

TEST(FreeBusy, RetiredRoomsAreLeftOut) {
  Room r = room("old", 10, {});
  r.retired = true;
  EXPECT_TRUE(availability({r}, {}, query(540, 600)).empty());
}

}  // namespace
}  // namespace rooms
