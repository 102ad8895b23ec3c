// SPDX-License-Identifier: Apache-2.0
// Atomicity under concurrency: many threads, each with its OWN SQLite connection to one plugin
// database file (as separate host processes would have), race to book, book series and move
// bookings into the same slots. SQLite's BEGIN IMMEDIATE is then the only thing serialising
// them; the store must still let exactly one win and name the winner to every loser.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <courthub/error.hpp>

#include "booking_desk.hpp"
#include "booking_store.hpp"
#include "room_catalog.hpp"
#include "settings.hpp"
#include "sqlite_host.hpp"

namespace rooms {
namespace {

using testing::SqliteHost;
using testing::TempDatabase;

constexpr int kThreads = 8;
const LocalDate kDay = make_date(2026, 3, 2);
const int64_t kNow = to_instant(make_date(2026, 3, 1), 600);

Slot at(int day, int from, int to) {
  return Slot{to_instant(add_days(kDay, day), from), to_instant(add_days(kDay, day), to)};
}

void seed_room(const std::string& path) {
  SqliteHost setup(path);
  Room r;
  r.id = "r1";
  r.court = "T";
  r.name = "3号会议室";
  r.capacity = 50;
  r.hours = OpenHours{0, 1440, 0x7f};
  RoomCatalog(setup.db()).seed({r}, kNow);
}

// A booking of room r1 for one slot.
NewBookings one_slot(Slot slot, std::string title, std::string organizer) {
  NewBookings nb;
  nb.room_id = "r1";
  nb.slots = {slot};
  nb.title = std::move(title);
  nb.organizer = std::move(organizer);
  return nb;
}

// A BookingDesk on its own connection to the database at `path`, as one request thread has.
struct ThreadDesk {
  explicit ThreadDesk(const std::string& path)
      : own(path, false),
        catalog(own.db()),
        store(own.db()),
        notices(own.host(), settings, store),
        approvals(own.host(), store, notices),
        desk(own.host(), settings, catalog, store, notices, approvals) {}
  SqliteHost own;
  Settings settings;
  RoomCatalog catalog;
  BookingStore store;
  Notices notices;
  RoomApprovals approvals;
  BookingDesk desk;
};

// No two bookings that hold a slot overlap on one room — checked by SQL over everything stored.
int64_t overlapping_pairs(courthub::Database& db) {
  return db
      .one(
          "SELECT COUNT(*) AS n FROM bookings a JOIN bookings b ON b.room_id = a.room_id "
          "AND b.start_ms >= a.start_ms AND b.start_ms < a.end_ms AND b.id <> a.id "
          "WHERE a.status IN ('待审批', '已预订', '已签到') "
          "AND b.status IN ('待审批', '已预订', '已签到')")
      ->integer("n");
}

TEST(BookingConcurrency, ExactlyOneOfManyRequestsForOneSlotWins) {
  TempDatabase file;
  seed_room(file.path());
  constexpr int kRounds = 25;
  std::barrier start(kThreads);
  std::mutex mu;
  std::vector<std::vector<int64_t>> winners(kRounds);
  std::vector<std::vector<std::string>> losers(kRounds);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      SqliteHost own(file.path(), false);  // this thread's own connection
      BookingStore store(own.db());
      for (int round = 0; round < kRounds; ++round) {
        // Everyone wants 09:00-10:00 of that day, shifted by a few minutes so they overlap
        // without being identical.
        NewBookings nb = one_slot(at(round, 540 + t, 600 + t), "thread " + std::to_string(t),
                                  "u" + std::to_string(t));
        start.arrive_and_wait();
        try {
          auto made = store.book(nb, kNow);
          std::lock_guard lock(mu);
          winners[round].push_back(made.front().id);
        } catch (const courthub::Error& e) {
          EXPECT_EQ(e.status(), courthub::Status::Conflict) << e.what();
          std::lock_guard lock(mu);
          losers[round].push_back(e.details().at("conflicts").at(0).at("booking").at("id").dump());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int round = 0; round < kRounds; ++round) {
    ASSERT_EQ(winners[round].size(), 1u) << "round " << round;
    ASSERT_EQ(losers[round].size(), static_cast<size_t>(kThreads - 1));
    for (auto& named : losers[round])
      EXPECT_EQ(named, std::to_string(winners[round][0])) << "the 409 names the winner";
  }
  SqliteHost check(file.path(), false);
  EXPECT_EQ(overlapping_pairs(check.db()), 0);
  EXPECT_EQ(check.db().one("SELECT COUNT(*) AS n FROM bookings")->integer("n"), kRounds);
}

TEST(BookingConcurrency, RacingSeriesAreAllOrNothing) {
  TempDatabase file;
  seed_room(file.path());
  std::barrier start(kThreads);
  std::atomic<int> won{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      SqliteHost own(file.path(), false);
      BookingStore store(own.db());
      // Thread t wants days t, t+1, ..., t+5 at 09:00: neighbours share five days.
      NewBookings nb;
      nb.room_id = "r1";
      for (int d = 0; d < 6; ++d) nb.slots.push_back(at(t + d, 540, 600));
      nb.title = "series " + std::to_string(t);
      nb.organizer = "u" + std::to_string(t);
      nb.series_rule = courthub::Json::object({{"freq", "daily"}, {"description", "每天"}});
      start.arrive_and_wait();
      try {
        store.book(nb, kNow);
        ++won;
      } catch (const courthub::Error& e) {
        EXPECT_EQ(e.status(), courthub::Status::Conflict) << e.what();
      }
    });
  }
  for (auto& th : threads) th.join();
  SqliteHost check(file.path(), false);
  EXPECT_EQ(overlapping_pairs(check.db()), 0);
  EXPECT_GE(won.load(), 1);
  // Every stored series is complete: six occurrences each, and nothing of the losers.
  auto rows = check.db().query("SELECT series_id, COUNT(*) AS n FROM bookings GROUP BY series_id");
  EXPECT_EQ(static_cast<int>(rows.size()), won.load());
  for (auto& row : rows) EXPECT_EQ(row.integer("n"), 6);
}

TEST(BookingConcurrency, RacingModificationsIntoOneSlotLetOneWin) {
  TempDatabase file;
  seed_room(file.path());
  // One booking per thread, each on its own day.
  std::vector<int64_t> ids;
  {
    SqliteHost setup(file.path(), false);
    BookingStore store(setup.db());
    for (int t = 0; t < kThreads; ++t) {
      auto nb = one_slot(at(10 + t, 540, 600), "t" + std::to_string(t), "u" + std::to_string(t));
      ids.push_back(store.book(nb, kNow).front().id);
    }
  }
  constexpr int kRounds = 10;
  std::barrier start(kThreads);
  std::vector<std::atomic<int>> wins(kRounds);
  std::vector<std::thread> threads;
  courthub::Caller op;
  op.kind = courthub::Caller::Kind::Admin;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ThreadDesk own(file.path());
      BookingDesk& desk = own.desk;
      for (int round = 0; round < kRounds; ++round) {
        // Everyone moves their booking onto day `round`, 14:00 + t minutes: all overlap.
        Slot target = at(round, 840 + t, 900 + t);
        courthub::Json patch = courthub::Json::object(
            {{"start", format_iso(target.start_ms)}, {"end", format_iso(target.end_ms)}});
        start.arrive_and_wait();
        try {
          desk.modify(op, ids[t], patch, kNow);
          ++wins[round];
        } catch (const courthub::Error& e) {
          EXPECT_EQ(e.status(), courthub::Status::Conflict) << e.what();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  // A booking that moved in round r may have moved again later, so each round has one winner
  // at the time; what must hold at the end is that nothing overlaps.
  for (int round = 0; round < kRounds; ++round) EXPECT_EQ(wins[round].load(), 1) << round;
  SqliteHost check(file.path(), false);
  EXPECT_EQ(overlapping_pairs(check.db()), 0);
}

TEST(BookingConcurrency, RacingCancellationsCancelOnce) {
  TempDatabase file;
  seed_room(file.path());
  std::vector<int64_t> ids;
  {
    SqliteHost setup(file.path(), false);
    BookingStore store(setup.db());
    for (int round = 0; round < 10; ++round) {
      auto nb = one_slot(at(round, 540, 600), "r" + std::to_string(round), "u1");
      ids.push_back(store.book(nb, kNow).front().id);
    }
  }
  std::barrier start(kThreads);
  std::vector<std::atomic<int>> canceled(ids.size());
  std::vector<std::thread> threads;
  courthub::Caller op;
  op.kind = courthub::Caller::Kind::Admin;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      ThreadDesk own(file.path());
      BookingDesk& desk = own.desk;
      for (size_t i = 0; i < ids.size(); ++i) {
        start.arrive_and_wait();
        try {
          canceled[i] += static_cast<int>(desk.cancel(op, ids[i], false, "", kNow).size());
        } catch (const courthub::Error& e) {
          EXPECT_EQ(e.status(), courthub::Status::Conflict) << e.what();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(canceled[i].load(), 1) << i;
}

}  // namespace
}  // namespace rooms
