// SPDX-License-Identifier: Apache-2.0
// Recurring bookings through the API: every occurrence checked, all conflicts reported, all or
// nothing booked; the three-month limit; canceling the rest of a series.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class RecurringApi : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
  int64_t count_bookings() {
    return h->query("SELECT COUNT(*) AS n FROM bookings")[0]["n"].get<int64_t>();
  }
};

Json weekly(const std::string& room, int days, int count) {
  Json body = booking_body(room, days, 540, 600, "周例会");
  body["recurrence"] = Json::object({{"freq", "weekly"}, {"count", count}});
  return body;
}

TEST_F(RecurringApi, WeeklySeriesBooksEveryOccurrence) {
  auto r = h->as(kJudge).post("/bookings", weekly("hp-301", 1, 4));
  ASSERT_EQ(r.status, 201) << r.body;
  Json list = r.json()["bookings"];
  ASSERT_EQ(list.size(), 4u);
  for (size_t i = 0; i < 4; ++i)
    EXPECT_EQ(list.at(i)["start"].get<std::string>(), iso(1 + 7 * i, 540));
  EXPECT_EQ(r.json()["series"]["description"].get<std::string>().substr(0, 3), "每");
  int64_t series = r.json()["series"]["id"].get<int64_t>();
  for (auto& b : list) EXPECT_EQ(b["series_id"].get<int64_t>(), series);
  EXPECT_EQ(outbox_to(*h, kJudge).size(), 1u) << "one card for the series, not four";
}

TEST_F(RecurringApi, ConflictsAreAllReportedAndNothingIsBooked) {
  int64_t a = book(*h, kClerk, booking_body("hp-301", 8, 570, 630, "甲"));
  int64_t b = book(*h, kStaff, booking_body("hp-301", 22, 500, 545, "乙"));
  int64_t before = count_bookings();
  auto r = h->as(kJudge).post("/bookings", weekly("hp-301", 1, 5));
  ASSERT_EQ(r.status, 409) << r.body;
  Json c = error_details(r)["conflicts"];
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c.at(0)["booking"]["id"].get<int64_t>(), a);
  EXPECT_EQ(c.at(1)["booking"]["id"].get<int64_t>(), b);
  EXPECT_EQ(c.at(0)["start"].get<std::string>(), iso(8, 540));
  EXPECT_NE(error_message(r).find("2 处冲突，未预订任何一次"), std::string::npos) << r.body;
  EXPECT_EQ(count_bookings(), before);
}

TEST_F(RecurringApi, ClosedDaysOfASeriesAreReportedWithTheConflicts) {
  // hp-101 is open Monday to Friday; a daily series over a week hits the weekend.
  LocalDate monday = next_weekday(1);
  int days = static_cast<int>(days_between(today(), monday));
  Json body = booking_body("hp-101", days, 540, 600);
  body["recurrence"] = Json::object({{"freq", "daily"}, {"count", 7}});
  auto r = h->as(kJudge).post("/bookings", body);
  ASSERT_EQ(r.status, 409) << r.body;
  Json c = error_details(r)["conflicts"];
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c.at(0)["reason"], "closed");
  EXPECT_NE(c.at(0)["message"].get<std::string>().find("周六"), std::string::npos);
  // Weekdays only is fine.
  body["recurrence"] = Json::object({{"freq", "weekly"},
                                     {"weekdays", Json::array({"MO", "TU", "WE", "TH", "FR"})},
                                     {"count", 5}});
  EXPECT_EQ(h->as(kJudge).post("/bookings", body).status, 201);
}

TEST_F(RecurringApi, AtMostThreeMonthsAhead) {
  auto r = h->as(kJudge).post("/bookings", weekly("hp-301", 1, 20));
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("/recurrence"), std::string::npos) << r.body;
  EXPECT_NE(error_message(r).find("最远只能到"), std::string::npos) << r.body;
  Json bad = booking_body("hp-301", 1, 540, 600);
  bad["recurrence"] = Json::object({{"freq", "hourly"}});
  r = h->as(kJudge).post("/bookings", bad);
  ASSERT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("/recurrence/freq"), std::string::npos) << r.body;
}

TEST_F(RecurringApi, CancelFollowingCancelsThisAndTheLaterOccurrences) {
  auto r = h->as(kJudge).post("/bookings", weekly("hp-301", 1, 4));
  ASSERT_EQ(r.status, 201) << r.body;
  int64_t second = r.json()["bookings"].at(1)["id"].get<int64_t>();
  auto c = h->as(kJudge).del("/bookings/" + std::to_string(second) + "?scope=following");
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json()["canceled"].size(), 3u);
  EXPECT_EQ(status_of(*h, r.json()["bookings"].at(0)["id"].get<int64_t>()), "已预订");
  EXPECT_EQ(h->as(kJudge).del("/bookings/1?scope=all").status, 400);
}

}  // namespace
}  // namespace rooms::testing
