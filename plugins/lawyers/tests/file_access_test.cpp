// SPDX-License-Identifier: Apache-2.0
// 阅卷 through approvals, end to end in the harness: the request reaches approvals as its
// file_access template expects; the outcome approvals publishes opens a window of whole Beijing
// days on the approved materials only; documents come stamped with the lawyer's line and every
// view is logged; outside the window, for 副卷, for other lawyers, nothing opens.
#include <gtest/gtest.h>

#include "tests/access_fixture.hpp"
#include "tests/gd_images.hpp"

namespace lawyers::access_testing {
namespace {

class FileAccess : public AccessFixture {
 protected:
  void SetUp() override {
    wang = register_lawyer(1);
    case_id = open_case(kCaseNumber);
    represent(wang, kCaseNumber);
    judgment_record =
        file_document(case_id, "起诉状及证据目录.pdf", "正卷", pdf_of_pages(2), "application/pdf");
    photo =
        file_document(case_id, "现场照片.png", "证据材料", grey_image(800, 500, true), "image/png");
    minutes =
        file_document(case_id, "合议庭评议笔录.pdf", "副卷", pdf_of_pages(1), "application/pdf");
    ruling = file_document(case_id, "判决书.pdf", "裁判文书", pdf_of_pages(1), "application/pdf");
  }
  std::string base() const { return "/portal/cases/" + std::to_string(case_id); }
  // Asks for 正卷 and 证据材料 from today to the day after tomorrow; returns the request id.
  int64_t ask(Json materials = Json::array({"正卷", "证据材料"}),
              Json period = Json::array({"2026-12-07", "2026-12-09"})) {
    auto r = as_lawyer(wang).post(base() + "/file-access",
                                  Json::object({{"materials", materials},
                                                {"access_period", period},
                                                {"reason", "准备庭审，查阅证据"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["state"], "pending");
    return r.json()["id"].get<int64_t>();
  }
  void approvals_say(int64_t id, const std::string& result, const std::string& reason = "") {
    auto e = h.deliver_event("approvals.instance_finished",
                             Json::object({{"instance_id", 77},
                                           {"template", "file_access"},
                                           {"template_name", "阅卷申请"},
                                           {"originator", kClerk},
                                           {"court_code", kCourt},
                                           {"form", Json::object()},
                                           {"result", result},
                                           {"status", "COMPLETED"},
                                           {"source", "lawyers"},
                                           {"request_id", "file_access:" + std::to_string(id)},
                                           {"finished_ms", h.now_ms()},
                                           {"reason", reason}}));
    ASSERT_TRUE(e.ok) << e.error;
  }
  Json listed() {
    auto r = as_lawyer(wang).get(base() + "/documents");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"];
  }
  HttpResult open(int64_t doc) {
    return as_lawyer(wang).get(base() + "/documents/" + std::to_string(doc));
  }
  Json request_state(int64_t id) {
    // Bound first: a range-for would read the temporary answer after it is gone (before C++23).
    const Json requests = as_lawyer(wang).get(base() + "/file-access").json();
    for (auto& item : requests["items"])
      if (item["id"] == Json(id)) return item;
    return Json();
  }

  RegisteredLawyer wang;
  int64_t case_id = 0, judgment_record = 0, photo = 0, minutes = 0, ruling = 0;
};

TEST_F(FileAccess, TheRequestGoesToApprovalsAsItsFileAccessTemplateExpects) {
  int64_t id = ask();
  auto published = h.published();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["topic"], "lawyers.approval_requested");
  Json p = published[0]["payload"];
  EXPECT_EQ(p["request_id"], "file_access:" + std::to_string(id));
  EXPECT_EQ(p["template"], "file_access");
  EXPECT_EQ(p["originator"], kClerk);  // the clerk submits it for the lawyer
  EXPECT_EQ(p["court"], kCourt);
  EXPECT_EQ(p["approvers"], Json::object({{"judge", Json::array({kJudge})}}));
  EXPECT_EQ(p["form"], Json::object({{"case_number", kCaseNumber},
                                     {"applicant", "王明"},
                                     {"applicant_kind", "代理律师"},
                                     {"materials", Json::array({"正卷", "证据材料"})},
                                     {"access_period", Json::array({"2026-12-07", "2026-12-09"})},
                                     {"reason", "准备庭审，查阅证据"}}));
  // Until approvals answer, nothing is open.
  EXPECT_EQ(request_state(id)["state_label"], "审批中");
  EXPECT_TRUE(listed().empty());
  EXPECT_EQ(open(judgment_record).status, 404);
}

TEST_F(FileAccess, ApprovedMaterialsOpenStampedAndEveryViewIsLogged) {
  int64_t id = ask();
  approvals_say(id, "agree");
  EXPECT_EQ(request_state(id)["state"], "approved");

  // Only the approved categories are listed: not 裁判文书 (not asked for), never 副卷.
  Json items = listed();
  ASSERT_EQ(items.size(), 2u) << items.dump();
  EXPECT_EQ(items[0]["id"], judgment_record);
  EXPECT_EQ(items[1]["id"], photo);
  EXPECT_EQ(items[0]["file_access_id"], id);

  auto pdf = open(judgment_record);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.content_type.rfind("application/pdf", 0), 0u);
  auto pages = page_texts(pdf.body);
  ASSERT_EQ(pages.size(), 2u);
  for (auto& page : pages) {
    ASSERT_EQ(page.decoded.size(), 1u);
    EXPECT_EQ(page.decoded[0],
              "阅卷人 王明 执业证号 12101000000000001 2026-12-07 09:00 仅供本案诉讼使用");
  }

  h.advance_ms(90 * 60 * 1000);  // 10:30
  auto png = open(photo);
  ASSERT_EQ(png.status, 200) << png.body;
  Image before = decode(grey_image(800, 500, true), true), after = decode(png.body, true);
  ASSERT_TRUE(after) << "the stamped photo is no PNG";
  EXPECT_EQ(gdImageSX(after.get()), 800);
  EXPECT_EQ(gdImageSY(after.get()), 500);
  EXPECT_GT(differing(before.get(), after.get(), 450, 500), 800 * 3);

  auto log = h.as(kJudge).get("/cases/" + std::to_string(case_id) + "/document-views");
  ASSERT_EQ(log.status, 200) << log.body;
  Json views = log.json()["items"];
  ASSERT_EQ(views.size(), 2u) << views.dump();
  EXPECT_EQ(views[0]["document_id"], photo);  // newest first
  EXPECT_EQ(views[0]["viewed_ms"], kMonday9 + 90 * 60 * 1000);
  EXPECT_EQ(views[1]["document_id"], judgment_record);
  EXPECT_EQ(views[1]["viewed_ms"], kMonday9);
  for (auto& v : views) {
    EXPECT_EQ(v["lawyer"]["name"], "王明");
    EXPECT_EQ(v["lawyer"]["licence_no"], "12101000000000001");
    EXPECT_EQ(v["via"], "file_access");
    EXPECT_EQ(v["file_access_id"], id);
  }
}

TEST_F(FileAccess, NothingOpensOutsideTheApprovedDays) {
  // From Wednesday to Thursday: on Monday it is not yet open.
  int64_t id = ask(Json::array({"正卷"}), Json::array({"2026-12-09", "2026-12-10"}));
  approvals_say(id, "agree");
  EXPECT_TRUE(listed().empty());
  EXPECT_EQ(open(judgment_record).status, 404);

  h.set_now_ms(kMonday9 + 2 * kDay - 9 * 3600 * 1000LL);  // Wednesday 00:00 Beijing
  EXPECT_EQ(listed().size(), 1u);
  EXPECT_EQ(open(judgment_record).status, 200);

  h.set_now_ms(kMonday9 + 4 * kDay - 9 * 3600 * 1000LL - 1);  // Thursday 23:59:59.999
  EXPECT_EQ(open(judgment_record).status, 200);
  h.advance_ms(1);  // Friday 00:00
  EXPECT_TRUE(listed().empty());
  EXPECT_EQ(open(judgment_record).status, 404);
  EXPECT_EQ(request_state(id)["state"], "expired");
  EXPECT_EQ(request_state(id)["state_label"], "已过期");
}

TEST_F(FileAccess, The副卷IsNeverOpen) {
  auto asked = as_lawyer(wang).post(
      base() + "/file-access",
      Json::object({{"materials", Json::array({"正卷", "副卷"})},
                    {"access_period", Json::array({"2026-12-07", "2026-12-07"})},
                    {"reason", "查阅"}}));
  ASSERT_EQ(asked.status, 400) << asked.body;
  EXPECT_NE(asked.body.find("副卷 is never open to lawyers"), std::string::npos) << asked.body;
  EXPECT_TRUE(h.published().empty());

  approvals_say(ask(Json::array({"正卷", "证据材料"})), "agree");
  for (auto& item : listed()) EXPECT_NE(item["category"], "副卷");
  auto r = open(minutes);
  EXPECT_EQ(r.status, 404) << r.body;
  // The same answer as for a document that does not exist.
  EXPECT_NE(r.body.find("no document " + std::to_string(minutes) + " open to you"),
            std::string::npos);
  EXPECT_EQ(open(ruling).status, 404);  // not asked for
}

TEST_F(FileAccess, ARefusalOrAFailedApprovalOpensNothing) {
  int64_t refused = ask();
  approvals_say(refused, "refuse", "证据尚未质证");
  EXPECT_EQ(request_state(refused)["state"], "refused");
  EXPECT_EQ(request_state(refused)["note"], "审批未通过：证据尚未质证");
  // A late duplicate of another outcome does not undo it.
  approvals_say(refused, "agree");
  EXPECT_EQ(request_state(refused)["state"], "refused");

  int64_t rejected = ask();
  auto e = h.deliver_event("approvals.request_rejected",
                           Json::object({{"source", "lawyers"},
                                         {"request_id", "file_access:" + std::to_string(rejected)},
                                         {"reason", "unknown originator 'hp-clerk'"}}));
  ASSERT_TRUE(e.ok) << e.error;
  EXPECT_EQ(request_state(rejected)["state_label"], "未批准");
  EXPECT_TRUE(listed().empty());
}

TEST_F(FileAccess, BadRequestsNameEveryWrongField) {
  auto r = as_lawyer(wang).post(
      base() + "/file-access",
      Json::object({{"materials", Json::array()}, {"access_period", Json::array({"2026-12-09"})}}));
  ASSERT_EQ(r.status, 400) << r.body;
  Json fields = r.json()["error"]["details"]["fields"];
  EXPECT_TRUE(fields.contains("materials")) << r.body;
  EXPECT_TRUE(fields.contains("access_period")) << r.body;
  EXPECT_TRUE(fields.contains("reason")) << r.body;
  auto past = as_lawyer(wang).post(
      base() + "/file-access",
      Json::object({{"materials", Json::array({"正卷"})},
                    {"access_period", Json::array({"2026-12-01", "2026-12-06"})},
                    {"reason", "查阅"}}));
  EXPECT_EQ(past.status, 400);
  EXPECT_NE(past.body.find("already ended"), std::string::npos) << past.body;
}

TEST_F(FileAccess, AnotherLawyerSeesNothingOfIt) {
  approvals_say(ask(), "agree");
  RegisteredLawyer hua = register_lawyer(2);
  auto& as_hua = as_lawyer(hua);
  EXPECT_EQ(as_hua.get(base() + "/documents").status, 404);
  EXPECT_EQ(as_hua.get(base() + "/documents/" + std::to_string(judgment_record)).status, 404);
  EXPECT_EQ(as_hua.get(base() + "/file-access").status, 404);
  EXPECT_EQ(as_hua
                .post(base() + "/file-access",
                      Json::object({{"materials", Json::array({"正卷"})},
                                    {"access_period", Json::array({"2026-12-07", "2026-12-07"})},
                                    {"reason", "查阅"}}))
                .status,
            404);
}

TEST_F(FileAccess, OnlyTheCasesJudgeOrClerkFilesDocuments) {
  auto other = h.as(kColleague)
                   .request("POST",
                            "/cases/" + std::to_string(case_id) +
                                "/documents?name=x.pdf&category=" + percent_encoded("正卷"),
                            pdf_of_pages(1), "application/pdf");
  EXPECT_EQ(other.status, 403) << other.body;
  auto bad = h.as(kClerk).request("POST",
                                  "/cases/" + std::to_string(case_id) +
                                      "/documents?name=x.pdf&category=" + percent_encoded("机密"),
                                  pdf_of_pages(1), "application/pdf");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_TRUE(bad.json()["error"]["details"]["fields"].contains("category"));
  auto list = h.as(kClerk).get("/cases/" + std::to_string(case_id) + "/documents");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["items"].size(), 4u);  // the court sees its 副卷
}

}  // namespace
}  // namespace lawyers::access_testing
