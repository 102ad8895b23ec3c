// SPDX-License-Identifier: Apache-2.0
// Calendar arithmetic and ISO 8601 at the fixed Asia/Shanghai offset.
#include "civil_time.hpp"

#include <gtest/gtest.h>

namespace rooms {
namespace {

TEST(CivilTime, DaysRoundTripAcrossCenturiesAndLeapDays) {
  for (int64_t d = -800000; d <= 800000; d += 997) {
    EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
  }
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}) - days_from_civil({2000, 2, 28}), 2);  // 2000 leap
  EXPECT_EQ(days_from_civil({2100, 3, 1}) - days_from_civil({2100, 2, 28}), 1);  // 2100 not
}

TEST(CivilTime, WeekdaysAreIsoMondayOne) {
  EXPECT_EQ(weekday({1970, 1, 1}), 4);    // Thursday
  EXPECT_EQ(weekday({2026, 3, 2}), 1);    // Monday
  EXPECT_EQ(weekday({2026, 3, 8}), 7);    // Sunday
  EXPECT_EQ(weekday({1969, 12, 31}), 3);  // before the epoch too
}

TEST(CivilTime, InstantsAreShanghaiWallClock) {
  int64_t nine = to_instant({2026, 3, 2}, 9 * 60);
  EXPECT_EQ(format_iso(nine), "2026-03-02T09:00:00+08:00");
  EXPECT_EQ(nine, 1772413200000);  // 2026-03-02T01:00:00Z
  EXPECT_EQ(local_date(nine), (LocalDate{2026, 3, 2}));
  EXPECT_EQ(local_minute(nine), 540);
  // 07:59 Shanghai is still the previous day in UTC; local_date must not be fooled.
  EXPECT_EQ(local_date(to_instant({2026, 3, 2}, 7 * 60 + 59)), (LocalDate{2026, 3, 2}));
  EXPECT_EQ(local_midnight(nine), to_instant({2026, 3, 2}, 0));
}

TEST(CivilTime, ParsesIsoInstantsWithAndWithoutOffsets) {
  int64_t nine = to_instant({2026, 3, 2}, 540);
  EXPECT_EQ(parse_iso_instant("2026-03-02T09:00:00+08:00"), nine);
  EXPECT_EQ(parse_iso_instant("2026-03-02T09:00"), nine);  // no offset: Shanghai
  EXPECT_EQ(parse_iso_instant("2026-03-02 09:00"), nine);
  EXPECT_EQ(parse_iso_instant("2026-03-02T01:00:00Z"), nine);
  EXPECT_EQ(parse_iso_instant("2026-03-01T20:00:00-05:00"), nine);
  EXPECT_FALSE(parse_iso_instant("2026-02-30T09:00"));
  EXPECT_FALSE(parse_iso_instant("2026-03-02T25:00"));
  EXPECT_FALSE(parse_iso_instant("2026-03-02T09:00:00.5+08:00"));
  EXPECT_FALSE(parse_iso_instant("tomorrow"));
}

TEST(CivilTime, ParsesDatesAndClocks) {
  EXPECT_EQ(parse_iso_date("2028-02-29"), (LocalDate{2028, 2, 29}));
  EXPECT_FALSE(parse_iso_date("2026-02-29"));
  EXPECT_FALSE(parse_iso_date("2026-3-2"));
  EXPECT_EQ(parse_clock("9:05"), 545);
  EXPECT_EQ(parse_clock("24:00"), 1440);
  EXPECT_FALSE(parse_clock("24:01"));
  EXPECT_FALSE(parse_clock("9:5"));
}

TEST(CivilTime, MonthsWithoutTheDayAreSkipped) {
  EXPECT_EQ(add_months_same_day({2026, 1, 31}, 2), (LocalDate{2026, 3, 31}));
  EXPECT_FALSE(add_months_same_day({2026, 1, 31}, 1));
  EXPECT_EQ(add_months_same_day({2026, 11, 15}, 3), (LocalDate{2027, 2, 15}));
}

TEST(CivilTime, SlotsReadTheWayChatShowsThem) {
  LocalDate d{2026, 3, 2};
  EXPECT_EQ(format_slot(to_instant(d, 540), to_instant(d, 600)), "3月2日 周一 09:00-10:00");
  EXPECT_EQ(format_slot(to_instant(d, 1380), to_instant(add_days(d, 1), 0)),
            "3月2日 周一 23:00-24:00");
}

}  // namespace
}  // namespace rooms
