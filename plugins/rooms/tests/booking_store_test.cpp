// SPDX-License-Identifier: Apache-2.0
// The booking store over a real SQLite file: conflicts, all-or-nothing series, the overlap
// trigger, guarded status changes, the job queries, and seeding rooms from the settings.
#include "booking_store.hpp"

#include <gtest/gtest.h>

#include <courthub/error.hpp>

#include "room_catalog.hpp"
#include "sqlite_host.hpp"

namespace rooms {
namespace {

using testing::SqliteHost;
using testing::TempDatabase;

const LocalDate kMonday = make_date(2026, 3, 2);
const int64_t kNow = to_instant(make_date(2026, 3, 1), 600);

Room room(std::string id, std::string court = "T", std::string name = "") {
  Room r;
  r.id = id;
  r.court = court;
  r.name = name.empty() ? id : name;
  r.capacity = 20;
  r.hours = OpenHours{0, 1440, 0x7f};
  r.managed_by = "settings";
  return r;
}

Slot at(int from, int to, int day = 0) {
  return Slot{to_instant(add_days(kMonday, day), from), to_instant(add_days(kMonday, day), to)};
}

NewBookings request(std::string room_id, std::vector<Slot> slots, std::string title = "会") {
  NewBookings nb;
  nb.room_id = std::move(room_id);
  nb.slots = std::move(slots);
  nb.title = std::move(title);
  nb.organizer = "u1";
  nb.organizer_name = "张三";
  return nb;
}

class BookingStoreTest : public ::testing::Test {
 protected:
  BookingStoreTest() : host_(file_.path()), catalog_(host_.db()), store_(host_.db()) {
    catalog_.seed({room("r1"), room("r2"), room("x1", "X")}, kNow);
  }
  TempDatabase file_;
  SqliteHost host_;
  RoomCatalog catalog_;
  BookingStore store_;
};

TEST_F(BookingStoreTest, BooksAndFindsWithTheRoomJoined) {
  auto made = store_.book(request("r1", {at(540, 600)}), kNow);
  ASSERT_EQ(made.size(), 1u);
  auto b = store_.find(made[0].id);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->room_name, "r1");
  EXPECT_EQ(b->status, BookingStatus::Booked);
  EXPECT_EQ(b->told, "已预订");
  EXPECT_EQ(b->court, "T");
}

TEST_F(BookingStoreTest, OverlapIsAConflictNamingTheBookingInTheWay) {
  auto first = store_.book(request("r1", {at(540, 600)}, "党支部学习"), kNow);
  try {
    store_.book(request("r1", {at(570, 630)}), kNow);
    FAIL() << "double booking";
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::Conflict);
    EXPECT_NE(std::string(e.what()).find("#" + std::to_string(first[0].id) + " 党支部学习"),
              std::string::npos)
        << e.what();
    const courthub::Json& c = e.details().at("conflicts");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c.at(0).at("booking").at("id"), first[0].id);
    EXPECT_EQ(c.at(0).at("reason"), "booked");
  }
  // Back to back is not an overlap; another room is not either.
  EXPECT_NO_THROW(store_.book(request("r1", {at(600, 660)}), kNow));
  EXPECT_NO_THROW(store_.book(request("r1", {at(480, 540)}), kNow));
  EXPECT_NO_THROW(store_.book(request("r2", {at(540, 600)}), kNow));
}

TEST_F(BookingStoreTest, LongBookingsAreFoundFromTheBoundedRangeScan) {
  store_.book(request("r1", {Slot{to_instant(kMonday, 60), to_instant(kMonday, 1440)}}), kNow);
  EXPECT_THROW(store_.book(request("r1", {at(1380, 1410)}), kNow), courthub::Error);
}

TEST_F(BookingStoreTest, SeriesIsAllOrNothingAndReportsEveryConflict) {
  auto a = store_.book(request("r1", {at(540, 600, 7)}), kNow);
  auto b = store_.book(request("r1", {at(540, 600, 21)}), kNow);
  NewBookings series =
      request("r1", {at(540, 600, 0), at(540, 600, 7), at(540, 600, 14), at(540, 600, 21)});
  series.series_rule = courthub::Json::object({{"freq", "weekly"}, {"description", "每周一"}});
  try {
    store_.book(series, kNow);
    FAIL();
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.details().at("conflicts").size(), 2u);
    EXPECT_NE(std::string(e.what()).find("2 处冲突"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store_.db().one("SELECT COUNT(*) AS n FROM bookings")->integer("n"), 2);
  EXPECT_EQ(store_.db().one("SELECT COUNT(*) AS n FROM series")->integer("n"), 0);
  // Free the two, and the series goes in whole.
  store_.set_status(store_.db(), a[0].id, BookingStatus::Booked, BookingStatus::Canceled, kNow, "",
                    true);
  store_.set_status(store_.db(), b[0].id, BookingStatus::Booked, BookingStatus::Canceled, kNow, "",
                    true);
  auto made = store_.book(series, kNow);
  ASSERT_EQ(made.size(), 4u);
  ASSERT_TRUE(made[0].series_id);
  EXPECT_EQ(store_.series(store_.db(), *made[0].series_id).size(), 4u);
}

TEST_F(BookingStoreTest, PreviousBlockersAreReportedWithTheConflicts) {
  store_.book(request("r1", {at(540, 600, 7)}), kNow);
  NewBookings series = request("r1", {at(540, 600, 6), at(540, 600, 7)});
  series.blockers.push_back(Blocker{at(540, 600, 6), "closed", "周日不开放预订", std::nullopt});
  try {
    store_.book(series, kNow);
    FAIL();
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.details().at("conflicts").size(), 2u);
    EXPECT_NE(std::string(e.what()).find("周日不开放预订"), std::string::npos) << e.what();
  }
}

TEST_F(BookingStoreTest, PendingSeriesSharesTheFirstApprovalRequest) {
  NewBookings nb = request("r1", {at(540, 600, 0), at(540, 600, 7)});
  nb.status = BookingStatus::PendingApproval;
  auto made = store_.book(nb, kNow);
  std::string req = "booking:" + std::to_string(made[0].id);
  EXPECT_EQ(made[0].approval_request, req);
  EXPECT_EQ(made[1].approval_request, req);
  EXPECT_EQ(store_.by_approval(store_.db(), req).size(), 2u);
  // A pending booking holds its slot.
  EXPECT_THROW(store_.book(request("r1", {at(550, 560)}), kNow), courthub::Error);
}

TEST_F(BookingStoreTest, TheTriggerRefusesAnOverlapThatSkipsTheCheck) {
  store_.book(request("r1", {at(540, 600)}), kNow);
  try {
    store_.db().exec(
        "INSERT INTO bookings(room_id, court, start_ms, end_ms, title, organizer, status, "
        "created_ms, updated_ms) VALUES ('r1', 'T', ?, ?, 'x', 'u2', '已预订', 0, 0)",
        {at(590, 620).start_ms, at(590, 620).end_ms});
    FAIL() << "the trigger let an overlap in";
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::Conflict);
  }
  // Moving a booking onto another by UPDATE is refused too.
  auto other = store_.book(request("r1", {at(700, 760)}), kNow);
  EXPECT_THROW(store_.db().exec("UPDATE bookings SET start_ms = ?, end_ms = ? WHERE id = ?",
                                {at(560, 620).start_ms, at(560, 620).end_ms, other[0].id}),
               courthub::Error);
  // Over-long bookings break the CHECK.
  EXPECT_THROW(
      store_.db().exec("INSERT INTO bookings(room_id, court, start_ms, end_ms, title, organizer, "
                       "status, created_ms, updated_ms) VALUES ('r2', 'T', 0, 86400001, 'x', 'u2', "
                       "'已取消', 0, 0)"),
      courthub::Error);
}

TEST_F(BookingStoreTest, StatusChangesAreGuarded) {
  auto b = store_.book(request("r1", {at(540, 600)}), kNow)[0];
  EXPECT_TRUE(store_.set_status(store_.db(), b.id, BookingStatus::Booked, BookingStatus::Canceled,
                                kNow, "组织者取消", true));
  EXPECT_FALSE(store_.set_status(store_.db(), b.id, BookingStatus::Booked, BookingStatus::Released,
                                 kNow, "", false))
      << "a second change from the old status must not apply";
  auto now = store_.find(b.id);
  EXPECT_EQ(now->status, BookingStatus::Canceled);
  EXPECT_EQ(now->note, "组织者取消");
  // The slot is free again.
  EXPECT_NO_THROW(store_.book(request("r1", {at(540, 600)}), kNow));
}

TEST_F(BookingStoreTest, CheckInOnlyInsideTheWindow) {
  auto b = store_.book(request("r1", {at(540, 600)}), kNow)[0];
  int64_t before = 10 * kMinuteMs, after = 15 * kMinuteMs;
  EXPECT_FALSE(store_.check_in(b.id, b.start_ms - before - 1, "u1", before, after));
  EXPECT_FALSE(store_.check_in(b.id, b.start_ms + after, "u1", before, after));
  EXPECT_TRUE(store_.check_in(b.id, b.start_ms - before, "u1", before, after));
  EXPECT_FALSE(store_.check_in(b.id, b.start_ms, "u1", before, after)) << "only once";
  auto now = store_.find(b.id);
  EXPECT_EQ(now->status, BookingStatus::CheckedIn);
  EXPECT_EQ(now->checked_in_by, "u1");
}

TEST_F(BookingStoreTest, JobQueries) {
  auto soon = store_.book(request("r1", {at(540, 600)}), kNow)[0];
  auto later = store_.book(request("r2", {at(600, 660)}), kNow)[0];
  int64_t t = to_instant(kMonday, 530);  // 08:50
  auto due = store_.due_reminders(t, 15 * kMinuteMs);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, soon.id);
  store_.mark_reminded(soon.id, t);
  EXPECT_TRUE(store_.due_reminders(t, 15 * kMinuteMs).empty());
  EXPECT_TRUE(store_.no_shows(to_instant(kMonday, 554), 15 * kMinuteMs).empty());
  auto gone = store_.no_shows(to_instant(kMonday, 555), 15 * kMinuteMs);
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(gone[0].id, soon.id);
  EXPECT_EQ(store_.busy("T", at(0, 1440)).size(), 2u);
  EXPECT_TRUE(store_.busy("X", at(0, 1440)).empty());
  (void)later;
}

TEST_F(BookingStoreTest, UntoldChangesAreListedOnce) {
  auto b = store_.book(request("r1", {at(540, 600)}), kNow)[0];
  store_.set_status(store_.db(), b.id, BookingStatus::Booked, BookingStatus::Released, kNow,
                    "无人签到", false);
  auto untold = store_.untold(10);
  ASSERT_EQ(untold.size(), 1u);
  store_.mark_told({b.id}, BookingStatus::Released);
  EXPECT_TRUE(store_.untold(10).empty());
}

TEST_F(BookingStoreTest, PeopleSeeWhatTheyOrganizeAndAttend) {
  NewBookings nb = request("r1", {at(540, 600)});
  nb.attendees = {"u7"};
  store_.book(nb, kNow);
  NewBookings other = request("r2", {at(540, 600)});
  other.organizer = "u7";
  store_.book(other, kNow);
  EXPECT_EQ(store_.of_person("u7", kNow, to_instant(kMonday, 1440), 10).size(), 2u);
  EXPECT_EQ(store_.of_person("u1", kNow, to_instant(kMonday, 1440), 10).size(), 1u);
}

TEST_F(BookingStoreTest, RetiredRoomsCannotBeBooked) {
  Room r = *catalog_.find("r2");
  r.retired = true;
  catalog_.update(r, kNow, "admin");
  EXPECT_THROW(store_.book(request("r2", {at(540, 600)}), kNow), courthub::Error);
}

TEST_F(BookingStoreTest, SettingsSeedByIdAndApiEditsWin) {
  // r1 edited through the API: later settings do not touch it.
  Room edited = *catalog_.find("r1");
  edited.capacity = 99;
  catalog_.update(edited, kNow, "admin");
  // r2 booked, x1 never booked; both vanish from the settings.
  store_.book(request("r2", {at(540, 600)}), kNow);
  Room changed = room("r1");
  changed.capacity = 5;
  auto notes = catalog_.seed({changed, room("r3")}, kNow);
  EXPECT_EQ(catalog_.find("r1")->capacity, 99);
  EXPECT_EQ(catalog_.find("r1")->managed_by, "api");
  EXPECT_TRUE(catalog_.find("r2")->retired) << "kept for its bookings";
  EXPECT_FALSE(catalog_.find("x1")) << "never booked: removed";
  EXPECT_TRUE(catalog_.find("r3"));
  std::string all;
  for (auto& n : notes) all += n + "\n";
  EXPECT_NE(all.find("kept room r1"), std::string::npos) << all;
  EXPECT_NE(all.find("retired room r2"), std::string::npos) << all;
  EXPECT_NE(all.find("removed room x1"), std::string::npos) << all;
  EXPECT_NE(all.find("added room r3"), std::string::npos) << all;
  // Seeding again changes nothing.
  EXPECT_TRUE(catalog_.seed({changed, room("r3")}, kNow).size() == 1u);  // only "kept r1"
}

TEST_F(BookingStoreTest, RoomNamesAreUniquePerCourtAmongLiveRooms) {
  Room dup = room("r9", "T", "r1");
  dup.managed_by = "api";
  dup.id = "";
  EXPECT_THROW(catalog_.create(dup, kNow, "admin"), courthub::Error);
  dup.court = "X";
  Room made = catalog_.create(dup, kNow, "admin");
  EXPECT_EQ(made.id, "x-r1");
}

}  // namespace
}  // namespace rooms
