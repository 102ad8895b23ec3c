// SPDX-License-Identifier: Apache-2.0
// Tests for find_zone: IANA zones from the system tzdata through the date library, and the
// offsets the scheduler and the SDK rely on (Shanghai today and in its 1986-1991 summer time).

#include "host/time/time_zone.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace courthub::time {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

std::chrono::seconds offset_at(const date::time_zone& tz, int64_t unix_seconds) {
  return tz.get_info(date::sys_seconds{seconds{unix_seconds}}).offset;
}

TEST(TimeZone, FindsIanaNamesFromTzdata) {
  for (const char* name : {"Asia/Shanghai", "Asia/Urumqi", "UTC", "Etc/UTC", "America/New_York"}) {
    auto tz = find_zone(name);
    ASSERT_TRUE(tz.ok()) << name << ": " << tz.outcome().message();
    EXPECT_EQ((*tz)->name().empty(), false);
  }
  EXPECT_EQ(*find_zone(kDefaultZone), *find_zone("Asia/Shanghai"));
}

TEST(TimeZone, UnknownOrMalformedNamesAreRefusedNamingThem) {
  for (const char* name : {"", "Mars/Olympus", "../../etc/passwd", "/usr/share/zoneinfo/UTC",
                           "Asia/Shanghai\n"}) {
    auto tz = find_zone(name);
    ASSERT_FALSE(tz.ok()) << name;
    EXPECT_EQ(tz.outcome().code(), Status::InvalidArgument);
    EXPECT_NE(tz.outcome().message().find("unknown time zone '" + std::string(name) + "'"),
              std::string::npos)
        << tz.outcome().message();
  }
}

TEST(TimeZone, ShanghaiIsUtcPlusEightTodayAndHadSummerTimeIn1988) {
  const date::time_zone& tz = **find_zone("Asia/Shanghai");
  EXPECT_EQ(offset_at(tz, 1749816000), hours(8));  // 2025-06-13
  EXPECT_EQ(offset_at(tz, 1767225600), hours(8));  // 2026-01-01
  EXPECT_EQ(offset_at(tz, 583718400), hours(9));   // 1988-07-01T00:00Z
  EXPECT_EQ(offset_at(tz, 596937600), hours(8));   // 1988-12-01T00:00Z
}

TEST(TimeZone, NewYorkGapAndOverlapAreReportedAsSuch) {
  const date::time_zone& tz = **find_zone("America/New_York");
  using date::local_days;
  using date::local_info;
  const auto march_10 = local_days{date::year{2024} / 3 / 10};
  const auto november_3 = local_days{date::year{2024} / 11 / 3};
  EXPECT_EQ(tz.get_info(march_10 + hours(2) + std::chrono::minutes(30)).result,
            local_info::nonexistent);
  const local_info twice = tz.get_info(november_3 + hours(1) + std::chrono::minutes(30));
  ASSERT_EQ(twice.result, local_info::ambiguous);
  EXPECT_EQ(twice.first.offset, hours(-4));  // EDT comes first
  EXPECT_EQ(twice.second.offset, hours(-5));
  // A transition a few years ahead, as far as cron looks (five years).
  EXPECT_EQ(offset_at(tz, 1899356399), hours(-5));  // 2030-03-10 06:59:59Z
  EXPECT_EQ(offset_at(tz, 1899356400), hours(-4));
}

TEST(TimeZone, ConcurrentLookupsAgree) {
  std::vector<std::thread> threads;
  std::vector<const date::time_zone*> found(8, nullptr);
  for (size_t i = 0; i < found.size(); ++i) {
    threads.emplace_back([&found, i] {
      auto tz = find_zone(i % 2 ? "Asia/Shanghai" : "Europe/Berlin");
      if (tz) found[i] = *tz;
    });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < found.size(); ++i) {
    ASSERT_NE(found[i], nullptr);
    EXPECT_EQ(found[i], found[i % 2]);
  }
}

}  // namespace
}  // namespace courthub::time
