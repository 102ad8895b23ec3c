// SPDX-License-Identifier: Apache-2.0
// 网上立案 end to end: file → the 立案庭 returns it with what is missing → the lawyer corrects
// and resubmits → accepted with a 案号, and the filer represents the new case. Refusal, and who
// may see or act on a filing.
#include "filings_fixture.hpp"

namespace lawyers::testing {
namespace {

using FilingFlowTest = FilingsTest;

TEST_F(FilingFlowTest, ANewFilingAwaitsReviewSevenDaysAndTellsThe立案庭Head) {
  int64_t lawyer = verified_lawyer(0);
  auto r = as_lawyer(lawyer).post("/portal/filings", filing_form(lawyer));
  ASSERT_EQ(r.status, 201) << r.body;
  Json f = r.json();
  EXPECT_EQ(f["state"], "submitted");
  EXPECT_EQ(f["state_label"], "待审查");
  EXPECT_EQ(f["court_name"], "沈阳市和平区人民法院");
  EXPECT_EQ(f["submitted_ms"], kStartMs);
  EXPECT_EQ(f["due_ms"], kStartMs + 7 * kDayMs);
  EXPECT_EQ(f["overdue"], false);
  EXPECT_EQ(f["documents"]["complaint"][0]["name"], "起诉状.pdf");
  EXPECT_EQ(f["evidence"][0]["files"][0]["type"], "image/png");
  EXPECT_TRUE(f["case_id"].is_null());

  auto notices = notices_to(kFilingHead);
  ASSERT_EQ(notices.size(), 1u);
  const Json& card = notices[0]["msg"]["action_card"];
  EXPECT_NE(card["single_url"].get<std::string>().find(
                "/apps/lawyers/ui/court.html#/filings/" + std::to_string(f["id"].get<int64_t>())),
            std::string::npos)
      << card.dump();
  EXPECT_EQ(card["markdown"].get<std::string>().find("张三"), std::string::npos)
      << "the notice names no party";
}

TEST_F(FilingFlowTest, ReturnedCorrectedResubmittedAndAccepted) {
  int64_t lawyer = verified_lawyer(0);
  int64_t id = file(lawyer);
  const std::string path = "/filings/" + std::to_string(id);

  auto returned = h->as(kFilingStaff).post(
      path + "/return", Json::object({{"missing", Json::array({"原告身份证明（身份证复印件）"})},
                                      {"note", "请补充原告身份证复印件"}}));
  ASSERT_EQ(returned.status, 200) << returned.body;
  auto seen = as_lawyer(lawyer).get("/portal" + path).json();
  EXPECT_EQ(seen["state"], "returned");
  EXPECT_EQ(seen["correction"]["missing"][0], "原告身份证明（身份证复印件）");
  EXPECT_EQ(seen["overdue"], false);

  h->advance_ms(2 * kDayMs);
  Json corrected = filing_form(lawyer);
  corrected["documents"]["identity"].push_back(
      uploaded(lawyer, pdf_bytes() + "% id card copy\n", "身份证复印件.pdf"));
  auto resubmitted = as_lawyer(lawyer).post("/portal" + path + "/resubmit", corrected);
  ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
  EXPECT_EQ(resubmitted.json()["state"], "submitted");
  EXPECT_EQ(resubmitted.json()["due_ms"], kStartMs + 9 * kDayMs);
  EXPECT_EQ(resubmitted.json()["documents"]["identity"].size(), 2u);
  EXPECT_EQ(notices_to(kFilingHead).size(), 2u) << "the resubmission is announced too";

  auto accepted = h->as(kFilingStaff).post(
      path + "/accept", Json::object({{"judge", kJudge}, {"clerk", kClerk}}));
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["case_number"], "（2026）辽0102民初1号");
  const int64_t case_id = accepted.json()["case_id"].get<int64_t>();

  Json done = as_lawyer(lawyer).get("/portal" + path).json();
  EXPECT_EQ(done["state"], "accepted");
  EXPECT_EQ(done["state_label"], "已立案");
  EXPECT_EQ(done["case_number"], "（2026）辽0102民初1号");
  EXPECT_EQ(done["case_id"], case_id);
  std::vector<std::string> actions;
  for (auto& e : done["history"]) actions.push_back(e["action"].get<std::string>());
  EXPECT_EQ(actions, (std::vector<std::string>{"submit", "return", "resubmit", "accept"}));

  // The filer represents the case now (the cases part's guard lets them in).
  auto the_case = as_lawyer(lawyer).get("/portal/cases/" + std::to_string(case_id));
  EXPECT_EQ(the_case.status, 200) << the_case.body;

  // Decided: no second decision.
  auto again = h->as(kFilingStaff).post(path + "/refuse", Json::object({{"reason", "x"}}));
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(error_message(again).find("accepted (已立案)"), std::string::npos) << again.body;
}

TEST_F(FilingFlowTest, CaseNumbersCountPerCourtYearAndType) {
  int64_t lawyer = verified_lawyer(0);
  int64_t a = file(lawyer), b = file(lawyer), c = file(lawyer);
  auto accept = [&](int64_t id, Json body) {
    return h->as(kFilingStaff).post("/filings/" + std::to_string(id) + "/accept", body);
  };
  EXPECT_EQ(accept(a, Json::object()).json()["case_number"], "（2026）辽0102民初1号");
  EXPECT_EQ(accept(b, Json::object({{"case_number", "（2026）辽0102民初7号"}})).json()["case_number"],
            "（2026）辽0102民初7号");
  EXPECT_EQ(accept(c, Json::object()).json()["case_number"], "（2026）辽0102民初8号");
}

TEST_F(FilingFlowTest, RefusedWithAReason) {
  int64_t lawyer = verified_lawyer(0);
  int64_t id = file(lawyer);
  const std::string path = "/filings/" + std::to_string(id);
  auto no_reason = h->as(kFilingStaff).post(path + "/refuse", Json::object());
  EXPECT_EQ(no_reason.status, 400);
  auto refused = h->as(kFilingStaff).post(
      path + "/refuse", Json::object({{"reason", "不属于本院管辖"}}));
  ASSERT_EQ(refused.status, 200) << refused.body;
  Json seen = as_lawyer(lawyer).get("/portal" + path).json();
  EXPECT_EQ(seen["state"], "refused");
  EXPECT_EQ(seen["state_label"], "不予立案");
  EXPECT_EQ(seen["refusal_reason"], "不属于本院管辖");
  EXPECT_EQ(as_lawyer(lawyer).post("/portal" + path + "/withdraw", Json::object()).status, 409);
}

TEST_F(FilingFlowTest, AnotherLawyerNeitherSeesNorResubmitsIt) {
  int64_t lawyer = verified_lawyer(0), other = verified_lawyer(1);
  int64_t id = file(lawyer);
  const std::string path = "/portal/filings/" + std::to_string(id);
  ASSERT_EQ(h->as(kFilingStaff).post("/filings/" + std::to_string(id) + "/return",
                                     Json::object({{"missing", Json::array({"证据"})}})).status,
            200);
  EXPECT_EQ(as_lawyer(other).get(path).status, 404);
  EXPECT_EQ(as_lawyer(other).post(path + "/resubmit", filing_form(other)).status, 404);
  EXPECT_EQ(as_lawyer(other).post(path + "/withdraw", Json::object()).status, 404);
  EXPECT_EQ(as_lawyer(other).get("/portal/filings").json()["items"].size(), 0u);
  // A hash the other lawyer did not upload is refused, naming the field.
  Json form = filing_form(other);
  const std::string theirs =
      as_lawyer(lawyer).get(path).json()["documents"]["complaint"][0]["sha256"];
  form["documents"]["complaint"] = Json::array({theirs});
  auto r = as_lawyer(other).post("/portal/filings", form);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("documents/complaint/0"), std::string::npos) << r.body;
}

TEST_F(FilingFlowTest, OnlyThe立案庭AndTheCourtAdminOfItsCourtReviewIt) {
  int64_t lawyer = verified_lawyer(0);
  int64_t id = file(lawyer);
  const std::string path = "/filings/" + std::to_string(id);
  EXPECT_EQ(h->as(kOtherFilingStaff).get(path).status, 403);
  EXPECT_EQ(h->as(kOtherFilingStaff).post(path + "/accept", Json::object()).status, 403);
  EXPECT_EQ(h->as(kJudge).get(path).status, 403);  // same court, another division
  EXPECT_EQ(h->as(kCourtAdmin).get(path).status, 200);
  EXPECT_EQ(h->as(kFilingHead).get(path).status, 200);
  EXPECT_EQ(h->as(kOtherFilingStaff).get("/filings").json()["items"].size(), 0u);
  EXPECT_EQ(h->as(kFilingStaff).get("/filings?state=submitted").json()["items"].size(), 1u);
  EXPECT_EQ(h->as(kOtherFilingStaff).get("/filings?court=" + kCourt).status, 403);
  EXPECT_EQ(as_lawyer(lawyer).get(path).status, 401);  // a lawyer token on a staff route
}

TEST_F(FilingFlowTest, StaffDownloadOnlyTheFilingsFiles) {
  int64_t lawyer = verified_lawyer(0);
  int64_t id = file(lawyer);
  const std::string path = "/filings/" + std::to_string(id);
  Json f = h->as(kFilingStaff).get(path).json();
  const std::string sha = f["documents"]["complaint"][0]["sha256"];
  auto file = h->as(kFilingStaff).get(path + "/files/" + sha);
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.content_type, "application/pdf");
  EXPECT_EQ(file.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(h->as(kFilingStaff).get(path + "/files/" + std::string(64, 'a')).status, 404);
  EXPECT_EQ(h->as(kOtherFilingStaff).get(path + "/files/" + sha).status, 403);
}

}  // namespace
}  // namespace lawyers::testing
