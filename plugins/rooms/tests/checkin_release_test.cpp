// SPDX-License-Identifier: Apache-2.0
// Reminders, check-in and the release job. Jobs take "now" from the time they fire for, so the
// tests drive them with run_job(name, ms); the check-in route uses the real clock.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <algorithm>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class CheckinRelease : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();

  // A booking of hp-301 starting a few minutes from now (inside the check-in window), ending
  // before midnight so it fits one day's hours.
  int64_t book_soon(const std::string& user, int64_t* start = nullptr) {
    int64_t s = (now_ms() / kMinuteMs + 3) * kMinuteMs;
    int64_t midnight = to_instant(add_days(local_date(s), 1), 0);
    int64_t e = std::min(s + 20 * kMinuteMs, midnight);
    if (start) *start = s;
    return book(*h, user,
                Json::object({{"room_id", "hp-301"},
                              {"start", format_iso(s)},
                              {"end", format_iso(e)},
                              {"title", "临时碰头"}}));
  }
};

TEST_F(CheckinRelease, ReminderGoesOutOnceFifteenMinutesBefore) {
  Json body = booking_body("hp-301", 1, 540, 600, "庭务会");
  body["attendees"] = Json::array({kClerk});
  int64_t id = book(*h, kJudge, body);
  h->clear_outbox();
  h->run_job("remind", at(1, 540 - 16));
  EXPECT_TRUE(h->outbox().empty());
  h->run_job("remind", at(1, 540 - 15));
  h->run_job("remind", at(1, 540 - 14));
  h->run_job("remind", at(1, 540 - 1));
  auto sent = h->outbox();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["target"].get<std::string>(), kJudge + "," + kClerk);
  std::string text = sent[0]["msg"]["markdown"]["text"].get<std::string>();
  EXPECT_NE(text.find("signin " + std::to_string(id)), std::string::npos) << text;
  EXPECT_NE(text.find("08:50-09:15"), std::string::npos) << text;
}

TEST_F(CheckinRelease, AMovedBookingIsRemindedAgainAtItsNewTime) {
  int64_t id = book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  h->run_job("remind", at(1, 530));
  ASSERT_EQ(h->as(kJudge)
                .patch("/bookings/" + std::to_string(id),
                       Json::object({{"start", iso(1, 660)}, {"end", iso(1, 720)}}))
                .status,
            200);
  h->clear_outbox();
  h->run_job("remind", at(1, 650));
  EXPECT_EQ(h->outbox().size(), 1u);
}

TEST_F(CheckinRelease, NobodyCheckedInIsReleasedAndToldOnce) {
  int64_t id = book(*h, kJudge, booking_body("hp-301", 1, 540, 600, "庭务会"));
  h->clear_outbox();
  h->run_job("release", at(1, 554));
  EXPECT_EQ(status_of(*h, id), "已预订");
  h->run_job("release", at(1, 555));
  EXPECT_EQ(status_of(*h, id), "已释放");
  h->run_job("release", at(1, 555));
  h->run_job("release", at(1, 556));
  auto sent = h->outbox();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["target"].get<std::string>(), kJudge);
  EXPECT_NE(sent[0]["msg"]["markdown"]["text"].get<std::string>().find("会议室已释放"),
            std::string::npos);
  // Released means free: someone else may take the rest of the hour.
  EXPECT_EQ(h->as(kClerk).post("/bookings", booking_body("hp-301", 1, 560, 600)).status, 201);
}

TEST_F(CheckinRelease, CheckInWorksInsideTheWindowOnly) {
  int64_t soon = book_soon(kJudge);
  int64_t later = book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  auto r = h->as(kJudge).post("/bookings/" + std::to_string(later) + "/checkin", Json::object());
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_NE(error_message(r).find("还没到签到时间"), std::string::npos) << r.body;
  EXPECT_NE(error_message(r).find("08:50-09:15"), std::string::npos) << r.body;
  EXPECT_EQ(
      h->as(kStaff).post("/bookings/" + std::to_string(soon) + "/checkin", Json::object()).status,
      403)
      << "not an attendee";
  r = h->as(kJudge).post("/bookings/" + std::to_string(soon) + "/checkin", Json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "已签到");
  EXPECT_EQ(r.json()["checked_in_by"].get<std::string>(), kJudge);
  r = h->as(kJudge).post("/bookings/" + std::to_string(soon) + "/checkin", Json::object());
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(error_message(r).find("已经签到过了"), std::string::npos);
}

TEST_F(CheckinRelease, ACheckedInBookingIsNotReleasedAndEndsEarlyOrByTime) {
  int64_t start = 0;
  int64_t id = book_soon(kJudge, &start);
  ASSERT_EQ(
      h->as(kJudge).post("/bookings/" + std::to_string(id) + "/checkin", Json::object()).status,
      200);
  h->run_job("release", start + 16 * kMinuteMs);
  EXPECT_EQ(status_of(*h, id), "已签到");
  auto r = h->as(kJudge).post("/bookings/" + std::to_string(id) + "/end", Json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "已结束");
  EXPECT_LE(r.json()["end_ms"].get<int64_t>(), start + kMinuteMs)
      << "the rest of the slot is handed back";

  int64_t other = book(*h, kJudge, booking_body("hp-205", 1, 540, 600));
  h->query("UPDATE bookings SET status = '已签到', told = '已签到' WHERE id = ?", {Json(other)});
  h->run_job("release", at(1, 600));
  EXPECT_EQ(status_of(*h, other), "已结束");
}

TEST_F(CheckinRelease, TheLastMomentOfTheWindowStillCounts) {
  // The release job at start + 15 min and a check-in racing it: whichever commits first wins,
  // the other sees the new status. The store guards both with "status = '已预订'".
  int64_t id = book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  h->run_job("release", at(1, 555));
  EXPECT_EQ(status_of(*h, id), "已释放");
  auto r = h->as(kJudge).post("/bookings/" + std::to_string(id) + "/checkin", Json::object());
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(error_message(r).find("已释放"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace rooms::testing
