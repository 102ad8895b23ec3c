// SPDX-License-Identifier: Apache-2.0
// A lawyer's way through the court, end to end in the real host: registration and the high
// court's verification, online filing with uploads, 补正 and acceptance, file access approved in
// the approvals plugin by the judge and the 庭长, a watermarked document and its view log,
// electronic service with the SMS notice and the read receipt.
#include <gtest/gtest.h>

#include "lawyers_fixture.hpp"

namespace courthub::it {
namespace {

class LawyersPath : public LawyersHost {};

TEST_F(LawyersPath, RegisteredLawyerIsPendingUntilTheHighCourtVerifies) {
  auto r = http(host_->port(), "POST", "/apps/lawyers/public/register",
                Json::object({{"name", "张律师"},
                              {"id_card", id_card_number("21010219800101123")},
                              {"licence_no", "12101201910123456"},
                              {"firm", "辽宁正义律师事务所"},
                              {"mobile", "13812345678"},
                              {"password", "Lvshi-2026-pass"}})
                    .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const Json registered = r.json()["lawyer"];
  EXPECT_EQ(registered["state"], "pending");
  EXPECT_EQ(registered["registry"]["result"], "match");
  // Personal data never comes back in full.
  EXPECT_EQ(r.body.find(id_card_number("21010219800101123")), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("13812345678"), std::string::npos) << r.body;
  const std::string id = std::to_string(registered["id"].get<int64_t>());

  // A pending lawyer signs in and sees their state, but no case route.
  r = http(host_->port(), "POST", "/apps/lawyers/public/login",
           R"({"licence_no": "12101201910123456", "password": "Lvshi-2026-pass"})");
  ASSERT_EQ(r.status, 200) << r.body;
  TestLawyer l;
  l.token = r.json()["token"].get<std::string>();
  EXPECT_EQ(lawyer("GET", "/apps/lawyers/portal/me", nullptr, l).json()["state"], "pending");
  EXPECT_EQ(lawyer("GET", "/apps/lawyers/portal/cases", nullptr, l).status, 403);

  // Only the high court verifies: another court's court_admin is refused.
  EXPECT_EQ(staff("POST", "/apps/lawyers/lawyers/" + id + "/verify", Json::object(), kOtherAdmin)
                .status,
            403);
  r = staff("POST", "/apps/lawyers/lawyers/" + id + "/verify", Json::object(), kHighAdmin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(lawyer("GET", "/apps/lawyers/portal/me", nullptr, l).json()["state"], "verified");
  EXPECT_EQ(lawyer("GET", "/apps/lawyers/portal/cases", nullptr, l).status, 200);
  // The verification is audited, naming who did it.
  r = staff("GET", "/apps/lawyers/lawyers/" + id + "/audit", nullptr, kHighAdmin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"verified\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(kHighAdmin), std::string::npos) << r.body;
}

TEST_F(LawyersPath, FiledReturnedCorrectedAcceptedThenReadAndServed) {
  TestLawyer zhang = verified_lawyer("张律师", "12101201910123456", "21010219800101123",
                                     "13812345678");
  ASSERT_FALSE(zhang.token.empty());

  // 网上立案 with uploads; the 立案庭 head hears of it.
  const std::string complaint = upload(zhang, "起诉状.pdf", tiny_pdf("complaint"));
  const std::string authority = upload(zhang, "授权委托书.pdf", tiny_pdf("authority"));
  Json filing = civil_filing(Json::object({{"complaint", Json::array({complaint})},
                                           {"identity", Json::array()},
                                           {"authority", Json::array({authority})}}),
                             Json::array());
  auto r = lawyer("POST", "/apps/lawyers/portal/filings", filing, zhang);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string filing_id = std::to_string(r.json()["id"].get<int64_t>());
  EXPECT_EQ(r.json()["state"], "submitted");
  EXPECT_TRUE(eventually([&] { return !notices_to(kFilingHead).empty(); }))
      << "the 立案庭 head was not told of the new filing";

  // 补正: the identity documents are missing.
  r = staff("POST", "/apps/lawyers/filings/" + filing_id + "/return",
            Json::object({{"missing", Json::array({"原告营业执照副本"})},
                          {"note", "请补充原告主体资格证明"}}),
            kFilingJudge);
  ASSERT_EQ(r.status, 200) << r.body;
  r = lawyer("GET", "/apps/lawyers/portal/filings/" + filing_id, nullptr, zhang);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["state"], "returned");
  EXPECT_NE(r.body.find("原告营业执照副本"), std::string::npos) << r.body;

  filing["documents"]["identity"] = Json::array({upload(zhang, "营业执照.pdf", tiny_pdf("licence"))});
  r = lawyer("POST", "/apps/lawyers/portal/filings/" + filing_id + "/resubmit", filing, zhang);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["state"], "submitted");

  r = staff("POST", "/apps/lawyers/filings/" + filing_id + "/accept",
            Json::object({{"judge", kCaseJudge}, {"clerk", kCaseClerk}}), kFilingJudge);
  ASSERT_EQ(r.status, 200) << r.body;
  const int64_t case_id = r.json()["case_id"].get<int64_t>();
  const std::string case_number = r.json()["case_number"].get<std::string>();
  EXPECT_EQ(case_number, "（2026）辽0102民初1号");
  const std::string c = std::to_string(case_id);

  // The case space shows it, at 立案, with its judge.
  r = lawyer("GET", "/apps/lawyers/portal/cases", nullptr, zhang);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json()["items"].size(), 1u) << r.body;
  EXPECT_EQ(r.json()["items"][0]["case_number"], case_number);
  EXPECT_EQ(r.json()["items"][0]["judge"]["name"], "法官甲");

  // The judge puts the judgment in the case file (正卷) and an internal note (副卷).
  const std::string judgment = tiny_pdf("judgment");
  r = upload_as_staff("/apps/lawyers/cases/" + c + "/documents?name=判决书.pdf&category=正卷",
                      judgment, "application/pdf", kCaseJudge);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string doc_id = std::to_string(r.json()["id"].get<int64_t>());
  r = upload_as_staff("/apps/lawyers/cases/" + c + "/documents?name=合议笔录.pdf&category=副卷",
                      tiny_pdf("deliberation"), "application/pdf", kCaseJudge);
  ASSERT_EQ(r.status, 201) << r.body;

  // 阅卷: nothing is readable before an approved request.
  EXPECT_NE(lawyer("GET", "/apps/lawyers/portal/cases/" + c + "/documents/" + doc_id, nullptr,
                   zhang)
                .status,
            200);
  r = lawyer("POST", "/apps/lawyers/portal/cases/" + c + "/file-access",
             Json::object({{"materials", Json::array({"正卷"})},
                           {"access_period", Json::array({"2026-12-07", "2026-12-11"})},
                           {"reason", "准备开庭"}}),
             zhang);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["state"], "pending");

  // The approvals plugin runs it: the judge (承办法官), then the 庭长.
  agree(task_card(kCaseJudge), kCaseJudge);
  agree(task_card(kCivilHead), kCivilHead);
  ASSERT_TRUE(eventually([&] {
    auto a = lawyer("GET", "/apps/lawyers/portal/cases/" + c + "/file-access", nullptr, zhang);
    return a.body.find("\"approved\"") != std::string::npos;
  })) << lawyer("GET", "/apps/lawyers/portal/cases/" + c + "/file-access", nullptr, zhang).body;

  r = lawyer("GET", "/apps/lawyers/portal/cases/" + c + "/documents", nullptr, zhang);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("判决书.pdf"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("合议笔录"), std::string::npos) << "副卷 is never shown: " << r.body;

  r = lawyer("GET", "/apps/lawyers/portal/cases/" + c + "/documents/" + doc_id, nullptr, zhang);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(r.body.rfind("%PDF", 0), 0u);
  EXPECT_NE(r.body, judgment) << "served without a watermark";
  r = staff("GET", "/apps/lawyers/cases/" + c + "/document-views", nullptr, kCaseJudge);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json()["items"].size(), 1u) << r.body;
  EXPECT_NE(r.body.find("张律师"), std::string::npos) << r.body;

  // 电子送达: the clerk serves the judgment; the lawyer's inbox has it, an SMS tells them.
  r = staff("POST", "/apps/lawyers/cases/" + c + "/services",
            Json::object({{"title", "民事判决书"}, {"document_id", std::stoll(doc_id)}}),
            kCaseClerk);
  ASSERT_EQ(r.status, 201) << r.body;
  r = lawyer("GET", "/apps/lawyers/portal/services", nullptr, zhang);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json()["items"].size(), 1u) << r.body;
  const Json service = r.json()["items"][0];
  EXPECT_TRUE(service["read_ms"].is_null()) << r.body;
  EXPECT_GT(service["delivered_ms"].get<int64_t>(), 0);
  ASSERT_TRUE(eventually([&] { return sms().size() == 1; })) << sms().size();
  const std::string text = sms()[0]["body"].dump();
  EXPECT_NE(text.find("13812345678"), std::string::npos) << text;
  EXPECT_NE(text.find("辽0102民初1号"), std::string::npos) << text;
  EXPECT_EQ(text.find("判决书"), std::string::npos) << "the SMS names the document: " << text;

  const std::string sid = std::to_string(service["id"].get<int64_t>());
  r = lawyer("GET", "/apps/lawyers/portal/services/" + sid + "/document", nullptr, zhang);
  ASSERT_EQ(r.status, 200);
  r = staff("GET", "/apps/lawyers/cases/" + c + "/services", nullptr, kCaseClerk);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("read_ms\":1"), std::string::npos) << r.body;  // a read receipt
  ASSERT_TRUE(eventually([&] { return drained(); }));
  EXPECT_EQ(sms().size(), 1u) << "the SMS was sent more than once";
}

}  // namespace
}  // namespace courthub::it
