// SPDX-License-Identifier: Apache-2.0
// Expanding recurrences: frequencies, intervals, weekdays, ends, and the three-month limit.
#include "recurrence.hpp"

#include <gtest/gtest.h>

#include <courthub/error.hpp>

namespace rooms {
namespace {

const LocalDate kFirst = make_date(2026, 3, 2);  // a Monday
const LocalDate kLimit = make_date(2026, 6, 2);  // three months later

std::vector<std::string> dates(const Recurrence& r, LocalDate first = kFirst,
                               LocalDate limit = kLimit) {
  std::vector<std::string> out;
  for (auto& d : expand(r, first, limit)) out.push_back(format_date(d));
  return out;
}

Recurrence rule(Frequency f, int interval, std::optional<int> count,
                std::optional<LocalDate> until = std::nullopt, uint8_t weekdays = 0) {
  Recurrence r;
  r.frequency = f;
  r.interval = interval;
  r.count = count;
  r.until = until;
  r.weekdays = weekdays;
  return r;
}

TEST(Recurrence, DailyWithCountAndInterval) {
  EXPECT_EQ(dates(rule(Frequency::Daily, 1, 3)),
            (std::vector<std::string>{"2026-03-02", "2026-03-03", "2026-03-04"}));
  EXPECT_EQ(dates(rule(Frequency::Daily, 2, 3)),
            (std::vector<std::string>{"2026-03-02", "2026-03-04", "2026-03-06"}));
}

TEST(Recurrence, WeeklyOnChosenWeekdaysUntilADate) {
  // Monday and Wednesday, every week, until Wednesday 2026-03-11 inclusive.
  EXPECT_EQ(dates(rule(Frequency::Weekly, 1, std::nullopt, make_date(2026, 3, 11), 0b101)),
            (std::vector<std::string>{"2026-03-02", "2026-03-04", "2026-03-09", "2026-03-11"}));
}

TEST(Recurrence, WeeklyDefaultsToTheFirstDatesWeekday) {
  EXPECT_EQ(dates(rule(Frequency::Weekly, 1, 3)),
            (std::vector<std::string>{"2026-03-02", "2026-03-09", "2026-03-16"}));
}

TEST(Recurrence, EveryOtherWeekCountsWeeksFromTheFirst) {
  // Starting on a Wednesday with Mondays and Fridays: this week's Monday is before the start.
  EXPECT_EQ(dates(rule(Frequency::Weekly, 2, 4, std::nullopt, 0b10001), make_date(2026, 3, 4)),
            (std::vector<std::string>{"2026-03-06", "2026-03-16", "2026-03-20", "2026-03-30"}));
}

TEST(Recurrence, MonthlySkipsMonthsWithoutTheDay) {
  EXPECT_EQ(dates(rule(Frequency::Monthly, 1, 3), make_date(2026, 3, 31), make_date(2026, 8, 1)),
            (std::vector<std::string>{"2026-03-31", "2026-05-31", "2026-07-31"}));
}

TEST(Recurrence, RefusesSeriesPastTheLimit) {
  try {
    expand(rule(Frequency::Weekly, 1, 20), kFirst, kLimit);
    FAIL() << "20 weeks exceeds three months";
  } catch (const courthub::Error& e) {
    EXPECT_NE(std::string(e.what()).find("2026-06-02"), std::string::npos) << e.what();
  }
  EXPECT_THROW(
      expand(rule(Frequency::Daily, 1, std::nullopt, make_date(2026, 7, 1)), kFirst, kLimit),
      courthub::Error);
  // Exactly up to the limit is fine.
  EXPECT_EQ(expand(rule(Frequency::Daily, 1, std::nullopt, kLimit), kFirst, kLimit).size(), 93u);
}

TEST(Recurrence, RefusesMalformedRules) {
  EXPECT_THROW(expand(rule(Frequency::Daily, 1, std::nullopt), kFirst, kLimit), courthub::Error);
  EXPECT_THROW(expand(rule(Frequency::Daily, 1, 2, make_date(2026, 3, 9)), kFirst, kLimit),
               courthub::Error);
  EXPECT_THROW(expand(rule(Frequency::Daily, 0, 2), kFirst, kLimit), courthub::Error);
  EXPECT_THROW(expand(rule(Frequency::Daily, 1, 101), kFirst, make_date(2027, 1, 1)),
               courthub::Error);
  EXPECT_THROW(
      expand(rule(Frequency::Daily, 1, std::nullopt, make_date(2026, 3, 1)), kFirst, kLimit),
      courthub::Error);
}

TEST(Recurrence, JsonRoundTripAndDescription) {
  FieldErrors errors;
  courthub::Json j =
      courthub::Json::parse(R"({"freq":"weekly","interval":1,"weekdays":["MO",3],"count":8})");
  Recurrence r = read_recurrence(j, "/recurrence", errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(r.weekdays, 0b101);
  EXPECT_EQ(describe(r), "每周一、三，共8次");
  EXPECT_EQ(recurrence_json(r)["weekdays"].dump(), R"(["MO","WE"])");
}

TEST(Recurrence, JsonErrorsNameTheirFields) {
  FieldErrors errors;
  read_recurrence(courthub::Json::parse(R"({"freq":"yearly","weekdays":["XX"],"count":0})"),
                  "/recurrence", errors);
  std::string all;
  for (auto& [p, m] : errors.list()) all += p + " ";
  EXPECT_NE(all.find("/recurrence/freq"), std::string::npos) << all;
  EXPECT_NE(all.find("/recurrence/weekdays/0"), std::string::npos) << all;
  EXPECT_NE(all.find("/recurrence/count"), std::string::npos) << all;
}

}  // namespace
}  // namespace rooms
