// SPDX-License-Identifier: Apache-2.0
// Allowed attachment types, file names in headers, and the SHA-256 stored with each file.
#include "../file_kinds.hpp"

#include <gtest/gtest.h>

#include "../sha256.hpp"

namespace approvals {
namespace {

TEST(Sha256, MatchesTheStandardsVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(FileKinds, AcceptsAllowedTypesWhoseBytesAgree) {
  EXPECT_EQ(file_kind_problem("application/pdf", "%PDF-1.7\n"), "");
  EXPECT_EQ(file_kind_problem("image/jpeg", "\xff\xd8\xff\xe0...."), "");
  EXPECT_EQ(file_kind_problem("image/webp", "RIFF\x10\x01\x02\x03WEBPVP8 "), "");
  EXPECT_EQ(file_kind_problem("image/heic", std::string("\0\0\0\x18" "ftypheic", 12)), "");
  EXPECT_EQ(file_kind_problem(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "PK\x03\x04...."),
            "");
  EXPECT_EQ(file_kind_problem("application/msword", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1..."), "");
}

TEST(FileKinds, RefusesOtherTypesAndMislabelledFiles) {
  EXPECT_NE(file_kind_problem("text/html", "<html>").find("text/html cannot be attached"),
            std::string::npos);
  EXPECT_NE(file_kind_problem("", "%PDF-").find("without a Content-Type"), std::string::npos);
  EXPECT_NE(file_kind_problem("application/pdf", "<html>").find("is not a PDF"),
            std::string::npos);
  EXPECT_NE(file_kind_problem("image/png", "%PDF-").find("not a PNG"), std::string::npos);
}

TEST(FileNames, ArePercentDecodedUtf8WithoutFolders) {
  EXPECT_EQ(decode_file_name("%E5%87%BD.pdf"), "函.pdf");
  EXPECT_EQ(decode_file_name("a%20b.pdf"), "a b.pdf");
  EXPECT_EQ(decode_file_name("..%2F..%2Fetc%2Fpasswd"), "passwd");
  EXPECT_EQ(decode_file_name("C:%5Cdocs%5C%E5%87%BD.pdf"), "函.pdf");
  EXPECT_EQ(decode_file_name(""), std::nullopt);
  EXPECT_EQ(decode_file_name("a%2"), std::nullopt);        // cut short
  EXPECT_EQ(decode_file_name("%FF.pdf"), std::nullopt);    // not UTF-8
  EXPECT_EQ(decode_file_name("a%0Ab.pdf"), std::nullopt);  // a line break
  EXPECT_EQ(decode_file_name("dir%2F"), std::nullopt);     // nothing after the folder
  EXPECT_EQ(decode_file_name(std::string(201, 'a')), std::nullopt);
}

TEST(FileNames, ContentDispositionCarriesTheUtf8NameAndAnAsciiFallback) {
  EXPECT_EQ(content_disposition("inline", "函 \"1\".pdf"),
            "inline; filename=\"___ _1_.pdf\"; filename*=UTF-8''%E5%87%BD%20%221%22.pdf");
}

}  // namespace
}  // namespace approvals
