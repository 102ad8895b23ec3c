// SPDX-License-Identifier: Apache-2.0
// Tests for CronExpression: parsing, its error messages, and next_after() across DST changes.
//
// Expected instants are literal Unix milliseconds (worked out independently with Python's
// zoneinfo); the comment beside each gives the wall time it stands for.

#include "host/time/cron.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace courthub::time {
namespace {

constexpr int64_t kMinuteMs = 60000;

// These tests read the machine's tzdata (a build dependency, like the .deb's).
const date::time_zone& zone(const std::string& name) {
  auto tz = find_zone(name);
  EXPECT_TRUE(tz.ok()) << tz.outcome().message();
  return tz.ok() ? **tz : *date::locate_zone("UTC");
}

CronExpression cron(const std::string& text) {
  auto parsed = CronExpression::parse(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.outcome().message();
  if (parsed.ok()) return *parsed;
  return *CronExpression::parse("* * * * *");
}

std::optional<int64_t> next(const std::string& text, int64_t after_ms, const date::time_zone& tz) {
  return cron(text).next_after(after_ms, tz);
}

std::string parse_error(const std::string& text) {
  auto parsed = CronExpression::parse(text);
  EXPECT_FALSE(parsed.ok()) << text << " parsed";
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.outcome().code(), Status::InvalidArgument);
  return parsed.outcome().message();
}

// ---- parsing ----

TEST(CronParse, ErrorNamesExpressionFieldAndProblem) {
  EXPECT_EQ(parse_error("0 25 * * *"), "cron '0 25 * * *': hour 25 is out of range 0-23");
  EXPECT_EQ(parse_error("60 * * * *"), "cron '60 * * * *': minute 60 is out of range 0-59");
  EXPECT_EQ(parse_error("0 0 0 * *"), "cron '0 0 0 * *': day-of-month 0 is out of range 1-31");
  EXPECT_EQ(parse_error("0 0 32 * *"), "cron '0 0 32 * *': day-of-month 32 is out of range 1-31");
  EXPECT_EQ(parse_error("0 0 * 13 *"), "cron '0 0 * 13 *': month 13 is out of range 1-12");
  EXPECT_EQ(parse_error("0 0 * 0 *"), "cron '0 0 * 0 *': month 0 is out of range 1-12");
  EXPECT_EQ(parse_error("0 0 * * 8"), "cron '0 0 * * 8': day-of-week 8 is out of range 0-7");
  EXPECT_EQ(parse_error("0 0 * FOO *"),
            "cron '0 0 * FOO *': month 'FOO' is not a number or a month name");
  EXPECT_EQ(parse_error("0 0 * * FUN"),
            "cron '0 0 * * FUN': day-of-week 'FUN' is not a number or a day name");
  EXPECT_EQ(parse_error("x * * * *"), "cron 'x * * * *': minute 'x' is not a number");
  EXPECT_EQ(parse_error("0 MON * * *"), "cron '0 MON * * *': hour 'MON' is not a number");
  EXPECT_EQ(parse_error("0 0 JAN * *"), "cron '0 0 JAN * *': day-of-month 'JAN' is not a number");
}

TEST(CronParse, StructuralErrors) {
  EXPECT_EQ(parse_error("0 0 * *"),
            "cron '0 0 * *': expected 5 fields (minute hour day-of-month month day-of-week), "
            "found 4");
  EXPECT_NE(parse_error("0 0 * * * *").find("found 6"), std::string::npos);
  EXPECT_NE(parse_error("").find("found 0"), std::string::npos);
  EXPECT_NE(parse_error("   ").find("found 0"), std::string::npos);
  EXPECT_EQ(parse_error("*/0 * * * *"), "cron '*/0 * * * *': minute step 0 is out of range 1-59");
  EXPECT_EQ(parse_error("0 */24 * * *"), "cron '0 */24 * * *': hour step 24 is out of range 1-23");
  EXPECT_EQ(parse_error("*/x * * * *"), "cron '*/x * * * *': minute step 'x' is not a number");
  EXPECT_EQ(parse_error("0 0 * 3/ *"), "cron '0 0 * 3/ *': month step '' is not a number");
  EXPECT_EQ(parse_error("0 5-3 * * *"),
            "cron '0 5-3 * * *': hour range 5-3 runs backwards (wrap-around ranges are not "
            "supported)");
  EXPECT_EQ(parse_error("0 0 * * FRI-MON"),
            "cron '0 0 * * FRI-MON': day-of-week range FRI-MON runs backwards (wrap-around "
            "ranges are not supported)");
  EXPECT_EQ(parse_error("1,,2 * * * *"), "cron '1,,2 * * * *': minute has an empty list entry");
  EXPECT_EQ(parse_error("0 0 1, * *"), "cron '0 0 1, * *': day-of-month has an empty list entry");
  EXPECT_EQ(parse_error("-5 * * * *"), "cron '-5 * * * *': minute '' is not a number");
  EXPECT_EQ(parse_error("99999999999999999999 * * * *"),
            "cron '99999999999999999999 * * * *': minute 99999999999999999999 is out of range "
            "0-59");
  EXPECT_EQ(parse_error("@reboot"),
            "cron '@reboot': unknown macro '@reboot' (known: @yearly @annually @monthly "
            "@weekly @daily @midnight @hourly)");
  EXPECT_NE(parse_error("@daily 5").find("found 2"), std::string::npos);
  EXPECT_EQ(parse_error("0 0 * * 1\x01"),
            "cron '0 0 * * 1\\x01': day-of-week '1\\x01' is not "
            "a number or a day name");
}

TEST(CronParse, KeepsTheTextVerbatim) {
  EXPECT_EQ(cron("  0 9 * * MON-FRI ").text(), "  0 9 * * MON-FRI ");
  EXPECT_EQ(cron("@daily").text(), "@daily");
  EXPECT_TRUE(CronExpression::parse("0\t9\t*\t*\t1-5").ok());
}

// ---- next_after ----

TEST(CronNext, WeekdayMorningFromFridayEveningIsMonday) {
  const date::time_zone& shanghai = zone("Asia/Shanghai");
  // From Friday 2025-06-13 20:00 +08:00 to Monday 2025-06-16 09:00 +08:00 (01:00Z).
  EXPECT_EQ(next("0 9 * * 1-5", 1749816000000, shanghai), 1750035600000);
  EXPECT_EQ(next("0 9 * * MON-FRI", 1749816000000, shanghai), 1750035600000);
  EXPECT_EQ(next("0 9 * * mon,Tue,WED,thu,fri", 1749816000000, shanghai), 1750035600000);
}

TEST(CronNext, EveryQuarterHour) {
  const date::time_zone& utc = zone("UTC");
  EXPECT_EQ(next("*/15 * * * *", 1749809250000, utc), 1749809700000);  // 10:07:30 -> 10:15
  // Exactly on a firing: the next one, not the same one.
  EXPECT_EQ(next("*/15 * * * *", 1749809700000, utc), 1749809700000 + 15 * kMinuteMs);
  EXPECT_EQ(next("*/15 * * * *", 1749812400000 - 1, utc), 1749812400000);  // 10:59:59.999
  EXPECT_EQ(next("0,15,30,45 * * * *", 1749809250000, utc), 1749809700000);
  EXPECT_EQ(next("0-59/15 * * * *", 1749809250000, utc), 1749809700000);
}

TEST(CronNext, StepsFromAStartValue) {
  const date::time_zone& utc = zone("UTC");
  const int64_t ten = 1749808800000;  // 2025-06-13 10:00Z
  EXPECT_EQ(next("5/20 * * * *", ten, utc), ten + 5 * kMinuteMs);
  EXPECT_EQ(next("5/20 * * * *", ten + 5 * kMinuteMs, utc), ten + 25 * kMinuteMs);
  EXPECT_EQ(next("5/20 * * * *", ten + 45 * kMinuteMs, utc), ten + 65 * kMinuteMs);
  EXPECT_EQ(next("10-30/10 * * * *", ten + 30 * kMinuteMs, utc), ten + 70 * kMinuteMs);
}

TEST(CronNext, Daily) {
  const date::time_zone& shanghai = zone("Asia/Shanghai");
  // 2025-06-13 20:00 +08:00 -> 2025-06-14 00:00 +08:00, which is 16:00Z on the 13th.
  EXPECT_EQ(next("@daily", 1749816000000, shanghai), 1749830400000);
  EXPECT_EQ(next("@midnight", 1749816000000, shanghai), 1749830400000);
  EXPECT_EQ(next("@DAILY", 1749816000000, shanghai), 1749830400000);
  EXPECT_EQ(next("@daily", 1749830400000, shanghai), 1749830400000 + 86400000);
}

TEST(CronNext, MonthlyOnTheFirst) {
  const date::time_zone& shanghai = zone("Asia/Shanghai");
  // 2025-01-31 12:00 +08:00 -> 2025-02-01 08:30 +08:00.
  EXPECT_EQ(next("30 8 1 * *", 1738296000000, shanghai), 1738369800000);
  // 2025-12-15 -> 2026-01-01 08:30 +08:00, across the year.
  EXPECT_EQ(next("30 8 1 * *", 1765728000000, shanghai), 1767227400000);
}

TEST(CronNext, OtherMacros) {
  const date::time_zone& utc = zone("UTC");
  const int64_t friday = 1749816000000;  // 2025-06-13 12:00Z
  EXPECT_EQ(next("@hourly", friday, utc), friday + 60 * kMinuteMs);
  EXPECT_EQ(next("@weekly", friday, utc), 1749945600000);   // Sunday 2025-06-15 00:00Z
  EXPECT_EQ(next("@monthly", friday, utc), 1751328000000);  // 2025-07-01 00:00Z
  EXPECT_EQ(next("@yearly", friday, utc), 1767225600000);   // 2026-01-01 00:00Z
  EXPECT_EQ(next("@annually", friday, utc), 1767225600000);
  EXPECT_EQ(next("0 0 1 jan *", friday, utc), 1767225600000);
  EXPECT_EQ(next("0 0 1 Jul,DEC *", friday, utc), 1751328000000);
  EXPECT_EQ(next("0 0 1 Jul,DEC *", 1751328000000, utc), 1764547200000);  // 2025-12-01
}

TEST(CronNext, DayOfMonthOrDayOfWeekWhenBothRestricted) {
  const date::time_zone& shanghai = zone("Asia/Shanghai");
  const std::string friday_or_13th = "0 0 13 * 5";
  // From Saturday 2025-07-05: Friday the 11th, then Sunday the 13th, then Friday the 18th.
  EXPECT_EQ(next(friday_or_13th, 1751644800000, shanghai), 1752163200000);
  EXPECT_EQ(next(friday_or_13th, 1752163200000, shanghai), 1752336000000);
  EXPECT_EQ(next(friday_or_13th, 1752336000000, shanghai), 1752768000000);
  // A '*'-led day-of-month ("*/2": odd days) is not "restricted": both must match.
  EXPECT_EQ(next("0 0 */2 * 5", 1751644800000, shanghai), 1752163200000);  // Fri 11th
  EXPECT_EQ(next("0 0 */2 * 5", 1752163200000, shanghai), 1753372800000);  // Fri 25th
  // With day-of-week '*', only the 13th.
  EXPECT_EQ(next("0 0 13 * *", 1751644800000, shanghai), 1752336000000);
}

TEST(CronNext, FebruaryTwentyNinthWaitsForALeapYear) {
  const date::time_zone& utc = zone("UTC");
  EXPECT_EQ(next("0 0 29 2 *", 1740787200000, utc), 1835395200000);  // 2025-03 -> 2028-02-29
  EXPECT_EQ(next("0 0 29 2 *", 1835395200000, utc), 1961625600000);  // -> 2032-02-29
}

TEST(CronNext, ImpossibleDatesGiveNothing) {
  const date::time_zone& utc = zone("UTC");
  EXPECT_EQ(next("0 0 30 2 *", 1749816000000, utc), std::nullopt);
  EXPECT_EQ(next("0 0 31 4,6,9,11 *", 1749816000000, utc), std::nullopt);
  EXPECT_EQ(next("* * 31 2 *", 1749816000000, utc), std::nullopt);
}

TEST(CronNext, SundayIsZeroAndSeven) {
  const date::time_zone& utc = zone("UTC");
  const int64_t wednesday = 1749600000000;    // 2025-06-11 00:00Z
  const int64_t sunday_noon = 1749988800000;  // 2025-06-15 12:00Z
  EXPECT_EQ(next("0 12 * * 0", wednesday, utc), sunday_noon);
  EXPECT_EQ(next("0 12 * * 7", wednesday, utc), sunday_noon);
  EXPECT_EQ(next("0 12 * * SUN", wednesday, utc), sunday_noon);
  EXPECT_EQ(next("0 12 * * sun", wednesday, utc), sunday_noon);
  EXPECT_EQ(next("0 12 * * 6-7", sunday_noon, utc), 1750507200000);    // Sat 2025-06-21
  EXPECT_EQ(next("0 12 * * 6-7", 1750507200000, utc), 1750593600000);  // Sun 2025-06-22
  EXPECT_EQ(next("0 12 * * 5-7", 1750507200000, utc), 1750593600000);
}

TEST(CronNext, SkipsWallTimesInASpringForwardGap) {
  const date::time_zone& ny = zone("America/New_York");
  // 02:30 does not exist on 2024-03-10: from 03-09 03:00 EST the next run is 03-11 02:30 EDT.
  EXPECT_EQ(next("30 2 * * *", 1709971200000, ny), 1710138600000);
  // 03:00 exists (it is where the clock lands): 2024-03-10 03:00 EDT.
  EXPECT_EQ(next("0 3 * * *", 1710050400000, ny), 1710054000000);
  // From 01:50 EST the quarter-hours 02:00..02:45 are skipped: 03:00 EDT, ten minutes later.
  EXPECT_EQ(next("*/15 * * * *", 1710053400000, ny), 1710054000000);
}

TEST(CronNext, RunsOnceInAFallBackOverlap) {
  const date::time_zone& ny = zone("America/New_York");
  // 01:30 happens twice on 2024-11-03: fire at the first (EDT, 05:30Z) ...
  EXPECT_EQ(next("30 1 * * *", 1730563200000, ny), 1730611800000);
  // ... and not at the second (EST, 06:30Z): the next run is 2024-11-04 01:30 EST.
  EXPECT_EQ(next("30 1 * * *", 1730611800000, ny), 1730701800000);
  // Starting inside the repeated hour (01:10 EST) does not revisit it either.
  EXPECT_EQ(next("30 1 * * *", 1730614200000, ny), 1730701800000);
  // A half-hourly job stays silent for the repeated hour: 01:30 EDT -> 02:00 EST.
  EXPECT_EQ(next("*/30 * * * *", 1730611800000, ny), 1730617200000);
  EXPECT_EQ(next("0 1 * * *", 1730608200000, ny), 1730610000000);  // 01:00 EDT
}

TEST(CronNext, BerlinGapAndOverlap) {
  const date::time_zone& berlin = zone("Europe/Berlin");
  EXPECT_EQ(next("30 2 * * *", 1743246000000, berlin), 1743381000000);  // skips 03-30
  EXPECT_EQ(next("30 2 * * *", 1761386400000, berlin), 1761438600000);  // 10-26, CEST
  EXPECT_EQ(next("30 2 * * *", 1761438600000, berlin), 1761528600000);  // 10-27, CET
}

TEST(CronNext, StrictlyAfterAndRoundedToMinutes) {
  const date::time_zone& shanghai = zone("Asia/Shanghai");
  const int64_t nine = 1749862800000;       // 2025-06-14 09:00 +08:00
  const int64_t next_nine = 1749949200000;  // 2025-06-15 09:00 +08:00
  EXPECT_EQ(next("0 9 * * *", nine, shanghai), next_nine);
  EXPECT_EQ(next("0 9 * * *", nine + 1, shanghai), next_nine);
  EXPECT_EQ(next("0 9 * * *", nine - 1, shanghai), nine);
  EXPECT_EQ(next("0 9 * * *", nine - 59999, shanghai), nine);
  EXPECT_EQ(next("* * * * *", nine + 30000, shanghai), nine + kMinuteMs);
}

TEST(CronNext, BeforeTheEpochAndOutOfRange) {
  const date::time_zone& utc = zone("UTC");
  EXPECT_EQ(next("0 0 1 1 *", -1, utc), 0);
  EXPECT_EQ(next("* * * * *", -kMinuteMs, utc), 0);
  EXPECT_EQ(next("* * * * *", -kMinuteMs - 1, utc), -kMinuteMs);
  EXPECT_EQ(next("* * * * *", INT64_MAX, utc), std::nullopt);
  EXPECT_EQ(next("* * * * *", INT64_MIN, utc), std::nullopt);
}

TEST(CronNext, ChainsWithoutGapsOrRepeats) {
  const date::time_zone& utc = zone("UTC");
  const CronExpression every_five = cron("*/5 * * * *");
  int64_t t = 1749816000000;
  for (int i = 0; i < 2000; ++i) {
    const auto n = every_five.next_after(t, utc);
    ASSERT_TRUE(n.has_value());
    ASSERT_EQ(*n, t + 5 * kMinuteMs);
    t = *n;
  }
}

}  // namespace
}  // namespace courthub::time
