// SPDX-License-Identifier: Apache-2.0
// Tests for TimeZone (TZif reading, footer rules, fallback table) and the civil-time arithmetic.

#include "host/jobs/time_zone.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "host/jobs/civil_time.hpp"

namespace courthub::jobs {
namespace {

namespace fs = std::filesystem;

constexpr int kHour = 3600;
const fs::path kSystemZoneDir = "/usr/share/zoneinfo";

int64_t wall(int64_t y, int mo, int d, int h, int mi, int s = 0) {
  return seconds_from_civil(CivilTime{y, mo, d, h, mi, s});
}

// Points TZDIR somewhere (or nowhere) for one test and puts the old value back afterwards.
class ScopedTzdir {
 public:
  explicit ScopedTzdir(const std::optional<std::string>& dir) {
    if (const char* old = std::getenv("TZDIR")) saved_ = old;
    if (dir) {
      setenv("TZDIR", dir->c_str(), 1);
    } else {
      unsetenv("TZDIR");
    }
  }
  ~ScopedTzdir() {
    if (saved_) {
      setenv("TZDIR", saved_->c_str(), 1);
    } else {
      unsetenv("TZDIR");
    }
  }

 private:
  std::optional<std::string> saved_;
};

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("courthub_tz_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void write(const std::string& relative, const std::string& bytes) const {
    const fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
  }

 private:
  fs::path path_;
};

// Builds TZif files by hand so the parser and the footer rules are tested independently of
// whatever tzdata the machine has.
struct TzifSpec {
  char version = '2';                                         // 0 for a v1-only file
  std::vector<int64_t> times;                                 // transition instants
  std::vector<uint8_t> type_indices;                          // one per transition
  std::vector<std::pair<int32_t, uint8_t>> types = {{0, 0}};  // (utoff, isdst)
  std::string footer;                                         // v2+ only
  bool with_footer = true;
};

void put32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}
void put64(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

std::string build_tzif(const TzifSpec& spec) {
  const auto header = [&](std::string& out) {
    out += "TZif";
    out += spec.version;
    out += std::string(15, '\0');
    put32(out, 0);  // isutcnt
    put32(out, 0);  // isstdcnt
    put32(out, 0);  // leapcnt
    put32(out, static_cast<uint32_t>(spec.times.size()));
    put32(out, static_cast<uint32_t>(spec.types.size()));
    put32(out, 4);  // charcnt: "ZZZ\0"
  };
  const auto block = [&](std::string& out, bool wide) {
    for (int64_t t : spec.times) {
      wide ? put64(out, static_cast<uint64_t>(t)) : put32(out, static_cast<uint32_t>(t));
    }
    for (uint8_t i : spec.type_indices) out += static_cast<char>(i);
    for (const auto& [utoff, isdst] : spec.types) {
      put32(out, static_cast<uint32_t>(utoff));
      out += static_cast<char>(isdst);
      out += '\0';
    }
    out += std::string("ZZZ\0", 4);
  };
  std::string out;
  header(out);
  block(out, false);
  if (spec.version == 0) return out;
  header(out);
  block(out, true);
  if (spec.with_footer) out += "\n" + spec.footer + "\n";
  return out;
}

// A zone whose table ends at the epoch and whose footer decides everything after it.
std::string footer_only_zone(const std::string& footer, int32_t initial_offset = 0) {
  TzifSpec spec;
  spec.types = {{initial_offset, 0}};
  spec.times = {0};
  spec.type_indices = {0};
  spec.footer = footer;
  return build_tzif(spec);
}

bool have_system_zone(const std::string& name) {
  return fs::exists(kSystemZoneDir / name);
}

TimeZone system_zone(const std::string& name) {
  ScopedTzdir tzdir(std::nullopt);
  auto tz = TimeZone::find(name);
  EXPECT_TRUE(tz.ok()) << tz.outcome().message();
  return tz.ok() ? *tz : TimeZone::utc();
}

void expect_refused(const Expected<TimeZone>& tz, const std::string& mention) {
  ASSERT_FALSE(tz.ok());
  EXPECT_EQ(tz.outcome().code(), Status::InvalidArgument);
  EXPECT_NE(tz.outcome().message().find(mention), std::string::npos) << tz.outcome().message();
}

// ---- civil time ----

TEST(CivilTime, KnownDatesAndWeekdays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2024, 2, 29), 19782);
  EXPECT_EQ(weekday_from_days(0), 4);                              // Thursday
  EXPECT_EQ(weekday_from_days(days_from_civil(2025, 6, 13)), 5);   // Friday
  EXPECT_EQ(weekday_from_days(days_from_civil(1969, 12, 28)), 0);  // Sunday
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2025, 4), 30);
}

TEST(CivilTime, RoundTripsAcrossCenturiesAndNegativeDays) {
  for (int64_t days = -800000; days <= 800000; days += 97) {
    const CivilDate d = civil_from_days(days);
    ASSERT_EQ(days_from_civil(d.year, d.month, d.day), days);
    ASSERT_GE(d.day, 1);
    ASSERT_LE(d.day, days_in_month(d.year, d.month));
  }
}

TEST(CivilTime, SecondsFloorTowardsThePast) {
  const CivilTime t = civil_from_seconds(-1);
  EXPECT_EQ(t.year, 1969);
  EXPECT_EQ(t.month, 12);
  EXPECT_EQ(t.day, 31);
  EXPECT_EQ(t.hour, 23);
  EXPECT_EQ(t.minute, 59);
  EXPECT_EQ(t.second, 59);
  EXPECT_EQ(floor_div(-1, 60), -1);
  EXPECT_EQ(floor_mod(-1, 60), 59);
  EXPECT_EQ(wall(2025, 6, 13, 12, 0), 1749816000);
}

// ---- system zones ----

TEST(TimeZone, UtcAlwaysWorks) {
  TempDir empty;
  ScopedTzdir tzdir(empty.path().string());
  for (const char* name : {"UTC", "Etc/UTC"}) {
    auto tz = TimeZone::find(name);
    ASSERT_TRUE(tz.ok()) << tz.outcome().message();
    EXPECT_EQ(tz->name(), name);
    EXPECT_EQ(tz->offset_seconds(1749816000), 0);
    EXPECT_EQ(tz->to_utc(1749816000), 1749816000);
  }
  EXPECT_EQ(TimeZone::utc().offset_seconds(0), 0);
}

TEST(TimeZone, ShanghaiIsUtcPlusEightToday) {
  if (!have_system_zone("Asia/Shanghai")) GTEST_SKIP() << "no tzdata";
  const TimeZone tz = system_zone("Asia/Shanghai");
  EXPECT_EQ(tz.name(), "Asia/Shanghai");
  EXPECT_FALSE(tz.is_builtin_fallback());
  EXPECT_EQ(tz.offset_seconds(1749816000), 8 * kHour);  // 2025-06-13
  EXPECT_EQ(tz.offset_seconds(1767225600), 8 * kHour);  // 2026-01-01
  EXPECT_EQ(tz.to_utc(wall(2025, 6, 16, 9, 0)), 1750035600);
}

TEST(TimeZone, ShanghaiHadSummerTimeIn1988) {
  if (!have_system_zone("Asia/Shanghai")) GTEST_SKIP() << "no tzdata: history unknown";
  const TimeZone tz = system_zone("Asia/Shanghai");
  EXPECT_EQ(tz.offset_seconds(583718400), 9 * kHour);  // 1988-07-01T00:00Z
  EXPECT_EQ(tz.offset_seconds(596937600), 8 * kHour);  // 1988-12-01T00:00Z
}

TEST(TimeZone, NewYorkOffsetsEitherSideOfTransitions) {
  if (!have_system_zone("America/New_York")) GTEST_SKIP() << "no tzdata";
  const TimeZone tz = system_zone("America/New_York");
  EXPECT_EQ(tz.offset_seconds(1710054000 - 1), -5 * kHour);  // 2024-03-10 01:59:59 EST
  EXPECT_EQ(tz.offset_seconds(1710054000), -4 * kHour);      // 03:00:00 EDT
  EXPECT_EQ(tz.offset_seconds(1730613600 - 1), -4 * kHour);  // 2024-11-03 01:59:59 EDT
  EXPECT_EQ(tz.offset_seconds(1730613600), -5 * kHour);      // 01:00:00 EST
}

TEST(TimeZone, NewYorkToUtcInGapAndOverlap) {
  if (!have_system_zone("America/New_York")) GTEST_SKIP() << "no tzdata";
  const TimeZone tz = system_zone("America/New_York");
  EXPECT_EQ(tz.to_utc(wall(2024, 7, 1, 12, 0)), 1719849600);  // plain EDT
  EXPECT_EQ(tz.to_utc(wall(2024, 1, 1, 12, 0)), 1704128400);  // plain EST
  // 02:30 does not exist on 2024-03-10: read with EST it is 07:30Z, i.e. 03:30 EDT.
  EXPECT_EQ(tz.to_utc(wall(2024, 3, 10, 2, 30)), 1710055800);
  EXPECT_EQ(tz.to_utc(wall(2024, 3, 10, 2, 0)), 1710054000);
  EXPECT_EQ(tz.to_utc(wall(2024, 3, 10, 3, 0)), 1710054000);
  EXPECT_EQ(tz.to_utc(wall(2024, 3, 10, 1, 59)), 1710053940);
  // 01:30 happens twice on 2024-11-03; the EDT one (05:30Z) comes first.
  EXPECT_EQ(tz.to_utc(wall(2024, 11, 3, 1, 30)), 1730611800);
  EXPECT_EQ(tz.to_utc(wall(2024, 11, 3, 1, 0)), 1730610000);
  EXPECT_EQ(tz.to_utc(wall(2024, 11, 3, 2, 0)), 1730617200);  // after the overlap: EST
}

TEST(TimeZone, BerlinTransitionsAndToUtc) {
  if (!have_system_zone("Europe/Berlin")) GTEST_SKIP() << "no tzdata";
  const TimeZone tz = system_zone("Europe/Berlin");
  EXPECT_EQ(tz.offset_seconds(1743296400 - 1), 1 * kHour);  // 2025-03-30 01:00Z
  EXPECT_EQ(tz.offset_seconds(1743296400), 2 * kHour);
  EXPECT_EQ(tz.offset_seconds(1761440400 - 1), 2 * kHour);  // 2025-10-26 01:00Z
  EXPECT_EQ(tz.offset_seconds(1761440400), 1 * kHour);
  EXPECT_EQ(tz.to_utc(wall(2025, 3, 30, 2, 30)), 1743298200);   // gap: 01:30Z = 03:30 CEST
  EXPECT_EQ(tz.to_utc(wall(2025, 10, 26, 2, 30)), 1761438600);  // overlap: 00:30Z, CEST
}

TEST(TimeZone, FarFutureFollowsTheFooterRule) {
  if (!have_system_zone("America/New_York") || !have_system_zone("Australia/Sydney")) {
    GTEST_SKIP() << "no tzdata";
  }
  // 2100 lies beyond any transition table zic writes, so only the footer can get these right.
  const TimeZone ny = system_zone("America/New_York");
  EXPECT_EQ(ny.offset_seconds(4108690799), -5 * kHour);  // 2100-03-14 06:59:59Z
  EXPECT_EQ(ny.offset_seconds(4108690800), -4 * kHour);
  EXPECT_EQ(ny.offset_seconds(4129250399), -4 * kHour);  // 2100-11-07 05:59:59Z
  EXPECT_EQ(ny.offset_seconds(4129250400), -5 * kHour);
  EXPECT_EQ(ny.to_utc(wall(2100, 3, 14, 2, 30)), 4108692600);
  const TimeZone sydney = system_zone("Australia/Sydney");
  EXPECT_EQ(sydney.offset_seconds(4103654400), 11 * kHour);  // 2100-01-15: southern summer
  EXPECT_EQ(sydney.offset_seconds(4118083200), 10 * kHour);  // 2100-07-01
}

// ---- the fallback table ----

TEST(TimeZone, BuiltinTableWhenTzdataIsMissing) {
  TempDir empty;
  ScopedTzdir tzdir(empty.path().string());
  for (const char* name : {"Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Hong_Kong",
                           "Asia/Macau", "Asia/Taipei"}) {
    auto tz = TimeZone::find(name);
    ASSERT_TRUE(tz.ok()) << name << ": " << tz.outcome().message();
    EXPECT_TRUE(tz->is_builtin_fallback());
    EXPECT_EQ(tz->name(), name);
    EXPECT_EQ(tz->offset_seconds(1749816000), 8 * kHour) << name;
    EXPECT_EQ(tz->offset_seconds(583718400), 8 * kHour) << name;  // no history in the table
    EXPECT_EQ(tz->to_utc(wall(2025, 6, 16, 9, 0)), 1750035600) << name;
  }
  auto urumqi = TimeZone::find("Asia/Urumqi");
  ASSERT_TRUE(urumqi.ok());
  EXPECT_EQ(urumqi->offset_seconds(1749816000), 6 * kHour);
  expect_refused(TimeZone::find("Europe/Berlin"), "Europe/Berlin");
}

TEST(TimeZone, MalformedFileDoesNotFallBackToTheTable) {
  TempDir dir;
  dir.write("Asia/Shanghai", "not a zone file");
  ScopedTzdir tzdir(dir.path().string());
  expect_refused(TimeZone::find("Asia/Shanghai"), "Asia/Shanghai");
}

// ---- names ----

TEST(TimeZone, RefusesUnknownNames) {
  {
    ScopedTzdir tzdir(std::nullopt);
    expect_refused(TimeZone::find("Mars/Olympus_Mons"), "Mars/Olympus_Mons");
  }
  TempDir dir;
  ScopedTzdir tzdir(dir.path().string());
  expect_refused(TimeZone::find("Asia/Nowhere"), "Asia/Nowhere");
}

TEST(TimeZone, RefusesMaliciousNames) {
  TempDir dir;
  dir.write("Good/Zone", footer_only_zone("CST-8"));
  ScopedTzdir tzdir((dir.path() / "Good").string());
  const std::string with_nul("Asia/Shanghai\0x", 15);
  for (const std::string& name :
       {std::string("../Good/Zone"), std::string("/etc/passwd"), std::string("Asia/../../Zone"),
        std::string("Zone/.."), std::string("Asia/Shang hai"), std::string("Asia\\Shanghai"),
        std::string("Asia/Shanghai;rm"), std::string("Asia/Shanghai\n"), std::string(""),
        std::string("./Zone"), with_nul, std::string(300, 'A')}) {
    auto tz = TimeZone::find(name);
    ASSERT_FALSE(tz.ok()) << name;
    EXPECT_EQ(tz.outcome().code(), Status::InvalidArgument) << name;
    EXPECT_NE(tz.outcome().message().find("time zone '"), std::string::npos);
    for (char c : tz.outcome().message()) ASSERT_GE(static_cast<unsigned char>(c), 0x20);
  }
  expect_refused(TimeZone::find("../Good/Zone"), "'..'");
  expect_refused(TimeZone::find("/etc/passwd"), "must not start with '/'");
  expect_refused(TimeZone::find("Asia/Shang hai"), "outside [A-Za-z0-9_+-/]");
}

TEST(TimeZone, AcceptsTheNameCharactersIanaUses) {
  TempDir dir;
  const std::string zone = footer_only_zone("<-03>3");
  dir.write("America/Port-au-Prince", zone);
  dir.write("Etc/GMT+3", zone);
  dir.write("America/Argentina/Buenos_Aires", zone);
  ScopedTzdir tzdir(dir.path().string());
  for (const char* name :
       {"America/Port-au-Prince", "Etc/GMT+3", "America/Argentina/Buenos_Aires"}) {
    auto tz = TimeZone::find(name);
    ASSERT_TRUE(tz.ok()) << tz.outcome().message();
    EXPECT_EQ(tz->offset_seconds(0), 0);  // time type 0 holds at the single transition
  }
}

TEST(TimeZone, RefusesDirectories) {
  TempDir dir;
  dir.write("Asia/Shanghai", footer_only_zone("CST-8", 8 * kHour));
  ScopedTzdir tzdir(dir.path().string());
  expect_refused(TimeZone::find("Asia"), "Asia");
}

// ---- TZif parsing ----

TEST(TimeZone, RefusesMalformedFiles) {
  TzifSpec good;
  good.types = {{-5 * kHour, 0}, {-4 * kHour, 1}};
  good.times = {100, 200};
  good.type_indices = {1, 0};
  good.footer = "EST5EDT,M3.2.0,M11.1.0";
  const std::string valid = build_tzif(good);

  TzifSpec descending = good;
  descending.times = {200, 100};
  TzifSpec bad_index = good;
  bad_index.type_indices = {0, 2};
  TzifSpec no_footer = good;
  no_footer.with_footer = false;
  TzifSpec bad_footer = good;
  bad_footer.footer = "EST5EDT,M13.2.0,M11.1.0";
  TzifSpec junk_footer = good;
  junk_footer.footer = "EST5EDT,M3.2.0,M11.1.0 trailing";
  TzifSpec huge_offset = good;
  huge_offset.types = {{30 * kHour, 0}, {-4 * kHour, 1}};
  TzifSpec no_types = good;
  no_types.types = {};
  no_types.times = {};
  no_types.type_indices = {};
  TzifSpec bad_version = good;
  bad_version.version = '1';

  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> files = {
      {"Bad/Text", "this is not a TZif file at all, just text"},
      {"Bad/Empty", ""},
      {"Bad/Truncated", valid.substr(0, 60)},
      {"Bad/TruncatedV2", valid.substr(0, valid.size() - 30)},
      {"Bad/Descending", build_tzif(descending)},
      {"Bad/BadIndex", build_tzif(bad_index)},
      {"Bad/NoFooter", build_tzif(no_footer)},
      {"Bad/BadFooter", build_tzif(bad_footer)},
      {"Bad/JunkFooter", build_tzif(junk_footer)},
      {"Bad/HugeOffset", build_tzif(huge_offset)},
      {"Bad/NoTypes", build_tzif(no_types)},
      {"Bad/Version", build_tzif(bad_version)},
  };
  for (const auto& [name, bytes] : files) dir.write(name, bytes);
  dir.write("Good/Zone", valid);
  ScopedTzdir tzdir(dir.path().string());

  ASSERT_TRUE(TimeZone::find("Good/Zone").ok()) << TimeZone::find("Good/Zone").outcome().message();
  for (const auto& [name, bytes] : files) {
    SCOPED_TRACE(name);
    expect_refused(TimeZone::find(name), name);
  }
}

TEST(TimeZone, ReadsVersionOneFiles) {
  TzifSpec v1;
  v1.version = 0;
  v1.types = {{8 * kHour, 0}, {9 * kHour, 1}};
  v1.times = {1000, 2000};
  v1.type_indices = {1, 0};
  TempDir dir;
  dir.write("Old/Zone", build_tzif(v1));
  ScopedTzdir tzdir(dir.path().string());
  auto tz = TimeZone::find("Old/Zone");
  ASSERT_TRUE(tz.ok()) << tz.outcome().message();
  EXPECT_EQ(tz->offset_seconds(999), 8 * kHour);  // before the first transition: type 0
  EXPECT_EQ(tz->offset_seconds(1000), 9 * kHour);
  EXPECT_EQ(tz->offset_seconds(1999), 9 * kHour);
  EXPECT_EQ(tz->offset_seconds(2000), 8 * kHour);
  EXPECT_EQ(tz->offset_seconds(4000000000), 8 * kHour);  // the last offset holds for ever
}

TEST(TimeZone, LastOffsetHoldsWhenTheFooterHasNoDst) {
  TzifSpec spec;
  spec.types = {{9 * kHour, 0}, {8 * kHour, 0}};
  spec.times = {1000};
  spec.type_indices = {1};
  spec.footer = "CST-8";
  TempDir dir;
  dir.write("Fixed/Zone", build_tzif(spec));
  ScopedTzdir tzdir(dir.path().string());
  auto tz = TimeZone::find("Fixed/Zone");
  ASSERT_TRUE(tz.ok()) << tz.outcome().message();
  EXPECT_EQ(tz->offset_seconds(0), 9 * kHour);
  EXPECT_EQ(tz->offset_seconds(4108690800), 8 * kHour);
}

// ---- footer rules, from synthetic files ----

class FooterRule : public ::testing::Test {
 protected:
  TimeZone zone(const std::string& footer) {
    dir_.write("Rule/Zone" + std::to_string(++count_), footer_only_zone(footer));
    ScopedTzdir tzdir(dir_.path().string());
    auto tz = TimeZone::find("Rule/Zone" + std::to_string(count_));
    EXPECT_TRUE(tz.ok()) << footer << ": " << tz.outcome().message();
    return tz.ok() ? *tz : TimeZone::utc();
  }

 private:
  TempDir dir_;
  int count_ = 0;
};

TEST_F(FooterRule, MonthWeekDayRuleMatchesUsDst) {
  const TimeZone tz = zone("EST5EDT,M3.2.0,M11.1.0");
  EXPECT_EQ(tz.offset_seconds(1710054000 - 1), -5 * kHour);
  EXPECT_EQ(tz.offset_seconds(1710054000), -4 * kHour);
  EXPECT_EQ(tz.offset_seconds(1730613600 - 1), -4 * kHour);
  EXPECT_EQ(tz.offset_seconds(1730613600), -5 * kHour);
  EXPECT_EQ(tz.to_utc(wall(2024, 3, 10, 2, 30)), 1710055800);  // gap
  EXPECT_EQ(tz.to_utc(wall(2024, 11, 3, 1, 30)), 1730611800);  // overlap: earlier
  EXPECT_EQ(tz.to_utc(wall(2024, 11, 3, 2, 0)), 1730617200);
  EXPECT_EQ(tz.offset_seconds(4108690800), -4 * kHour);  // 2100-03-14 07:00Z
}

TEST_F(FooterRule, LastWeekAndExplicitTimes) {
  // EU rule: last Sunday of March 01:00Z to last Sunday of October 01:00Z.
  const TimeZone tz = zone("CET-1CEST,M3.5.0,M10.5.0/3");
  EXPECT_EQ(tz.offset_seconds(1743296400 - 1), 1 * kHour);
  EXPECT_EQ(tz.offset_seconds(1743296400), 2 * kHour);
  EXPECT_EQ(tz.offset_seconds(1761440400 - 1), 2 * kHour);
  EXPECT_EQ(tz.offset_seconds(1761440400), 1 * kHour);
}

TEST_F(FooterRule, SouthernHemisphere) {
  const TimeZone tz = zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
  EXPECT_EQ(tz.offset_seconds(1894665600), 11 * kHour);  // 2030-01-15
  EXPECT_EQ(tz.offset_seconds(1909094400), 10 * kHour);  // 2030-07-01
  EXPECT_EQ(tz.offset_seconds(1901721600 - 1), 11 * kHour);
  EXPECT_EQ(tz.offset_seconds(1901721600), 10 * kHour);  // 2030-04-07 03:00 AEDT
  EXPECT_EQ(tz.offset_seconds(1917446400 - 1), 10 * kHour);
  EXPECT_EQ(tz.offset_seconds(1917446400), 11 * kHour);        // 2030-10-06 02:00 AEST
  EXPECT_EQ(tz.to_utc(wall(2030, 10, 6, 2, 30)), 1917448200);  // gap, read as AEST
  EXPECT_EQ(tz.to_utc(wall(2030, 4, 7, 2, 30)), 1901719800);   // overlap, AEDT first
}

TEST_F(FooterRule, JulianDaysSkipOrCountFebruary29) {
  const TimeZone julian = zone("AAA0BBB,J60/0,J305/0");  // Jn never counts Feb 29
  EXPECT_EQ(julian.offset_seconds(1709208000), 0);       // 2024-02-29 12:00Z
  EXPECT_EQ(julian.offset_seconds(1709251200 - 1), 0);
  EXPECT_EQ(julian.offset_seconds(1709251200), kHour);  // 2024-03-01 00:00
  EXPECT_EQ(julian.offset_seconds(1730419200 - kHour - 1), kHour);
  EXPECT_EQ(julian.offset_seconds(1730419200 - kHour), 0);  // 2024-11-01 00:00 BBB
  const TimeZone zero_based = zone("AAA0BBB,59/0,304/0");   // n counts it
  EXPECT_EQ(zero_based.offset_seconds(1709164800 - 1), 0);
  EXPECT_EQ(zero_based.offset_seconds(1709164800), kHour);  // 2024-02-29 00:00
  EXPECT_EQ(zero_based.offset_seconds(1677628800 - 1), 0);  // 2023: day 59 is March 1
  EXPECT_EQ(zero_based.offset_seconds(1677628800), kHour);
}

TEST_F(FooterRule, AllYearDaylightTime) {
  // zic's encoding of permanent DST: from Jan 1 00:00 to Dec 31 25:00.
  const TimeZone tz = zone("<-03>3<-02>,0/0,J365/25");
  EXPECT_EQ(tz.offset_seconds(1893456000 + 2 * kHour + 1800), -2 * kHour);  // 2030-01-01
  EXPECT_EQ(tz.offset_seconds(1909094400), -2 * kHour);                     // 2030-07-01
  EXPECT_EQ(tz.offset_seconds(1924905600 + kHour), -2 * kHour);             // 2030-12-31T01:00Z
  EXPECT_EQ(tz.to_utc(wall(2030, 6, 1, 12, 0)), wall(2030, 6, 1, 14, 0));
}

TEST_F(FooterRule, QuotedNamesAndMinuteOffsets) {
  const TimeZone tz = zone("<+0545>-5:45");
  EXPECT_EQ(tz.offset_seconds(1), 0);  // no DST in the footer: the table's last offset holds
  const TimeZone dst = zone("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  EXPECT_EQ(dst.offset_seconds(1894665600), 11 * kHour);
  EXPECT_EQ(dst.offset_seconds(1909094400), 10 * kHour + 1800);
}

TEST(TimeZone, CopiesAreUsableFromManyThreads) {
  TempDir dir;
  dir.write("Rule/Zone", footer_only_zone("EST5EDT,M3.2.0,M11.1.0"));
  ScopedTzdir tzdir(dir.path().string());
  auto found = TimeZone::find("Rule/Zone");
  ASSERT_TRUE(found.ok());
  const TimeZone shared = *found;
  std::vector<int64_t> expected;
  for (int64_t t = 1700000000; t < 1800000000; t += 999983) {
    expected.push_back(shared.to_utc(t) * 100000 + shared.offset_seconds(t));
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([copy = shared, &expected, &mismatches] {
      size_t k = 0;
      for (int64_t t = 1700000000; t < 1800000000; t += 999983, ++k) {
        if (copy.to_utc(t) * 100000 + copy.offset_seconds(t) != expected[k]) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace courthub::jobs
