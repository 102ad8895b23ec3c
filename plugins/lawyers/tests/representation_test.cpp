// SPDX-License-Identifier: Apache-2.0
// Representation, the security core: a lawyer reaches a case only once its judge or clerk has
// confirmed the power of attorney; every other way in answers the same 404.
#include <gtest/gtest.h>

#include "lawyers_fixture.hpp"

namespace lawyers::case_testing {
namespace {

const std::string kNumber = "（2026）辽0102民初101号";
const std::string kOtherNumber = "（2026）辽0103民初7号";

class Representation : public ::testing::Test {
 protected:
  std::unique_ptr<PluginHarness> h = make_harness();
  int64_t wang = add_lawyer(*h, "王明", 1);
  int64_t li = add_lawyer(*h, "李华", 2);
  int64_t case_id = open_case(*h, kCourt, kNumber, kJudge, kClerk);

  HttpResult decide(const std::string& who, int64_t id, const std::string& action,
                    const Json& body = Json::object()) {
    return h->as(who).post("/representations/" + std::to_string(id) + "/" + action, body);
  }
  std::string error_of(const HttpResult& r) { return r.json()["error"]["message"].get<std::string>(); }
};

TEST_F(Representation, ARequestConfirmedByTheJudgeOpensTheCaseSpace) {
  auto asked = ask_to_represent(*h, wang, kCourt, kNumber);
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json()["state"], "requested");
  int64_t id = asked.json()["id"].get<int64_t>();
  // The judge and the clerk are told, once each.
  ASSERT_EQ(outbox_to(*h, kJudge).size(), 1u);
  EXPECT_NE(outbox_to(*h, kJudge)[0]["msg"].dump().find("王明"), std::string::npos);
  EXPECT_EQ(outbox_to(*h, kClerk).size(), 1u);
  // Not yet confirmed: the case is not theirs.
  EXPECT_EQ(as_lawyer(*h, wang).get("/portal/cases/" + std::to_string(case_id)).status, 404);
  EXPECT_TRUE(as_lawyer(*h, wang).get("/portal/cases").json()["items"].empty());
  auto mine = as_lawyer(*h, wang).get("/portal/representations").json()["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["state_label"], "待核实");
  EXPECT_TRUE(mine[0]["case_id"].is_null());

  auto confirmed = decide(kJudge, id, "confirm");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json()["state"], "confirmed");
  auto history = confirmed.json()["history"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["action"], "requested");
  EXPECT_EQ(history[0]["actor"], "lawyer:" + std::to_string(wang));
  EXPECT_EQ(history[1]["action"], "confirmed");
  EXPECT_EQ(history[1]["actor"], kJudge);
  EXPECT_EQ(history[1]["actor_name"], "孙法官");
  EXPECT_EQ(history[1]["at_ms"].get<int64_t>(), h->now_ms());

  auto cases = as_lawyer(*h, wang).get("/portal/cases");
  ASSERT_EQ(cases.status, 200) << cases.body;
  ASSERT_EQ(cases.json()["items"].size(), 1u);
  Json c = cases.json()["items"][0];
  EXPECT_EQ(c["case_number"], kNumber);
  EXPECT_EQ(c["court_name"], "沈阳市和平区人民法院");
  EXPECT_EQ(c["stage"], "assigned");
  EXPECT_EQ(c["stage_label"], "分案");
  EXPECT_EQ(c["judge"], Json::object({{"name", "孙法官"}})) << "names only in the portal";
  EXPECT_EQ(c["progress"].size(), 7u);
  EXPECT_EQ(c["progress"][0]["label"], "立案");
  EXPECT_TRUE(c["progress"][0]["at_ms"].is_number_integer());
  EXPECT_TRUE(c["progress"][2]["at_ms"].is_null());
  EXPECT_EQ(as_lawyer(*h, wang).get("/portal/cases/" + std::to_string(case_id)).status, 200);
}

TEST_F(Representation, EveryOtherWayInIsTheSame404) {
  represent(*h, wang, kCourt, kNumber, kJudge);
  // Li's own case at another court, confirmed there.
  open_case(*h, kOtherCourt, kOtherNumber, kOtherJudge, kOtherClerk);
  represent(*h, li, kOtherCourt, kOtherNumber, kOtherJudge);
  auto refused_case = open_case(*h, kCourt, "（2026）辽0102民初102号", kJudge, kClerk);
  auto r = ask_to_represent(*h, li, kCourt, "（2026）辽0102民初102号");
  ASSERT_EQ(decide(kClerk, r.json()["id"].get<int64_t>(), "refuse",
                   Json::object({{"reason", "授权委托书未载明代理权限"}}))
                .status,
            200);
  auto revoked_case = open_case(*h, kCourt, "（2026）辽0102民初103号", kJudge, kClerk);
  int64_t rep = represent(*h, li, kCourt, "（2026）辽0102民初103号", kJudge);
  ASSERT_EQ(decide(kJudge, rep, "revoke", Json::object({{"reason", "当事人解除委托"}})).status, 200);

  auto denied = [&](int64_t id) {
    auto r = as_lawyer(*h, li).get("/portal/cases/" + std::to_string(id));
    EXPECT_EQ(r.status, 404) << id << ": " << r.body;
    return r.json()["error"]["message"].get<std::string>();
  };
  auto expected = [](int64_t id) { return "no case " + std::to_string(id) + " among yours"; };
  EXPECT_EQ(denied(case_id), expected(case_id)) << "another lawyer's case";
  EXPECT_EQ(denied(987654), expected(987654)) << "a guessed id";
  EXPECT_EQ(denied(refused_case), expected(refused_case)) << "a refused representation";
  EXPECT_EQ(denied(revoked_case), expected(revoked_case)) << "a revoked representation";
  EXPECT_EQ(as_lawyer(*h, li).get("/portal/cases/abc").status, 404);
  // Wang's case number, but at the other court: another case, not Wang's.
  int64_t namesake = open_case(*h, kOtherCourt, kNumber, kOtherJudge, kOtherClerk);
  auto wrong_court = as_lawyer(*h, wang).get("/portal/cases/" + std::to_string(namesake));
  EXPECT_EQ(wrong_court.status, 404);
  EXPECT_EQ(error_of(wrong_court), expected(namesake)) << "a case at another court";
  // Li sees exactly the one case they represent, at the other court.
  auto items = as_lawyer(*h, li).get("/portal/cases").json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["court_code"], kOtherCourt);
  // Wang, who represents case_id at kCourt, cannot reach Li's case at the other court.
  int64_t li_case = items[0]["id"].get<int64_t>();
  auto other = as_lawyer(*h, wang).get("/portal/cases/" + std::to_string(li_case));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(error_of(other), expected(li_case));
}

TEST_F(Representation, OnlyTheCasesOwnStaffDecide) {
  int64_t id = ask_to_represent(*h, wang, kCourt, kNumber).json()["id"].get<int64_t>();
  EXPECT_EQ(decide(kOtherJudge, id, "confirm").status, 403) << "staff of another court";
  EXPECT_EQ(decide(kColleague, id, "confirm").status, 403) << "a judge of the court, not the case's";
  EXPECT_EQ(h->as(kOtherJudge).get("/cases/" + std::to_string(case_id)).status, 403);
  EXPECT_EQ(h->as(kOtherJudge).get("/representations?case_id=" + std::to_string(case_id)).status,
            403);
  EXPECT_EQ(decide(kClerk, id, "refuse").status, 400) << "a refusal needs its reason";
  EXPECT_EQ(decide(kCourtAdmin, id, "confirm").status, 200) << "the court_admin of its court";
  EXPECT_EQ(decide(kJudge, id, "confirm").status, 409) << "already confirmed";
  EXPECT_EQ(decide(kJudge, 4242, "confirm").status, 404);
  // The staff list shows who asked, with the power of attorney.
  auto list = h->as(kClerk).get("/representations?case_id=" + std::to_string(case_id));
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["lawyer"]["name"], "王明");
  EXPECT_EQ(list.json()["items"][0]["state_label"], "已确认");
  EXPECT_EQ(list.json()["items"][0]["poa_file"].get<std::string>().size(), 64u);
}

TEST_F(Representation, ARequestNeedsTheLawyersOwnUploadAndAKnownCase) {
  std::string li_poa = upload_poa(*h, li);
  auto r = as_lawyer(*h, wang).post("/portal/representations",
                                    Json::object({{"court", kCourt},
                                                  {"case_number", kNumber},
                                                  {"party", "张三"},
                                                  {"party_role", "被告"},
                                                  {"poa_file", li_poa}}));
  EXPECT_EQ(r.status, 400) << "another lawyer's upload: " << r.body;
  EXPECT_TRUE(r.json()["error"]["details"]["fields"].contains("poa_file")) << r.body;
  r = as_lawyer(*h, wang).post("/portal/representations",
                               Json::object({{"court", kCourt},
                                             {"case_number", "（2026）辽0102民初999号"},
                                             {"party", "张三"},
                                             {"party_role", "被告"},
                                             {"poa_file", upload_poa(*h, wang)}}));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_of(r), "no case （2026）辽0102民初999号 at " + kCourt);
  EXPECT_EQ(ask_to_represent(*h, wang, kCourt, kNumber).status, 201);
  EXPECT_EQ(ask_to_represent(*h, wang, kCourt, kNumber).status, 409) << "one request at a time";
  EXPECT_EQ(h->as(kJudge).get("/portal/cases").status, 401) << "a staff session on the portal";
  EXPECT_EQ(as_lawyer(*h, wang).get("/cases/" + std::to_string(case_id)).status, 401)
      << "a lawyer session on a staff route";
}

}  // namespace
}  // namespace lawyers::case_testing
