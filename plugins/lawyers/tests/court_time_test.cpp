// SPDX-License-Identifier: Apache-2.0
// Notice times are Beijing wall-clock, whatever the machine's time zone.
#include "court_time.hpp"

#include <gtest/gtest.h>

namespace lawyers {
namespace {

// 2026-12-08 01:00 UTC = 09:00 in Beijing.
constexpr int64_t kNineAm = 1796691600000;

TEST(CourtTime, IsBeijingTime) {
  EXPECT_EQ(court_day_time(kNineAm), "12月08日 09:00");
  EXPECT_EQ(court_span(kNineAm, kNineAm + 2 * 3600 * 1000), "12月08日 09:00–11:00");
}

TEST(CourtTime, ASpanOverMidnightNamesBothDays) {
  EXPECT_EQ(court_span(kNineAm + 14 * 3600 * 1000, kNineAm + 16 * 3600 * 1000),
            "12月08日 23:00 – 12月09日 01:00");
}

}  // namespace
}  // namespace lawyers
