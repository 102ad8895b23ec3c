// SPDX-License-Identifier: Apache-2.0
// The chat date/time grammar: every word form, and the errors people see.
#include "time_expression.hpp"

#include <gtest/gtest.h>

#include <courthub/error.hpp>

namespace rooms {
namespace {

const LocalDate kWednesday = make_date(2026, 3, 4);

LocalDate date(std::string_view word) {
  auto d = parse_date_word(normalize_width(word), kWednesday);
  EXPECT_TRUE(d) << word;
  return d.value_or(LocalDate{});
}

std::string error_of(std::string_view word) {
  try {
    parse_date_word(word, kWednesday);
  } catch (const courthub::Error& e) {
    return e.what();
  }
  return "";
}

TEST(TimeExpression, RelativeDays) {
  EXPECT_EQ(date("今天"), (make_date(2026, 3, 4)));
  EXPECT_EQ(date("明天"), (make_date(2026, 3, 5)));
  EXPECT_EQ(date("后天"), (make_date(2026, 3, 6)));
  EXPECT_EQ(date("大后天"), (make_date(2026, 3, 7)));
}

TEST(TimeExpression, WeekdayMeansTheNearestSuchDayTodayIncluded) {
  EXPECT_EQ(date("周三"), (make_date(2026, 3, 4)));  // today
  EXPECT_EQ(date("周四"), (make_date(2026, 3, 5)));
  EXPECT_EQ(date("周一"), (make_date(2026, 3, 9)));  // already past this week: next Monday
  EXPECT_EQ(date("星期日"), (make_date(2026, 3, 8)));
  EXPECT_EQ(date("礼拜天"), (make_date(2026, 3, 8)));
  EXPECT_EQ(date("周5"), (make_date(2026, 3, 6)));
}

TEST(TimeExpression, ThisWeekAndNextWeekAreMondayToSundayWeeks) {
  EXPECT_EQ(date("本周五"), (make_date(2026, 3, 6)));
  EXPECT_EQ(date("这周日"), (make_date(2026, 3, 8)));
  EXPECT_EQ(date("下周一"), (make_date(2026, 3, 9)));
  EXPECT_EQ(date("下周三"), (make_date(2026, 3, 11)));
  EXPECT_EQ(date("下星期五"), (make_date(2026, 3, 13)));
  EXPECT_EQ(date("下下周一"), (make_date(2026, 3, 16)));
  std::string why = error_of("本周一");
  EXPECT_NE(why.find("已经过去"), std::string::npos) << why;
  EXPECT_NE(why.find("下周一"), std::string::npos) << why;
}

TEST(TimeExpression, NumericDates) {
  EXPECT_EQ(date("2026-12-01"), (make_date(2026, 12, 1)));
  EXPECT_EQ(date("2026/12/1"), (make_date(2026, 12, 1)));
  EXPECT_EQ(date("2026年12月1日"), (make_date(2026, 12, 1)));
  EXPECT_EQ(date("12月1号"), (make_date(2026, 12, 1)));
  EXPECT_EQ(date("3月1日"), (make_date(2027, 3, 1)));                 // passed this year: next year
  EXPECT_EQ(date("２０２６－１２－０１"), (make_date(2026, 12, 1)));  // full-width
  EXPECT_NE(error_of("2026-02-30").find("没有 2026-02-30 这一天"), std::string::npos);
  EXPECT_NE(error_of("2月30日").find("这一天"), std::string::npos);
}

TEST(TimeExpression, NotADateIsLeftAlone) {
  EXPECT_FALSE(parse_date_word("3号会议室", kWednesday));
  EXPECT_FALSE(parse_date_word("周一例会", kWednesday));
  EXPECT_FALSE(parse_date_word("党支部学习", kWednesday));
  EXPECT_FALSE(parse_date_word("10人", kWednesday));
}

TEST(TimeExpression, TimeRanges) {
  auto r = [](std::string_view w) { return parse_time_range(normalize_width(w)); };
  auto is = [&](std::string_view w, int from, int to) {
    auto x = r(w);
    ASSERT_TRUE(x) << w;
    EXPECT_EQ(x->from, from) << w;
    EXPECT_EQ(x->to, to) << w;
  };
  is("9:00-10:00", 540, 600);
  is("09:00~10:30", 540, 630);
  is("9:00至10:00", 540, 600);
  is("14:00到15:30", 840, 930);
  is("9点-10点半", 540, 630);
  is("9点15分-10点", 555, 600);
  is("下午2点-4点", 840, 960);
  is("上午11点-下午1点", 660, 780);
  is("中午12点-1点", 720, 780);
  is("晚上7点-9点", 1140, 1260);
  is("9-10", 540, 600);
  is("９：００－１０：００", 540, 600);
  is("23:00-24:00", 1380, 1440);
  EXPECT_FALSE(r("2026-12-01"));
  EXPECT_FALSE(r("党支部学习"));
  EXPECT_THROW(r("10:00-9:00"), courthub::Error);
  EXPECT_THROW(r("9:00-25:00"), courthub::Error);
}

TEST(TimeExpression, SlotWordsSortEveryWord) {
  SlotWords w = read_slot_words(split_words("明天 9:00-10:00 10人 视频会议终端"), kWednesday);
  EXPECT_EQ(w.date, (make_date(2026, 3, 5)));
  ASSERT_TRUE(w.range);
  EXPECT_EQ(w.range->from, 540);
  EXPECT_EQ(w.people, 10);
  EXPECT_EQ(w.rest, std::vector<std::string>{"视频会议终端"});
  EXPECT_FALSE(w.recurrence);
}

TEST(TimeExpression, FusedAndSpacedRanges) {
  SlotWords w = read_slot_words(split_words("明天9:00-10:00 党支部学习"), kWednesday);
  EXPECT_EQ(w.date, (make_date(2026, 3, 5)));
  ASSERT_TRUE(w.range);
  EXPECT_EQ(w.range->to, 600);
  EXPECT_EQ(w.rest, std::vector<std::string>{"党支部学习"});

  w = read_slot_words(split_words("周五 9:00 - 10:00"), kWednesday);
  ASSERT_TRUE(w.range);
  EXPECT_EQ(w.range->from, 540);
  EXPECT_TRUE(w.rest.empty());

  w = read_slot_words(split_words("周五下午2点-3点"), kWednesday);
  EXPECT_EQ(w.date, (make_date(2026, 3, 6)));
  EXPECT_EQ(w.range->from, 840);
}

TEST(TimeExpression, RecurrenceWords) {
  SlotWords w = read_slot_words(split_words("每周一三 9:00-10:00 共8次 例会"), kWednesday);
  ASSERT_TRUE(w.recurrence);
  EXPECT_EQ(w.recurrence->frequency, Frequency::Weekly);
  EXPECT_EQ(w.recurrence->weekdays, 0b101);
  EXPECT_EQ(w.recurrence->count, 8);
  EXPECT_EQ(w.date, (make_date(2026, 3, 4)));  // first matching day from today: Wednesday
  EXPECT_EQ(w.rest, std::vector<std::string>{"例会"});

  w = read_slot_words(split_words("每两周五 9:00-10:00 至2026-05-01"), kWednesday);
  EXPECT_EQ(w.recurrence->interval, 2);
  EXPECT_EQ(w.recurrence->until, (make_date(2026, 5, 1)));
  EXPECT_EQ(w.date, (make_date(2026, 3, 6)));

  w = read_slot_words(split_words("工作日 8:30-9:00 到4月1日"), kWednesday);
  EXPECT_EQ(w.recurrence->weekdays, 0b11111);

  w = read_slot_words(split_words("每天 下周一 9:00-9:30 共5次"), kWednesday);
  EXPECT_EQ(w.recurrence->frequency, Frequency::Daily);
  EXPECT_EQ(w.date, (make_date(2026, 3, 9)));

  w = read_slot_words(split_words("每月 2026-03-31 9:00-10:00 共3次"), kWednesday);
  EXPECT_EQ(w.recurrence->frequency, Frequency::Monthly);
}

TEST(TimeExpression, RecurrenceNeedsAnEndAndOnlyOne) {
  EXPECT_THROW(read_slot_words(split_words("每周一 9:00-10:00"), kWednesday), courthub::Error);
  EXPECT_THROW(read_slot_words(split_words("每周一 9:00-10:00 共3次 至2026-05-01"), kWednesday),
               courthub::Error);
  EXPECT_THROW(read_slot_words(split_words("明天 9:00-10:00 共3次"), kWednesday), courthub::Error);
}

TEST(TimeExpression, TwoDatesOrTwoRangesAreRefusedWithAnExample) {
  try {
    read_slot_words(split_words("明天 后天 9:00-10:00"), kWednesday);
    FAIL();
  } catch (const courthub::Error& e) {
    EXPECT_NE(std::string(e.what()).find("例如"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_slot_words(split_words("9:00-10:00 11:00-12:00"), kWednesday), courthub::Error);
}

}  // namespace
}  // namespace rooms
