// SPDX-License-Identifier: Apache-2.0
// 联系法官: the lawyer of a case asks, the judge proposes another time, the lawyer accepts;
// messages both ways are kept; wrong moves are 409 naming the state.
#include "filings_fixture.hpp"

namespace lawyers::testing {
namespace {

class AppointmentFlowTest : public FilingsTest {
 protected:
  // A case of kCourt with kJudge and kClerk that `lawyer` represents (filed and accepted).
  int64_t represented_case(int64_t lawyer) {
    int64_t id = file(lawyer);
    auto r = h->as(kFilingStaff).post("/filings/" + std::to_string(id) + "/accept",
                                      Json::object({{"judge", kJudge}, {"clerk", kClerk}}));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json()["case_id"].get<int64_t>() : 0;
  }
  Json request(int64_t case_id) {
    return Json::object({{"case_id", case_id},
                         {"reason", "沟通调解方案"},
                         {"mode", "in_person"},
                         {"start_ms", kStartMs + kDayMs},
                         {"end_ms", kStartMs + kDayMs + kHourMs}});
  }
};

TEST_F(AppointmentFlowTest, ProposedByTheJudgeAndAcceptedByTheLawyer) {
  int64_t lawyer = verified_lawyer(0);
  int64_t case_id = represented_case(lawyer);
  h->clear_outbox();

  auto asked = as_lawyer(lawyer).post("/portal/appointments", request(case_id));
  ASSERT_EQ(asked.status, 201) << asked.body;
  Json a = asked.json();
  EXPECT_EQ(a["state"], "requested");
  EXPECT_EQ(a["state_label"], "待答复");
  EXPECT_EQ(a["case_number"], "（2026）辽0102民初1号");
  EXPECT_EQ(notices_to(kJudge).size(), 1u);
  EXPECT_EQ(notices_to(kClerk).size(), 1u);
  const std::string path = "/appointments/" + std::to_string(a["id"].get<int64_t>());

  EXPECT_EQ(h->as(kJudge).get("/appointments?state=requested").json()["items"].size(), 1u);
  auto proposed = h->as(kJudge).post(
      path + "/propose", Json::object({{"start_ms", kStartMs + 2 * kDayMs},
                                       {"end_ms", kStartMs + 2 * kDayMs + kHourMs},
                                       {"note", "明天开庭，改到后天上午"}}));
  ASSERT_EQ(proposed.status, 200) << proposed.body;
  EXPECT_EQ(proposed.json()["state"], "proposed");
  EXPECT_EQ(proposed.json()["proposed"]["start_ms"], kStartMs + 2 * kDayMs);

  auto wrote = as_lawyer(lawyer).post("/portal" + path + "/messages",
                                      Json::object({{"text", "好的，后天上午到"}}));
  ASSERT_EQ(wrote.status, 201) << wrote.body;
  EXPECT_EQ(notices_to(kJudge).size(), 2u) << "a notice per word from the lawyer";
  ASSERT_EQ(h->as(kClerk).post(path + "/messages", Json::object({{"text", "请带授权委托书原件"}})).status,
            201);

  auto accepted = as_lawyer(lawyer).post("/portal" + path + "/accept", Json::object());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  Json done = accepted.json();
  EXPECT_EQ(done["state"], "accepted");
  EXPECT_EQ(done["start_ms"], kStartMs + 2 * kDayMs);
  EXPECT_TRUE(done["proposed"].is_null());
  std::vector<std::string> said;
  for (auto& m : done["messages"])
    said.push_back(m["from"].get<std::string>() + ":" + m["text"].get<std::string>());
  EXPECT_EQ(said, (std::vector<std::string>{"lawyer:沟通调解方案", "court:明天开庭，改到后天上午",
                                            "lawyer:好的，后天上午到", "court:请带授权委托书原件"}));

  auto twice = as_lawyer(lawyer).post("/portal" + path + "/accept", Json::object());
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(error_message(twice).find("accepted (已确认)"), std::string::npos) << twice.body;
  EXPECT_EQ(h->as(kJudge).post(path + "/decline", Json::object({{"reason", "x"}})).status, 409);
}

TEST_F(AppointmentFlowTest, DeclinedAndClosed) {
  int64_t lawyer = verified_lawyer(0);
  int64_t case_id = represented_case(lawyer);
  auto a = as_lawyer(lawyer).post("/portal/appointments", request(case_id)).json();
  const std::string path = "/appointments/" + std::to_string(a["id"].get<int64_t>());
  EXPECT_EQ(h->as(kJudge).post(path + "/decline", Json::object()).status, 400);
  auto declined = h->as(kJudge).post(path + "/decline", Json::object({{"reason", "请通过书记员联系"}}));
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json()["state_label"], "已拒绝");
  EXPECT_EQ(as_lawyer(lawyer).post("/portal" + path + "/messages",
                                   Json::object({{"text", "再联系"}})).status,
            409);
  EXPECT_EQ(as_lawyer(lawyer).post("/portal" + path + "/cancel", Json::object()).status, 409);
}

TEST_F(AppointmentFlowTest, OnlyForCasesTheLawyerRepresentsAndOnlyTheirOwn) {
  int64_t lawyer = verified_lawyer(0), other = verified_lawyer(1);
  int64_t case_id = represented_case(lawyer);
  EXPECT_EQ(as_lawyer(other).post("/portal/appointments", request(case_id)).status, 404);
  auto a = as_lawyer(lawyer).post("/portal/appointments", request(case_id)).json();
  const std::string path = "/portal/appointments/" + std::to_string(a["id"].get<int64_t>());
  EXPECT_EQ(as_lawyer(other).get(path).status, 404);
  EXPECT_EQ(as_lawyer(other).post(path + "/cancel", Json::object()).status, 404);
  EXPECT_EQ(h->as(kOtherFilingStaff).get("/appointments/" + std::to_string(a["id"].get<int64_t>())).status,
            403);
}

}  // namespace
}  // namespace lawyers::testing
