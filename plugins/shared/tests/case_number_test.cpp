// SPDX-License-Identifier: Apache-2.0
// Case numbers (案号): parsed, normalised, and refused with a reason and an example.
#include "case_number.hpp"

#include <gtest/gtest.h>

namespace court {
namespace {

TEST(CaseNumber, IsParsedAndNormalised) {
  std::string why;
  auto n = parse_case_number("（2026）辽0102民初123号", &why);
  ASSERT_TRUE(n) << why;
  EXPECT_EQ(n->year, 2026);
  EXPECT_EQ(n->province, "辽");
  EXPECT_EQ(n->court, "0102");
  EXPECT_EQ(n->type, "民初");
  EXPECT_EQ(n->sequence, 123);
  EXPECT_EQ(parse_case_number("(2026)辽0102民初123号", &why)->text, "（2026）辽0102民初123号");
  EXPECT_TRUE(parse_case_number("（2025）辽民终45号", &why)) << why;  // high court, no digits
  EXPECT_TRUE(parse_case_number("（2026）辽01刑终7号", &why)) << why;
  EXPECT_EQ(parse_case_number("（2026）辽0102执恢8号之一", &why)->text, "（2026）辽0102执恢8号之一");
  EXPECT_EQ(parse_case_number("（2024）最高法民申1号", &why)->province, "最高法");
  EXPECT_EQ(parse_case_number("（2026）兵0101民初3号", &why)->province, "兵");
}

TEST(CaseNumber, ImplausibleOnesSayWhy) {
  std::string why;
  EXPECT_FALSE(parse_case_number("2026辽0102民初123号", &why));
  EXPECT_NE(why.find("括号"), std::string::npos);
  EXPECT_FALSE(parse_case_number("（26）辽0102民初123号", &why));
  EXPECT_FALSE(parse_case_number("（1980）辽0102民初123号", &why));
  EXPECT_FALSE(parse_case_number("（2026）XX0102民初123号", &why));
  EXPECT_FALSE(parse_case_number("（2026）辽0102号", &why));
  EXPECT_NE(why.find("类型"), std::string::npos) << why;
  EXPECT_FALSE(parse_case_number("（2026）辽0102民初号", &why));
  EXPECT_FALSE(parse_case_number("（2026）辽0102民初123", &why));
  EXPECT_FALSE(parse_case_number("（2026）辽0102民初0号", &why));
  EXPECT_FALSE(parse_case_number("（2026）辽0102民初123号附件", &why));
  EXPECT_NE(why.find("（2026）辽0102民初123号"), std::string::npos) << "an example is shown";
  EXPECT_FALSE(parse_case_number("", nullptr));  // no reason asked for: no crash
}

TEST(CaseNumber, ProvincesAreWholeCharacters) {
  EXPECT_TRUE(is_province_abbreviation("辽"));
  EXPECT_TRUE(is_province_abbreviation("兵"));
  EXPECT_FALSE(is_province_abbreviation("法"));
  EXPECT_FALSE(is_province_abbreviation("A"));
  EXPECT_FALSE(is_province_abbreviation(""));
  EXPECT_FALSE(is_province_abbreviation("辽吉"));  // two provinces are not one
}

}  // namespace
}  // namespace court
