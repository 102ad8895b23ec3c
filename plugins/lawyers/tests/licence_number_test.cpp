// SPDX-License-Identifier: Apache-2.0
// 执业证号: 17 digits starting with 1, or the 12-digit legacy form.
#include <gtest/gtest.h>

#include "licence_number.hpp"

namespace lawyers {
namespace {

TEST(LicenceNumber, TheCurrentAndTheLegacyFormsPass) {
  EXPECT_EQ(licence_no_problem("12101201010100123"), std::nullopt);  // 1 21 01 2 0101 ...
  EXPECT_EQ(licence_no_problem("210120101234"), std::nullopt);       // 12 digits
}

TEST(LicenceNumber, OtherShapesAreRefusedWithAReason) {
  EXPECT_TRUE(licence_no_problem("22101201010100123"));   // 17 digits, not a 律师执业证
  EXPECT_TRUE(licence_no_problem("1210120101010012"));    // 16
  EXPECT_TRUE(licence_no_problem("121012010101001234"));  // 18
  EXPECT_TRUE(licence_no_problem("1210120101010012X"));   // a letter
  EXPECT_TRUE(licence_no_problem("21012010123"));         // 11
  EXPECT_TRUE(licence_no_problem(""));
}

TEST(LicenceNumber, NormalizingTrimsSpaces) {
  EXPECT_EQ(normalize_licence_no("  12101201010100123 "), "12101201010100123");
}

}  // namespace
}  // namespace lawyers
