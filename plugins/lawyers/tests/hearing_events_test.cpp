// SPDX-License-Identifier: Apache-2.0
// rooms' hearing events: the mirror (idempotent, latest state wins), the case's stage and its
// upcoming hearings, and the judge's warning when the case's lawyer is due elsewhere.
#include <gtest/gtest.h>

#include "lawyers_fixture.hpp"

namespace lawyers::case_testing {
namespace {

const std::string kNumber = "（2026）辽0102民初301号";       // at kCourt
const std::string kElsewhere = "（2026）辽0103民初55号";      // at kOtherCourt
const std::string kOtherSecret = "沈阳某某商贸有限公司";      // the fixture's party

class HearingEvents : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
  int64_t case_id = open_case(*h, kCourt, kNumber, kJudge, kClerk);

  void deliver(const std::string& topic, const Json& payload) {
    auto r = h->deliver_event("rooms." + topic, payload);
    EXPECT_TRUE(r.ok) << r.error;
  }
  Json staff_view() { return h->as(kJudge).get("/cases/" + std::to_string(case_id)).json(); }
  std::vector<Json> warnings_to(const std::string& user) {
    std::vector<Json> out;
    for (auto& m : outbox_to(*h, user))
      if (m["msg"].dump().find("排期提醒") != std::string::npos) out.push_back(m);
    return out;
  }
};

TEST_F(HearingEvents, AScheduledHearingMovesTheStageAndShowsAsUpcoming) {
  int64_t wang = add_lawyer(*h, "王明", 1);
  represent(*h, wang, kCourt, kNumber, kJudge);
  Json p = hearing_payload(11, kCourt, kNumber, at(3, 540), at(3, 660), "已预约", at(0, 10),
                           kJudge, kClerk);
  deliver("hearing_scheduled", p);
  deliver("hearing_scheduled", p);  // redelivered: nothing changes
  Json c = as_lawyer(*h, wang).get("/portal/cases/" + std::to_string(case_id)).json();
  EXPECT_EQ(c["stage"], "scheduled");
  EXPECT_EQ(c["progress"][2]["at_ms"].get<int64_t>(), at(0, 10));
  ASSERT_EQ(c["upcoming_hearings"].size(), 1u);
  EXPECT_EQ(c["upcoming_hearings"][0]["hearing_id"], 11);
  EXPECT_EQ(c["upcoming_hearings"][0]["start_ms"].get<int64_t>(), at(3, 540));
  EXPECT_EQ(c["upcoming_hearings"][0]["court_name"], "沈阳市和平区人民法院");
  EXPECT_EQ(c["upcoming_hearings"][0]["room"], "远程视频庭审室");

  // It opens: 开庭. A late 已通知 arriving afterwards moves nothing back.
  p["status"] = "进行中";
  p["changed_ms"] = at(3, 541);
  deliver("hearing_changed", p);
  Json late = p;
  late["status"] = "已通知";
  late["changed_ms"] = at(1, 0);
  deliver("hearing_changed", late);
  c = staff_view();
  EXPECT_EQ(c["stage"], "heard");
  ASSERT_EQ(c["upcoming_hearings"].size(), 1u) << "under way";
  // It ends: no longer upcoming; the stage stays 开庭.
  p["status"] = "已结束";
  p["changed_ms"] = at(3, 650);
  deliver("hearing_changed", p);
  c = staff_view();
  EXPECT_EQ(c["stage"], "heard");
  EXPECT_TRUE(c["upcoming_hearings"].empty());
  EXPECT_EQ(h->query("SELECT status FROM hearings WHERE hearing_id = 11")[0]["status"], "已结束");
}

TEST_F(HearingEvents, ACanceledHearingIsNoLongerUpcoming) {
  Json p = hearing_payload(12, kCourt, kNumber, at(3, 540), at(3, 600), "已预约", at(0, 1),
                           kJudge, kClerk);
  deliver("hearing_scheduled", p);
  p["status"] = "已取消";
  p["changed_ms"] = at(0, 2);
  deliver("hearing_changed", p);
  Json c = staff_view();
  EXPECT_TRUE(c["upcoming_hearings"].empty());
  EXPECT_EQ(c["stage"], "scheduled") << "it was scheduled once; stages do not go back";
  EXPECT_TRUE(h->deliver_event("rooms.hearing_changed", Json::object({{"hearing_id", "x"}})).ok)
      << "a payload rooms never sends is logged and dropped, not retried forever";
}

TEST_F(HearingEvents, ALawyerDueAtAnotherCourtWarnsTheJudgeAndClerkOnce) {
  int64_t wang = add_lawyer(*h, "王明", 1);
  represent(*h, wang, kCourt, kNumber, kJudge);
  open_case(*h, kOtherCourt, kElsewhere, kOtherJudge, kOtherClerk);
  represent(*h, wang, kOtherCourt, kElsewhere, kOtherJudge);
  // Wang is at the other court 09:00-11:00 on day 3.
  deliver("hearing_scheduled", hearing_payload(21, kOtherCourt, kElsewhere, at(3, 540),
                                               at(3, 660), "已预约", at(0, 1), kOtherJudge,
                                               kOtherClerk));
  EXPECT_TRUE(warnings_to(kOtherJudge).empty()) << "nothing else that day yet";
  // Here at 11:30: within the 60-minute travel buffer.
  Json p = hearing_payload(22, kCourt, kNumber, at(3, 690), at(3, 750), "已预约", at(0, 2), kJudge,
                           kClerk);
  deliver("hearing_scheduled", p);
  deliver("hearing_scheduled", p);
  p["status"] = "已通知";
  deliver("hearing_changed", p);
  auto to_judge = warnings_to(kJudge);
  ASSERT_EQ(to_judge.size(), 1u) << "once, whatever is redelivered";
  EXPECT_EQ(warnings_to(kClerk).size(), 1u);
  std::string text = to_judge[0]["msg"].dump();
  EXPECT_NE(text.find("王明"), std::string::npos) << text;
  EXPECT_NE(text.find("沈阳市沈河区人民法院"), std::string::npos) << text;
  EXPECT_NE(text.find("12月10日 09:00–11:00"), std::string::npos) << text;
  EXPECT_EQ(text.find(kElsewhere), std::string::npos) << "never the other case: " << text;
  EXPECT_EQ(text.find(kOtherSecret), std::string::npos) << "never its parties: " << text;

  // The same check on demand; 12:00 is exactly the buffer's end, so no conflict.
  auto check = [&](int from, int to) {
    return h->as(kClerk).get("/conflicts?court=" + kCourt + "&case_number=" + kNumber +
                             "&start_ms=" + std::to_string(at(3, from)) +
                             "&end_ms=" + std::to_string(at(3, to)));
  };
  auto r = check(690, 750);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json()["conflicts"].size(), 1u);
  EXPECT_EQ(r.json()["conflicts"][0], Json::object({{"lawyer_name", "王明"},
                                                     {"kind", "hearing"},
                                                     {"court_name", "沈阳市沈河区人民法院"},
                                                     {"start_ms", at(3, 540)},
                                                     {"end_ms", at(3, 660)}}));
  EXPECT_TRUE(check(720, 780).json()["conflicts"].empty());
  EXPECT_EQ(h->as(kOtherJudge).get("/conflicts?court=" + kCourt + "&case_number=" + kNumber +
                                   "&start_ms=1&end_ms=2")
                .status,
            403);
  EXPECT_EQ(h->as(kClerk).get("/conflicts?court=" + kCourt + "&case_number=x&start_ms=a").status,
            400);
}

TEST_F(HearingEvents, UnavailabilityAndTheSameCourtCountWithoutTravel) {
  int64_t wang = add_lawyer(*h, "王明", 1);
  represent(*h, wang, kCourt, kNumber, kJudge);
  open_case(*h, kCourt, "（2026）辽0102民初302号", kColleague, kClerk);
  represent(*h, wang, kCourt, "（2026）辽0102民初302号", kColleague);
  deliver("hearing_scheduled", hearing_payload(31, kCourt, "（2026）辽0102民初302号", at(4, 540),
                                               at(4, 600), "已预约", at(0, 1), kColleague, kClerk));
  // Back to back at the same court: fine.
  deliver("hearing_scheduled", hearing_payload(32, kCourt, kNumber, at(4, 600), at(4, 660),
                                               "已预约", at(0, 2), kJudge, kClerk));
  EXPECT_TRUE(warnings_to(kJudge).empty());
  // Wang is away on day 5 in the afternoon.
  ASSERT_EQ(as_lawyer(*h, wang)
                .post("/portal/unavailability",
                      Json::object({{"start_ms", at(5, 780)}, {"end_ms", at(5, 1080)}, {"reason", "出差"}}))
                .status,
            201);
  deliver("hearing_scheduled", hearing_payload(33, kCourt, kNumber, at(5, 840), at(5, 900),
                                               "已预约", at(0, 3), kJudge, kClerk));
  auto warned = warnings_to(kJudge);
  ASSERT_EQ(warned.size(), 1u);
  EXPECT_NE(warned[0]["msg"].dump().find("不便出庭"), std::string::npos);
  EXPECT_EQ(warned[0]["msg"].dump().find("出差"), std::string::npos) << "the reason is the lawyer's";
}

}  // namespace
}  // namespace lawyers::case_testing
