// SPDX-License-Identifier: Apache-2.0
// Booking statuses, transitions, check-in window, bookable hours and slot sanity.
#include "booking_rules.hpp"

#include <gtest/gtest.h>

namespace rooms {
namespace {

using S = BookingStatus;
using E = BookingEvent;

const LocalDate kMonday = make_date(2026, 3, 2);

TEST(BookingRules, StatusNamesRoundTrip) {
  for (S s : {S::PendingApproval, S::Booked, S::CheckedIn, S::Released, S::Canceled, S::Refused,
              S::Ended})
    EXPECT_EQ(parse_status(status_name(s)), s);
  EXPECT_EQ(status_name(S::PendingApproval), "待审批");
  EXPECT_FALSE(parse_status("booked"));
}

TEST(BookingRules, OnlyLiveStatusesHoldTheSlot) {
  EXPECT_TRUE(holds_slot(S::PendingApproval));
  EXPECT_TRUE(holds_slot(S::Booked));
  EXPECT_TRUE(holds_slot(S::CheckedIn));
  EXPECT_FALSE(holds_slot(S::Released));
  EXPECT_FALSE(holds_slot(S::Canceled));
  EXPECT_FALSE(holds_slot(S::Refused));
  EXPECT_FALSE(holds_slot(S::Ended));
}

TEST(BookingRules, TransitionTable) {
  EXPECT_EQ(next_status(S::PendingApproval, E::Approve), S::Booked);
  EXPECT_EQ(next_status(S::PendingApproval, E::Refuse), S::Refused);
  EXPECT_EQ(next_status(S::PendingApproval, E::Withdraw), S::Canceled);
  EXPECT_EQ(next_status(S::PendingApproval, E::Expire), S::Canceled);
  EXPECT_EQ(next_status(S::PendingApproval, E::Cancel), S::Canceled);
  EXPECT_FALSE(next_status(S::PendingApproval, E::CheckIn));  // not before approval
  EXPECT_EQ(next_status(S::Booked, E::CheckIn), S::CheckedIn);
  EXPECT_EQ(next_status(S::Booked, E::Release), S::Released);
  EXPECT_EQ(next_status(S::Booked, E::Cancel), S::Canceled);
  EXPECT_FALSE(next_status(S::Booked, E::Approve));
  EXPECT_EQ(next_status(S::CheckedIn, E::End), S::Ended);
  EXPECT_FALSE(next_status(S::CheckedIn, E::Cancel));
  EXPECT_FALSE(next_status(S::CheckedIn, E::Release));
  for (S done : {S::Released, S::Canceled, S::Refused, S::Ended})
    for (E e :
         {E::Approve, E::Refuse, E::Withdraw, E::Expire, E::Cancel, E::CheckIn, E::Release, E::End})
      EXPECT_FALSE(next_status(done, e)) << status_name(done);
}

TEST(BookingRules, CheckInFromTenMinutesBeforeToFifteenAfter) {
  int64_t start = to_instant(kMonday, 9 * 60);
  CheckinWindow w = checkin_window(start, 10, 15);
  EXPECT_FALSE(within(w, start - 10 * kMinuteMs - 1));
  EXPECT_TRUE(within(w, start - 10 * kMinuteMs));
  EXPECT_TRUE(within(w, start));
  EXPECT_TRUE(within(w, start + 15 * kMinuteMs - 1));
  EXPECT_FALSE(within(w, start + 15 * kMinuteMs));  // from here the release job frees the room
}

TEST(BookingRules, OpenHoursAndDays) {
  OpenHours h;  // 08:00-18:00, Monday..Friday
  EXPECT_FALSE(outside_open_hours(h, to_instant(kMonday, 480), to_instant(kMonday, 1080)));
  EXPECT_TRUE(outside_open_hours(h, to_instant(kMonday, 479), to_instant(kMonday, 600)));
  EXPECT_TRUE(outside_open_hours(h, to_instant(kMonday, 1020), to_instant(kMonday, 1081)));
  LocalDate saturday = add_days(kMonday, 5);
  auto why = outside_open_hours(h, to_instant(saturday, 600), to_instant(saturday, 660));
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("周六"), std::string::npos) << *why;
  // Crossing midnight never fits one day's hours, even when open all day.
  OpenHours all{0, 1440, 0x7f};
  EXPECT_FALSE(outside_open_hours(all, to_instant(kMonday, 1380), to_instant(kMonday, 1440)));
  EXPECT_TRUE(outside_open_hours(all, to_instant(kMonday, 1380), to_instant(kMonday, 1500)));
  EXPECT_EQ(parse_hours("08:00-18:00"), std::make_pair(480, 1080));
  EXPECT_FALSE(parse_hours("18:00-08:00"));
  EXPECT_EQ(format_hours(h), "08:00-18:00");
}

TEST(BookingRules, SaneSlots) {
  int64_t now = to_instant(kMonday, 8 * 60);
  auto slot = [&](int from, int to, int day = 0) {
    return unbookable_slot(to_instant(add_days(kMonday, day), from),
                           to_instant(add_days(kMonday, day), to), now, 92, 15);
  };
  EXPECT_FALSE(slot(540, 600));
  EXPECT_FALSE(slot(466, 500));  // started 14 minutes ago: still in the check-in window
  EXPECT_TRUE(slot(464, 500));   // 16 minutes ago
  EXPECT_TRUE(slot(600, 540));
  EXPECT_TRUE(slot(600, 600));
  EXPECT_FALSE(slot(540, 600, 92));
  EXPECT_TRUE(slot(540, 600, 93));
  EXPECT_TRUE(unbookable_slot(to_instant(kMonday, 540) + 1000, to_instant(kMonday, 600), now, 92,
                              15));  // not a whole minute
  EXPECT_TRUE(unbookable_slot(to_instant(kMonday, 540), to_instant(add_days(kMonday, 1), 541), now,
                              92, 15));  // longer than a day
}

TEST(BookingRules, IsoInstantsTakeFractionalSecondsRoundedDown) {
  const int64_t nine = to_instant(kMonday, 9 * 60);
  // What JavaScript's toISOString() sends.
  EXPECT_EQ(parse_iso_instant("2026-03-02T01:00:00.000Z"), nine);
  EXPECT_EQ(parse_iso_instant("2026-03-02T09:00:00.123+08:00"), nine);
  EXPECT_EQ(parse_iso_instant("2026-03-02T09:00:59.999"), nine + 59'000);
  EXPECT_EQ(parse_iso_instant("2026-03-02 09:00:00.5Z"), nine + 8 * kHourMs);
  EXPECT_FALSE(parse_iso_instant("2026-03-02T09:00:00.Z"));
  EXPECT_FALSE(parse_iso_instant("2026-03-02T09:00.000Z"));
  EXPECT_FALSE(parse_iso_instant("2026-03-02T09:00:00.12a+08:00"));
}

}  // namespace
}  // namespace rooms
