// SPDX-License-Identifier: Apache-2.0
// Attachments: upload, download and who may open a file, an attachment field's checks at submit,
// and the job that deletes uploads no approval took.
#include "harness_fixture.hpp"

namespace approvals::testing {
namespace {

class Attachments : public ApprovalsTest {
 protected:
  Json settings() override {
    Json templates = test_templates();
    templates.push_back(Json::parse(R"({"code": "filing", "name": "报送",
      "fields": [{"name": "files", "label": "附件", "type": "attachment", "required": true,
                  "max_items": 2},
                 {"name": "note", "label": "说明", "type": "text"}],
      "chain": [{"type": "supervisor", "level": 1}]})"));
    return test_settings(Json::object({{"templates", templates}}));
  }
  static Json files(std::initializer_list<Json> items) {
    Json list = Json::array();
    for (auto& item : items) list.push_back(item);
    return Json::object({{"files", list}});
  }
  static Json ref(const Json& upload) { return Json::object({{"id", upload["id"]}}); }
  HttpResult download(const std::string& user, const Json& upload) {
    return harness().as(user).get("/attachments/" + std::to_string(upload["id"].get<int64_t>()));
  }
  static std::string header(const HttpResult& r, const std::string& name) {
    for (auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }
  static std::string error_field(const HttpResult& r) {
    Json details = r.json()["error"]["details"];
    return details.empty() ? "" : details.at(0)["field"].get<std::string>();
  }
  static const std::string kPdf;
};

const std::string Attachments::kPdf = "%PDF-1.4\n% test\n%%EOF\n";

TEST_F(Attachments, AnUploadAnswersItsIdAndTheUploaderOpensTheFile) {
  auto r = upload_as("T-011", "关于某某的函.pdf", "application/pdf", kPdf);
  ASSERT_EQ(r.status, 201) << r.body;
  Json up = r.json();
  EXPECT_GT(up["id"].get<int64_t>(), 0);
  EXPECT_EQ(up["name"], "关于某某的函.pdf");
  EXPECT_EQ(up["type"], "application/pdf");
  EXPECT_EQ(up["size"], kPdf.size());

  auto got = download("T-011", up);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.body, kPdf);
  EXPECT_EQ(got.content_type, "application/pdf");
  EXPECT_NE(header(got, "Content-Disposition")
                .find("filename*=UTF-8''%E5%85%B3%E4%BA%8E%E6%9F%90%E6%9F%90%E7%9A%84%E5%87%BD.pdf"),
            std::string::npos)
      << header(got, "Content-Disposition");
  EXPECT_EQ(header(got, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(download("T-011", Json::object({{"id", 999}})).status, 404);
}

TEST_F(Attachments, RefusesEmptyBodiesOtherTypesMislabelledFilesAndMissingNames) {
  auto empty = upload_as("T-011", "a.pdf", "application/pdf", "");
  EXPECT_EQ(empty.status, 400) << empty.body;
  auto html = upload_as("T-011", "a.html", "text/html", "<script>alert(1)</script>");
  EXPECT_EQ(html.status, 415) << html.body;
  EXPECT_NE(html.json()["error"]["message"].get<std::string>().find("text/html cannot be "
                                                                    "attached"),
            std::string::npos);
  auto fake = upload_as("T-011", "a.pdf", "application/pdf", "\x89PNG\r\n\x1a\n....");
  EXPECT_EQ(fake.status, 415) << fake.body;
  EXPECT_NE(fake.body.find("is not a PDF"), std::string::npos);
  EXPECT_EQ(upload_as("T-011", "a.png", "image/png", std::string("\x89PNG\r\n\x1a\n....")).status,
            201);
  auto unnamed = harness().as("T-011").request("POST", "/attachments", kPdf, "application/pdf");
  EXPECT_EQ(unnamed.status, 400) << unnamed.body;
  EXPECT_NE(unnamed.body.find("X-File-Name"), std::string::npos);
  auto anonymous =
      harness().as_anonymous().request("POST", "/attachments", kPdf, "application/pdf",
                                       {{"x-file-name", "a.pdf"}});
  EXPECT_EQ(anonymous.status, 403);
}

TEST_F(Attachments, OthersOpenAFileOnlyThroughAnApprovalTheyMaySee) {
  Json up = upload_pdf("T-011", "秘密.pdf");
  auto stranger = download("T-012", up);
  EXPECT_EQ(stranger.status, 403);
  EXPECT_EQ(stranger.body.find("秘密"), std::string::npos);  // the name is not told
  EXPECT_EQ(download("T-010", up).status, 403);             // not in any approval yet

  int64_t id = submit("T-011", "filing", files({ref(up)}));
  ASSERT_GT(id, 0);
  EXPECT_EQ(download("T-010", up).status, 200);  // the approver
  EXPECT_EQ(download("T-021", up).status, 200);  // the court's court_admin sees the court
  EXPECT_EQ(download("T-012", up).status, 403);  // a colleague not involved
  EXPECT_EQ(download("X-011", up).status, 403);  // another court's court_admin
  EXPECT_EQ(harness().as_admin().get("/attachments/" + std::to_string(up["id"].get<int64_t>()))
                .status,
            200);
}

TEST_F(Attachments, AFormHoldsOnlyTheOriginatorsOwnUploadsNotHeldElsewhere) {
  Json mine = upload_pdf("T-011", "函.pdf");
  Json theirs = upload_pdf("T-012", "别人的.pdf");

  auto foreign = submit_as("T-011", "filing", files({ref(theirs)}));
  EXPECT_EQ(foreign.status, 400) << foreign.body;
  EXPECT_EQ(error_field(foreign), "files[0]");
  auto unknown = submit_as("T-011", "filing", files({Json::object({{"id", 999}})}));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(error_field(unknown), "files[0]");
  auto too_many =
      submit_as("T-011", "filing", files({ref(mine), ref(upload_pdf("T-011")),
                                          ref(upload_pdf("T-011"))}));
  EXPECT_EQ(too_many.status, 400);
  EXPECT_EQ(error_field(too_many), "files");

  // Sent as just {id}: the detail shows what was stored.
  int64_t first = submit("T-011", "filing", files({ref(mine)}));
  ASSERT_GT(first, 0);
  Json held = detail(first)["form"]["files"];
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["name"], "函.pdf");
  EXPECT_EQ(held[0]["type"], "application/pdf");
  EXPECT_EQ(held[0]["size"], mine["size"]);

  auto again = submit_as("T-011", "filing", files({ref(mine)}));
  EXPECT_EQ(again.status, 400) << again.body;
  EXPECT_NE(again.body.find("already attached to approval " + std::to_string(first)),
            std::string::npos);

  // Withdrawn: the files go with the corrected resubmission, and both approvals open them.
  ASSERT_EQ(act("T-011", first, Json::object({{"action", "withdraw"}})).status, 200);
  int64_t second = submit("T-011", "filing", files({held[0]}));
  ASSERT_GT(second, 0);
  EXPECT_EQ(download("T-010", mine).status, 200);
}

TEST_F(Attachments, UploadsNoApprovalTookAreDeletedAfterADay) {
  Json used = upload_pdf("T-011", "用了.pdf");
  Json unused = upload_pdf("T-011", "没用.pdf");
  ASSERT_GT(submit("T-011", "filing", files({ref(used)})), 0);

  harness().advance_ms(23 * 3600 * 1000LL);
  Json recent = upload_pdf("T-011", "新的.pdf");
  harness().run_job("purge-attachments");
  EXPECT_EQ(download("T-011", unused).status, 200);  // 23 hours: kept

  harness().advance_ms(2 * 3600 * 1000LL);
  harness().run_job("purge-attachments");
  EXPECT_EQ(download("T-011", unused).status, 404);
  EXPECT_EQ(download("T-011", used).status, 200);
  EXPECT_EQ(download("T-011", recent).status, 200);  // two hours old
}

}  // namespace
}  // namespace approvals::testing
