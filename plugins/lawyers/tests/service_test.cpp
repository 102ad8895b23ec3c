// SPDX-License-Identifier: Apache-2.0
// 电子送达 in the harness: one service per confirmed lawyer, in the inbox at once (delivered),
// an SMS notice through the outbox naming only the court, the lawyer and the case number, read
// at the first opening of the stamped document; another lawyer's service is nothing to them.
#include <gtest/gtest.h>

#include "tests/access_fixture.hpp"

namespace lawyers::access_testing {
namespace {

class ElectronicService : public AccessFixture {
 protected:
  void SetUp() override {
    wang = register_lawyer(1);
    hua = register_lawyer(2);
    case_id = open_case(kCaseNumber);
    represent(wang, kCaseNumber);
    ruling =
        file_document(case_id, "民事判决书.pdf", "裁判文书", pdf_of_pages(3), "application/pdf");
    minutes =
        file_document(case_id, "合议庭评议笔录.pdf", "副卷", pdf_of_pages(1), "application/pdf");
    h.clear_outbox();
  }
  HttpResult serve(int64_t document, const std::string& title = "民事判决书") {
    return h.as(kClerk).post("/cases/" + std::to_string(case_id) + "/services",
                             Json::object({{"title", title}, {"document_id", document}}));
  }
  Json inbox(const RegisteredLawyer& l) {
    auto r = as_lawyer(l).get("/portal/services");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"];
  }

  RegisteredLawyer wang, hua;
  int64_t case_id = 0, ruling = 0, minutes = 0;
};

TEST_F(ElectronicService, ServedDocumentsReachTheInboxWithAnSmsAndAreReadOnce) {
  auto served = serve(ruling);
  ASSERT_EQ(served.status, 201) << served.body;
  ASSERT_EQ(served.json()["items"].size(), 1u);  // 李华 does not represent the case
  const int64_t id = served.json()["items"][0]["id"].get<int64_t>();

  Json mine = inbox(wang);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["id"], id);
  EXPECT_EQ(mine[0]["case_id"], case_id);
  EXPECT_EQ(mine[0]["case_number"], kCaseNumber);
  EXPECT_EQ(mine[0]["title"], "民事判决书");
  EXPECT_EQ(mine[0]["served_ms"], kMonday9);
  EXPECT_EQ(mine[0]["delivered_ms"], kMonday9);
  EXPECT_TRUE(mine[0]["read_ms"].is_null());
  EXPECT_TRUE(inbox(hua).empty());

  // The SMS: to 王明's mobile (masked in every view), no document content.
  auto outbox = h.outbox();
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox[0]["channel"], "sms");
  EXPECT_EQ(outbox[0]["target"], "138****5671");
  EXPECT_EQ(outbox[0]["msg"]["text"]["content"], "【沈阳市和平区人民法院】王明律师：您代理的案件" +
                                                     std::string(kCaseNumber) +
                                                     "有新的送达文书，请登录律师服务平台查看。");

  h.advance_ms(3600 * 1000);
  auto doc = as_lawyer(wang).get("/portal/services/" + std::to_string(id) + "/document");
  ASSERT_EQ(doc.status, 200) << doc.body;
  auto pages = page_texts(doc.body);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[2].decoded.at(0),
            "阅卷人 王明 执业证号 12101000000000001 2026-12-07 10:00 仅供本案诉讼使用");
  EXPECT_EQ(inbox(wang)[0]["read_ms"], kMonday9 + 3600 * 1000);

  // A second opening is logged but the receipt keeps the first reading.
  h.advance_ms(3600 * 1000);
  ASSERT_EQ(as_lawyer(wang).get("/portal/services/" + std::to_string(id) + "/document").status,
            200);
  EXPECT_EQ(inbox(wang)[0]["read_ms"], kMonday9 + 3600 * 1000);

  auto receipts = h.as(kJudge).get("/cases/" + std::to_string(case_id) + "/services");
  ASSERT_EQ(receipts.status, 200) << receipts.body;
  EXPECT_EQ(receipts.json()["items"][0]["lawyer"]["name"], "王明");
  EXPECT_EQ(receipts.json()["items"][0]["read_ms"], kMonday9 + 3600 * 1000);
  auto views = h.as(kJudge).get("/cases/" + std::to_string(case_id) + "/document-views");
  ASSERT_EQ(views.json()["items"].size(), 2u);
  EXPECT_EQ(views.json()["items"][0]["via"], "service");
  EXPECT_EQ(views.json()["items"][0]["service_id"], id);
}

TEST_F(ElectronicService, AnotherLawyersServiceIsNotFound) {
  auto served = serve(ruling);
  ASSERT_EQ(served.status, 201) << served.body;
  const std::string id = std::to_string(served.json()["items"][0]["id"].get<int64_t>());
  auto r = as_lawyer(hua).get("/portal/services/" + id + "/document");
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_NE(r.body.find("no service " + id + " among yours"), std::string::npos);
  EXPECT_EQ(as_lawyer(hua).get("/portal/services/99999/document").status, 404);
  EXPECT_TRUE(inbox(wang)[0]["read_ms"].is_null());
}

TEST_F(ElectronicService, EveryConfirmedLawyerIsServedEachWithTheirOwnSms) {
  represent(hua, kCaseNumber);
  h.clear_outbox();
  auto served = serve(ruling);
  ASSERT_EQ(served.status, 201) << served.body;
  EXPECT_EQ(served.json()["items"].size(), 2u);
  EXPECT_EQ(inbox(hua).size(), 1u);
  auto outbox = h.outbox();
  ASSERT_EQ(outbox.size(), 2u);
  EXPECT_EQ(outbox[0]["target"], "138****5671");
  EXPECT_EQ(outbox[1]["target"], "138****5672");
  EXPECT_NE(outbox[1]["msg"]["text"]["content"].get<std::string>().find("李华律师"),
            std::string::npos);
}

TEST_F(ElectronicService, The副卷IsNeverServedAndOnlyTheCasesJudgeOrClerkServes) {
  auto secret = serve(minutes);
  ASSERT_EQ(secret.status, 400) << secret.body;
  EXPECT_NE(secret.body.find("副卷"), std::string::npos);
  auto missing = serve(ruling, "");
  ASSERT_EQ(missing.status, 400) << missing.body;
  EXPECT_TRUE(missing.json()["error"]["details"]["fields"].contains("title"));
  auto other = h.as(kColleague)
                   .post("/cases/" + std::to_string(case_id) + "/services",
                         Json::object({{"title", "判决书"}, {"document_id", ruling}}));
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_TRUE(h.outbox().empty());
  EXPECT_TRUE(inbox(wang).empty());
}

TEST_F(ElectronicService, ACaseNobodyRepresentsHasNobodyToServe) {
  int64_t lonely = open_case("（2026）辽0102民初124号");
  int64_t doc = file_document(lonely, "判决书.pdf", "裁判文书", pdf_of_pages(1), "application/pdf");
  auto r = h.as(kJudge).post("/cases/" + std::to_string(lonely) + "/services",
                             Json::object({{"title", "判决书"}, {"document_id", doc}}));
  EXPECT_EQ(r.status, 409) << r.body;
}

}  // namespace
}  // namespace lawyers::access_testing
