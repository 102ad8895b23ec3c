// SPDX-License-Identifier: Apache-2.0
// Tests for the SDK's courthub/time.hpp: local dates and minutes in Asia/Shanghai from Unix ms
// and back, and the Chinese formats plugins show.
#include "courthub/time.hpp"

#include <gtest/gtest.h>

namespace courthub::time {
namespace {

constexpr int64_t kDec14At0930 = 1797211800000;  // 2026-12-14T09:30:00+08:00 (a Monday)

TEST(SdkTime, LocalDateAndMinuteInShanghai) {
  EXPECT_EQ(local_date(kDec14At0930), make_date(2026, 12, 14));
  EXPECT_EQ(local_minute(kDec14At0930), 9 * 60 + 30);
  EXPECT_EQ(to_unix_ms(make_date(2026, 12, 14), 9 * 60 + 30), kDec14At0930);
  EXPECT_EQ(local_midnight(kDec14At0930), kDec14At0930 - (9 * 60 + 30) * 60000);
  // 16:00Z is already the next day in Shanghai; -1 ms is 1970-01-01 07:59:59.999 local.
  EXPECT_EQ(local_date(1797264000000), make_date(2026, 12, 15));
  EXPECT_EQ(local_date(-1), make_date(1970, 1, 1));
  EXPECT_EQ(local_date(-8 * 3600 * 1000 - 1), make_date(1969, 12, 31));
  EXPECT_EQ(local_date(kDec14At0930, zone("UTC")), make_date(2026, 12, 14));
  EXPECT_EQ(local_minute(kDec14At0930, zone("UTC")), 1 * 60 + 30);
}

TEST(SdkTime, ChineseFormats) {
  const Date d = make_date(2026, 12, 14);
  EXPECT_EQ(format_month_day(d), "12月14日 周一");
  EXPECT_EQ(format_chinese_date(d), "2026年12月14日");
  EXPECT_EQ(format_date(d), "2026-12-14");
  EXPECT_EQ(format_clock(9 * 60 + 30), "09:30");
  EXPECT_EQ(format_clock(1440), "24:00");
  EXPECT_EQ(format_local(kDec14At0930), "2026-12-14 09:30");
  EXPECT_EQ(format_iso(kDec14At0930), "2026-12-14T09:30:00+08:00");
  EXPECT_EQ(format_iso(kDec14At0930, zone("America/New_York")), "2026-12-13T20:30:00-05:00");
  const char* names[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  for (unsigned i = 0; i < 7; ++i) {
    EXPECT_EQ(weekday_name(make_date(2026, 12, 14 + i)), names[i]);
    EXPECT_EQ(iso_weekday(make_date(2026, 12, 14 + i)), static_cast<int>(i + 1));
  }
}

TEST(SdkTime, ParsingRefusesWhatIsNotADateOrTime) {
  EXPECT_EQ(parse_date("2026-02-28"), make_date(2026, 2, 28));
  EXPECT_EQ(parse_date("2028-02-29"), make_date(2028, 2, 29));
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "2026/01/01", "20260101", ""})
    EXPECT_EQ(parse_date(bad), std::nullopt) << bad;
  EXPECT_EQ(parse_clock("09:30"), 570);
  EXPECT_EQ(parse_clock("9:30"), 570);
  EXPECT_EQ(parse_clock("24:00"), 1440);
  for (const char* bad : {"24:01", "09:60", "0930", "09:3", ":30", "a9:30"})
    EXPECT_EQ(parse_clock(bad), std::nullopt) << bad;
}

TEST(SdkTime, UnknownZoneThrowsNamingIt) {
  try {
    (void)zone("Mars/Olympus");
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("Mars/Olympus"), std::string::npos);
  }
}

}  // namespace
}  // namespace courthub::time
