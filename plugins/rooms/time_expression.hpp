// SPDX-License-Identifier: Apache-2.0
// Reads the dates and times people type in chat: 今天/明天/后天, 周一..周日, 本周三, 下周一,
// 2026-12-01, 12月1日, 9:00-10:00, 下午2点-3点半, 10人, 每周一 共8次.
//
// Dates are relative to `today` in Asia/Shanghai. A word that is plainly meant as a date or a
// time but is wrong (2026-02-30, 10:00-9:00, 本周一 when it is already Wednesday) throws
// courthub::Error(InvalidArgument) saying what was wrong, with an example; a word that is not a
// date or time at all is left for the caller (a room name, a title).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.hpp"
#include "recurrence.hpp"

namespace rooms {

struct MinuteRange {
  int from = 0;  // minutes since midnight, inclusive
  int to = 0;    // exclusive; up to 1440
};

// Full-width ASCII (９：００，－) to ASCII and the ideographic space to a space, so the rest of the
// parser sees one spelling.
std::string normalize_width(std::string_view text);
// Words separated by spaces, after normalize_width.
std::vector<std::string> split_words(std::string_view text);

// 今天 今日 明天 明日 后天 大后天; 周X 星期X 礼拜X (X = 一..六, 日, 天, 1..7): the nearest such
// day from today on (today included); 本周X / 这周X: that day of this Monday-to-Sunday week
// (refused if already past); 下周X: that day of next week; 2026-12-01, 2026/12/1, 2026年12月1日,
// 12月1日 / 12月1号 (this year, or next year once the day has passed this year).
std::optional<LocalDate> parse_date_word(std::string_view word, const LocalDate& today);

// 9:00-10:00, 9:00~10:30, 9:00至10:00, 9点-10点半, 下午2点-4点, 14:00到15:30, 9-10.
std::optional<MinuteRange> parse_time_range(std::string_view word);

// The words of a command, sorted into what they mean.
struct SlotWords {
  std::optional<LocalDate> date;
  std::optional<MinuteRange> range;
  std::optional<int> people;  // 10人
  std::optional<Recurrence>
      recurrence;  // 每天 / 每周一三 / 每两周五 / 工作日 / 每月 + 共N次 / 至<date>
  std::vector<std::string> rest;  // everything else, in order
};

// Also accepts a date fused with a time range ("明天9:00-10:00"). A recurrence without a date
// starts on its first matching day from today on.
SlotWords read_slot_words(const std::vector<std::string>& words, const LocalDate& today);

}  // namespace rooms
