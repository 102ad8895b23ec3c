// SPDX-License-Identifier: Apache-2.0
// POST /portal/files: stored once by content, judged by its bytes, limited in size.
#include <filesystem>

#include "filings_fixture.hpp"

namespace lawyers::testing {
namespace {

class UploadTest : public FilingsTest {
 protected:
  Json filing_settings() const override { return Json::object({{"max_file_bytes", 4096}}); }
};

TEST_F(UploadTest, APdfIsStoredByItsHash) {
  int64_t lawyer = verified_lawyer(0);
  auto r = upload(lawyer, pdf_bytes(), "起诉状.pdf");
  ASSERT_EQ(r.status, 201) << r.body;
  Json j = r.json();
  EXPECT_EQ(j["type"], "application/pdf");
  EXPECT_EQ(j["name"], "起诉状.pdf");
  EXPECT_EQ(j["size"], pdf_bytes().size());
  const std::string sha = j["sha256"].get<std::string>();
  ASSERT_EQ(sha.size(), 64u);
  auto path = std::filesystem::path(h->data_dir()) / "files" / sha.substr(0, 2) / sha;
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  // The same bytes again: the same file, stored once.
  auto again = upload(lawyer, pdf_bytes(), "起诉状（副本）.pdf");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json()["sha256"], sha);
}

TEST_F(UploadTest, AFileOverTheLimitIs413) {
  int64_t lawyer = verified_lawyer(0);
  auto r = upload(lawyer, pdf_bytes() + std::string(5000, 'x'), "大文件.pdf");
  EXPECT_EQ(r.status, 413) << r.body;
  EXPECT_NE(error_message(r).find("4096"), std::string::npos) << r.body;
}

TEST_F(UploadTest, AnotherTypeIs415) {
  int64_t lawyer = verified_lawyer(0);
  auto r = upload(lawyer, "PK\x03\x04 word document", "证据.docx",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(r.status, 415) << r.body;
}

TEST_F(UploadTest, APdfRenamedPngIsRefused) {
  int64_t lawyer = verified_lawyer(0);
  EXPECT_EQ(upload(lawyer, pdf_bytes(), "照片.png", "image/png").status, 415);
  EXPECT_EQ(upload(lawyer, pdf_bytes(), "照片.png", "application/pdf").status, 415);
  EXPECT_EQ(upload(lawyer, png_bytes(), "照片.png", "image/png").status, 201);
}

TEST_F(UploadTest, ANameIsRequired) {
  int64_t lawyer = verified_lawyer(0);
  auto r = as_lawyer(lawyer).request("POST", "/portal/files", pdf_bytes(), "application/pdf");
  EXPECT_EQ(r.status, 400) << r.body;
}

TEST_F(UploadTest, StaffAndAnonymousCannotUploadThroughThePortal) {
  EXPECT_EQ(h->as(kFilingStaff).request("POST", "/portal/files?name=a.pdf", pdf_bytes(),
                                        "application/pdf").status,
            401);
  EXPECT_EQ(h->as_anonymous().request("POST", "/portal/files?name=a.pdf", pdf_bytes(),
                                      "application/pdf").status,
            401);
}

}  // namespace
}  // namespace lawyers::testing
