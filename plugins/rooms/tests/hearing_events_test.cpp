// SPDX-License-Identifier: Apache-2.0
// rooms.hearing_scheduled and rooms.hearing_changed: one event per change of a hearing's status
// or time, with the hearing as it stands (no parties, no phones).
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

#include <algorithm>

#include "harness_fixture.hpp"

namespace rooms::testing {
namespace {

class HearingEvents : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();

  int64_t create(const Json& body) {
    auto r = h->as(kJudge).post("/hearings", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["id"].get<int64_t>() : 0;
  }
  // "<topic> <status>" of each hearing event about `id`, oldest first.
  std::vector<std::string> events_of(int64_t id) const {
    std::vector<std::string> out;
    for (auto& e : h->published()) {
      std::string topic = e["topic"].get<std::string>();
      if (topic.find("hearing_") == std::string::npos) continue;
      if (e["payload"]["hearing_id"].get<int64_t>() != id) continue;
      out.push_back(topic + " " + e["payload"]["status"].get<std::string>());
    }
    return out;
  }
  Json last_payload(int64_t id) const {
    Json out;
    for (auto& e : h->published())
      if (e["topic"].get<std::string>().find("hearing_") != std::string::npos &&
          e["payload"]["hearing_id"].get<int64_t>() == id)
        out = e["payload"];
    return out;
  }
};

TEST_F(HearingEvents, SchedulingPublishesTheHearingThenItsNotice) {
  int64_t id = create(hearing_body(5, 540, 660));
  EXPECT_EQ(events_of(id), (std::vector<std::string>{"rooms.hearing_scheduled 已预约",
                                                     "rooms.hearing_changed 已通知"}));
  Json p = last_payload(id);
  EXPECT_EQ(p["court"], kCourt);
  EXPECT_EQ(p["case_number"], "（2026）辽0102民初123号");
  EXPECT_EQ(p["start_ms"].get<int64_t>(), at(5, 540));
  EXPECT_EQ(p["end_ms"].get<int64_t>(), at(5, 660));
  EXPECT_EQ(p["mode"], "online");
  EXPECT_EQ(p["judge"], kJudge);
  EXPECT_EQ(p["clerk"], kClerk);
  EXPECT_FALSE(p["room"].get<std::string>().empty());
  EXPECT_TRUE(p["changed_ms"].is_number_integer());
  EXPECT_EQ(p.find("parties"), p.end());
  for (auto& e : h->published())
    EXPECT_EQ(e.dump().find("13812345678"), std::string::npos) << "no party's phone: " << e;
}

TEST_F(HearingEvents, ReleaseCancelAndRescheduleArePublished) {
  int64_t released = create(hearing_body(5, 540, 600));
  h->run_job("release", at(5, 555));
  EXPECT_EQ(events_of(released).back(), "rooms.hearing_changed 已释放");

  int64_t canceled = create(hearing_body(6, 540, 600));
  ASSERT_EQ(h->as(kJudge)
                .post("/hearings/" + std::to_string(canceled) + "/status",
                      Json::object({{"status", "已取消"}}))
                .status,
            200);
  EXPECT_EQ(events_of(canceled).back(), "rooms.hearing_changed 已取消");

  int64_t old = create(hearing_body(7, 540, 600));
  auto r = h->as(kClerk).post("/hearings/" + std::to_string(old) + "/reschedule",
                              Json::object({{"start", iso(8, 570)}, {"end", iso(8, 630)}}));
  ASSERT_EQ(r.status, 201) << r.body;
  int64_t next = r.json()["id"].get<int64_t>();
  EXPECT_EQ(events_of(old).back(), "rooms.hearing_changed 已改期");
  EXPECT_EQ(events_of(next), (std::vector<std::string>{"rooms.hearing_scheduled 已预约",
                                                       "rooms.hearing_changed 已通知"}));
  EXPECT_EQ(last_payload(next)["start_ms"].get<int64_t>(), at(8, 570));
}

TEST_F(HearingEvents, OpeningOverrunningAndEndingArePublished) {
  int64_t s = 0, e = 0;
  auto body = hearing_starting_now(s, e);
  if (!body) GTEST_SKIP() << "too close to midnight for an extension test";
  int64_t id = create(*body);
  auto move = [&](const std::string& to) {
    return h->as(kClerk)
        .post("/hearings/" + std::to_string(id) + "/status", Json::object({{"status", to}}))
        .status;
  };
  ASSERT_EQ(move("测试通过"), 200);
  ASSERT_EQ(move("进行中"), 200);
  h->run_job("release", e);  // extended by 30 minutes: the end moved
  ASSERT_EQ(move("已结束"), 200);
  EXPECT_EQ(events_of(id),
            (std::vector<std::string>{"rooms.hearing_scheduled 已预约",
                                      "rooms.hearing_changed 已通知",
                                      "rooms.hearing_changed 测试通过",
                                      "rooms.hearing_changed 进行中",
                                      "rooms.hearing_changed 进行中",
                                      "rooms.hearing_changed 已结束"}));
  int n = 0;
  for (auto& ev : h->published())
    if (ev["topic"] == "rooms.hearing_changed" && ev["payload"]["status"] == "进行中" &&
        ev["payload"]["end_ms"].get<int64_t>() == e + 30 * kMinuteMs)
      ++n;
  EXPECT_EQ(n, 1) << "the overrun is one event, with the new end";
}

}  // namespace
}  // namespace rooms::testing
