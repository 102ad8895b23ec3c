// SPDX-License-Identifier: Apache-2.0
// The booking card's buttons: rooms.checkin and rooms.cancel.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <algorithm>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class Cards : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
};

Json press(PluginHarness& h, const std::string& user, const std::string& action, int64_t id) {
  auto r = h.as(user).card_action(action, Json::object({{"booking_id", std::to_string(id)}}),
                                  "booking-" + std::to_string(id));
  EXPECT_TRUE(r.ok) << r.body.dump();
  return r.body;
}

TEST_F(Cards, CheckInBeforeTheWindowIsRefusedPrivately) {
  int64_t id = book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  Json body = press(*h, kJudge, "rooms.checkin", id);
  EXPECT_EQ(body["userPrivateData"]["cardParamMap"]["result"], "refused");
  EXPECT_NE(body["userPrivateData"]["cardParamMap"]["message"].get<std::string>().find("签到时间"),
            std::string::npos);
  EXPECT_EQ(body["cardData"]["cardParamMap"]["status"], "已预订");
}

TEST_F(Cards, CheckInInsideTheWindowUpdatesTheCard) {
  int64_t s = (now_ms() / kMinuteMs + 3) * kMinuteMs;
  int64_t e = std::min(s + 20 * kMinuteMs, to_instant(add_days(local_date(s), 1), 0));
  int64_t id =
      book(*h, kJudge,
           Json::object({{"room_id", "hp-301"}, {"start", format_iso(s)}, {"end", format_iso(e)}}));
  Json body = press(*h, kJudge, "rooms.checkin", id);
  EXPECT_EQ(body["userPrivateData"]["cardParamMap"]["result"], "ok");
  EXPECT_EQ(body["cardData"]["cardParamMap"]["status"], "已签到");
  EXPECT_EQ(body["cardData"]["cardParamMap"]["booking_id"].get<std::string>(), std::to_string(id));
}

TEST_F(Cards, CancelButtonCancelsForTheOrganizerOnly) {
  int64_t id = book(*h, kJudge, booking_body("hp-301", 1, 540, 600));
  Json body = press(*h, kStaff, "rooms.cancel", id);
  EXPECT_EQ(body["userPrivateData"]["cardParamMap"]["result"], "refused");
  EXPECT_EQ(status_of(*h, id), "已预订");
  body = press(*h, kJudge, "rooms.cancel", id);
  EXPECT_EQ(body["userPrivateData"]["cardParamMap"]["result"], "ok");
  EXPECT_EQ(body["cardData"]["cardParamMap"]["status"], "已取消");
  body = press(*h, kJudge, "rooms.cancel", id);  // pressed twice
  EXPECT_EQ(body["userPrivateData"]["cardParamMap"]["result"], "refused");
}

TEST_F(Cards, ACardWithoutABookingIsAnError) {
  auto r = h->as(kJudge).card_action("rooms.checkin", Json::object());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.status, 400);
  r = h->as(kJudge).card_action("rooms.checkin", Json::object({{"booking_id", "99999"}}));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.status, 404);
}

}  // namespace
}  // namespace rooms::testing
