// SPDX-License-Identifier: Apache-2.0
// The ID number's check character (GB 11643, worked by hand below) and the other rules.
#include <gtest/gtest.h>

#include "id_card.hpp"

namespace lawyers {
namespace {

constexpr int kToday = 20261206;

TEST(IdCard, CheckCharacterOfTheStandardsExamples) {
  // 11010519491231002: sum of digit x weight = 167; 167 mod 11 = 2 -> 'X'.
  EXPECT_EQ(id_card_check_char("11010519491231002"), 'X');
  // 44052418800101001: sum 195; 195 mod 11 = 8 -> '4'.
  EXPECT_EQ(id_card_check_char("44052418800101001"), '4');
  // 21010219800101123 (沈阳市和平区): sum 131; 131 mod 11 = 10 -> '2'.
  EXPECT_EQ(id_card_check_char("21010219800101123"), '2');
  EXPECT_EQ(id_card_check_char("2101021980010112"), '?');
  EXPECT_EQ(id_card_check_char("2101021980010112A"), '?');
}

TEST(IdCard, AValidNumberHasNoProblem) {
  EXPECT_EQ(id_card_problem("11010519491231002X", kToday), std::nullopt);
  EXPECT_EQ(id_card_problem("210102198001011232", kToday), std::nullopt);
}

TEST(IdCard, AWrongCheckDigitIsNamed) {
  auto p = id_card_problem("210102198001011233", kToday);
  ASSERT_TRUE(p);
  EXPECT_NE(p->find("check digit"), std::string::npos) << *p;
}

TEST(IdCard, ShapeAndBirthDateAreChecked) {
  EXPECT_TRUE(id_card_problem("21010219800101123", kToday));    // 17 characters
  EXPECT_TRUE(id_card_problem("2101021980010112X2", kToday));   // X not last
  EXPECT_TRUE(id_card_problem("210102198002301230", kToday));   // 30 February
  EXPECT_TRUE(id_card_problem("210102180001011230", kToday));   // born 1800
  // Born "tomorrow" (check character computed for it: 21010220261207123 sums to 152 -> '3').
  EXPECT_EQ(id_card_check_char("21010220261207123"), '3');
  EXPECT_TRUE(id_card_problem("210102202612071233", kToday));
}

TEST(IdCard, NormalizingUpperCasesTheFinalXAndTrims) {
  EXPECT_EQ(normalize_id_card(" 11010519491231002x "), "11010519491231002X");
}

}  // namespace
}  // namespace lawyers
