// SPDX-License-Identifier: Apache-2.0
// The file store judges an upload by its bytes: PDF, JPEG and PNG only, and a name or a
// Content-Type that says otherwise is refused.
#include <gtest/gtest.h>

#include "file_type.hpp"

namespace lawyers {
namespace {

const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
const std::string kPng = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
const std::string kJpeg = "\xFF\xD8\xFF\xE0\0\x10JFIF";

TEST(FileType, SniffsTheThreeKindsByTheirMagicBytes) {
  EXPECT_EQ(sniff_file_type(kPdf), "application/pdf");
  EXPECT_EQ(sniff_file_type(kPng), "image/png");
  EXPECT_EQ(sniff_file_type(kJpeg), "image/jpeg");
}

TEST(FileType, AnythingElseIsNone) {
  EXPECT_EQ(sniff_file_type(""), "");
  EXPECT_EQ(sniff_file_type("PK\x03\x04 a docx"), "");
  EXPECT_EQ(sniff_file_type("%PDF"), "");  // too short to be the header
  EXPECT_EQ(sniff_file_type("<html>%PDF-1.7"), "");
  EXPECT_EQ(sniff_file_type("\x89PNG\r\n"), "");
}

TEST(FileType, ExtensionsNameTheirType) {
  EXPECT_EQ(type_of_extension("起诉状.PDF"), "application/pdf");
  EXPECT_EQ(type_of_extension("照片.jpeg"), "image/jpeg");
  EXPECT_EQ(type_of_extension("a/b.c/照片.JPG"), "image/jpeg");
  EXPECT_EQ(type_of_extension("截图.png"), "image/png");
  EXPECT_EQ(type_of_extension("证据"), "");
  EXPECT_EQ(type_of_extension("证据.docx"), "?");
}

TEST(FileType, APdfRenamedPngIsRefused) {
  EXPECT_EQ(file_type_problem(kPdf, "起诉状.pdf", "application/pdf"), "");
  EXPECT_EQ(file_type_problem(kPdf, "起诉状", ""), "");
  EXPECT_NE(file_type_problem(kPdf, "起诉状.png", ""), "");
  EXPECT_NE(file_type_problem(kPdf, "起诉状.png", "image/png"), "");
  EXPECT_NE(file_type_problem(kPdf, "起诉状.pdf", "image/png"), "");
  EXPECT_EQ(file_type_problem(kPdf, "起诉状.pdf", "application/octet-stream"), "");
  EXPECT_NE(file_type_problem(kPdf, "起诉状.exe", ""), "");
  EXPECT_NE(file_type_problem("MZ\x90\0", "起诉状.pdf", "application/pdf"), "");
}

}  // namespace
}  // namespace lawyers
