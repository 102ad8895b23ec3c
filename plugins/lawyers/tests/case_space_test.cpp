// SPDX-License-Identifier: Apache-2.0
// The court's case registry (立案, 分案, stages forward only) and the lawyer's unavailability.
#include <gtest/gtest.h>

#include "lawyers_fixture.hpp"

namespace lawyers::case_testing {
namespace {

const std::string kNumber = "（2026）辽0102民初201号";

Json new_case(const std::string& court, const std::string& number) {
  return Json::object({{"court", court},
                       {"case_number", number},
                       {"cause", "买卖合同纠纷"},
                       {"case_type", "民事"}});
}

TEST(CaseRegistry, TheFilingOfficeOpensCasesOfItsOwnCourt) {
  auto h = make_harness();
  EXPECT_EQ(h->as(kJudge).post("/cases", new_case(kCourt, kNumber)).status, 403)
      << "a judge is not the 立案庭";
  EXPECT_EQ(h->as(kOtherFiler).post("/cases", new_case(kCourt, kNumber)).status, 403)
      << "another court's 立案庭";
  auto bad = h->as(kFiler).post("/cases", new_case(kCourt, "2026民初1号"));
  ASSERT_EQ(bad.status, 400);
  EXPECT_TRUE(bad.json()["error"]["details"]["fields"].contains("case_number")) << bad.body;
  Json body = new_case(kCourt, "(2026)辽0102民初201号");  // ASCII brackets, normalised
  body["judge"] = kOtherJudge;
  bad = h->as(kFiler).post("/cases", body);
  EXPECT_EQ(bad.status, 400) << "a judge of another court";

  auto r = h->as(kFiler).post("/cases", new_case(kCourt, "(2026)辽0102民初201号"));
  ASSERT_EQ(r.status, 201) << r.body;
  Json c = r.json();
  EXPECT_EQ(c["case_number"], kNumber);
  EXPECT_EQ(c["stage"], "filed");
  EXPECT_EQ(c["progress"][0]["at_ms"].get<int64_t>(), kStartMs);
  EXPECT_TRUE(c["judge"].is_null());
  EXPECT_EQ(h->as(kCourtAdmin).post("/cases", new_case(kCourt, kNumber)).status, 409)
      << "one number, one case";
  int64_t id = c["id"].get<int64_t>();

  // 分案 by the 立案庭; the judge then moves it forward, never back.
  EXPECT_EQ(h->as(kJudge).post("/cases/" + std::to_string(id) + "/assign",
                               Json::object({{"judge", kJudge}, {"clerk", kClerk}}))
                .status,
            403);
  h->advance_ms(3600 * 1000);
  r = h->as(kFiler).post("/cases/" + std::to_string(id) + "/assign",
                         Json::object({{"judge", kJudge}, {"clerk", kClerk}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["stage"], "assigned");
  EXPECT_EQ(r.json()["judge"], Json::object({{"user_id", kJudge}, {"name", "孙法官"}}));
  EXPECT_EQ(r.json()["progress"][1]["at_ms"].get<int64_t>(), kStartMs + 3600 * 1000);
  auto stage = [&](const std::string& who, const std::string& to) {
    return h->as(who).post("/cases/" + std::to_string(id) + "/stage",
                           Json::object({{"stage", to}}));
  };
  EXPECT_EQ(stage(kColleague, "decided").status, 403);
  EXPECT_EQ(stage(kJudge, "宣判").status, 400);
  r = stage(kClerk, "decided");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["stage_label"], "宣判");
  EXPECT_TRUE(r.json()["progress"][2]["at_ms"].is_null()) << "skipped stages carry no time";
  EXPECT_EQ(stage(kJudge, "heard").status, 409) << "never backwards";
  EXPECT_EQ(stage(kJudge, "decided").status, 409);

  auto mine = h->as(kClerk).get("/cases?mine=1");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json()["items"].size(), 1u);
  EXPECT_TRUE(h->as(kColleague).get("/cases").json()["items"].empty());
  EXPECT_EQ(h->as(kFiler).get("/cases?court=" + kCourt).json()["items"].size(), 1u);
  EXPECT_EQ(h->as(kJudge).get("/cases?court=" + kCourt).status, 403);
  EXPECT_EQ(h->as(kOtherJudge).get("/cases/" + std::to_string(id)).status, 403);
  EXPECT_EQ(h->as(kJudge).get("/cases/999").status, 404);
}

TEST(Unavailability, ALawyerKeepsTheirOwnPeriods) {
  auto h = make_harness();
  int64_t wang = add_lawyer(*h, "王明", 1);
  int64_t li = add_lawyer(*h, "李华", 2);
  auto bad = as_lawyer(*h, wang).post("/portal/unavailability",
                                      Json::object({{"start_ms", at(2, 600)}, {"end_ms", at(2, 540)}}));
  EXPECT_EQ(bad.status, 400);
  auto r = as_lawyer(*h, wang).post(
      "/portal/unavailability",
      Json::object({{"start_ms", at(2, 540)}, {"end_ms", at(2, 720)}, {"reason", "出差"}}));
  ASSERT_EQ(r.status, 201) << r.body;
  int64_t id = r.json()["id"].get<int64_t>();
  EXPECT_EQ(as_lawyer(*h, wang).get("/portal/unavailability").json()["items"].size(), 1u);
  EXPECT_TRUE(as_lawyer(*h, li).get("/portal/unavailability").json()["items"].empty());
  EXPECT_EQ(as_lawyer(*h, li).del("/portal/unavailability/" + std::to_string(id)).status, 404)
      << "not theirs";
  EXPECT_EQ(as_lawyer(*h, wang).del("/portal/unavailability/" + std::to_string(id)).status, 204);
  EXPECT_TRUE(as_lawyer(*h, wang).get("/portal/unavailability").json()["items"].empty());
}

}  // namespace
}  // namespace lawyers::case_testing
