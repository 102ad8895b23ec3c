// SPDX-License-Identifier: Apache-2.0
// Dates, character counts and display strings.
#include <gtest/gtest.h>

#include "../value_text.hpp"
#include "courthub/time.hpp"

namespace approvals {
namespace {

using courthub::Json;

TEST(ValueText, DatesAreRealCalendarDays) {
  EXPECT_TRUE(valid_date_text("2024-02-29", false));
  EXPECT_FALSE(valid_date_text("2023-02-29", false));
  EXPECT_FALSE(valid_date_text("2024-13-01", false));
  EXPECT_FALSE(valid_date_text("2024-5-1", false));
  EXPECT_FALSE(valid_date_text("2024-05-01 09:00", false));
  EXPECT_TRUE(valid_date_text("2024-05-01 09:00", true));
  EXPECT_TRUE(valid_date_text("2024-05-01T09:00:59", true));
  EXPECT_FALSE(valid_date_text("2024-05-01 24:00", true));
  EXPECT_FALSE(valid_date_text("2024-05-01", true));
  EXPECT_EQ(normalized_date_text("2024-05-01T09:00"), "2024-05-01 09:00");
}

TEST(ValueText, CountsCharactersNotBytes) {
  EXPECT_EQ(utf8_length("请假"), 2u);
  EXPECT_EQ(utf8_length("ab请"), 3u);
  EXPECT_EQ(trim("  x y \n"), "x y");
}

TEST(ValueText, ShowsBeijingTime) {
  // Through the SDK now (courthub/time.hpp): the same Beijing wall clock as before.
  EXPECT_EQ(courthub::time::format_local(0), "1970-01-01 08:00");
  EXPECT_EQ(courthub::time::format_local(1714525200000), "2024-05-01 09:00");  // 01:00 UTC
}

TEST(ValueText, DisplaysValuesForPeople) {
  FieldSpec range;
  range.type = FieldType::kDateRange;
  EXPECT_EQ(display_value(range, Json::parse(R"(["2024-05-01", "2024-05-03"])")),
            "2024-05-01 ~ 2024-05-03");
  FieldSpec money;
  money.type = FieldType::kMoney;
  EXPECT_EQ(display_value(money, Json(12.5)), "12.50 元");
  FieldSpec multi;
  multi.type = FieldType::kMultiSelect;
  EXPECT_EQ(display_value(multi, Json::parse(R"(["院章", "部门章"])")), "院章、部门章");
  FieldSpec number;
  number.type = FieldType::kNumber;
  EXPECT_EQ(display_value(number, Json(3)), "3");
  EXPECT_EQ(status_text("COMPLETED", "refuse"), "已拒绝");
  EXPECT_EQ(task_status_text("COMPLETED", "REDIRECTED"), "已转交");
}

}  // namespace
}  // namespace approvals
