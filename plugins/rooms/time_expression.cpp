// SPDX-License-Identifier: Apache-2.0
// The chat date/time grammar: a few dozen fixed words and number patterns, no guessing.
#include "time_expression.hpp"

#include <array>
#include <utility>

#include <courthub/error.hpp>

namespace rooms {
namespace {

constexpr std::string_view kExampleDate = "例如 明天、周三、下周一、2026-12-01、12月1日";
constexpr std::string_view kExampleRange = "例如 9:00-10:00、下午2点-3点半";

[[noreturn]] void refuse(const std::string& message) {
  throw courthub::InvalidArgument(message);
}

bool consume(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Leading ASCII digits (at most `max` of them) as a number; nullopt if there are none.
std::optional<int> take_number(std::string_view& s, size_t max = 4) {
  size_t n = 0;
  int v = 0;
  while (n < s.size() && n < max && is_digit(s[n])) v = v * 10 + (s[n++] - '0');
  if (n == 0 || (n < s.size() && is_digit(s[n]))) return std::nullopt;
  s.remove_prefix(n);
  return v;
}

// 一..六, 日, 天, 1..7 -> ISO weekday.
std::optional<int> take_weekday(std::string_view& s) {
  static constexpr std::array<std::pair<std::string_view, int>, 15> kDays = {{{"一", 1},
                                                                              {"二", 2},
                                                                              {"三", 3},
                                                                              {"四", 4},
                                                                              {"五", 5},
                                                                              {"六", 6},
                                                                              {"日", 7},
                                                                              {"天", 7},
                                                                              {"1", 1},
                                                                              {"2", 2},
                                                                              {"3", 3},
                                                                              {"4", 4},
                                                                              {"5", 5},
                                                                              {"6", 6},
                                                                              {"7", 7}}};
  for (auto& [word, day] : kDays)
    if (consume(s, word)) return day;
  return std::nullopt;
}

// 一 二 两 三 四 / digits, for "每两周".
std::optional<int> take_small_number(std::string_view& s) {
  static constexpr std::array<std::pair<std::string_view, int>, 5> kNumbers = {
      {{"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4}}};
  for (auto& [word, n] : kNumbers)
    if (consume(s, word)) return n;
  return take_number(s, 2);
}

struct DateResult {
  bool matched = false;  // the word is meant as a date
  std::optional<LocalDate> date;
  std::string error;  // set when matched but wrong
};

DateResult weekday_date(std::string_view rest, const LocalDate& today, int weeks_ahead,
                        bool nearest, std::string_view word) {
  auto wd = take_weekday(rest);
  if (!wd || !rest.empty()) return {};
  LocalDate monday = add_days(today, -(weekday(today) - 1));
  if (nearest) return {true, add_days(today, (*wd - weekday(today) + 7) % 7), ""};
  LocalDate d = add_days(monday, weeks_ahead * 7 + (*wd - 1));
  if (d < today) {
    return {true, std::nullopt,
            std::string(word) + "（" + format_date(d) + "）已经过去了；下周请说 下周" +
                std::string(weekday_name(std::chrono::weekday{static_cast<unsigned>(*wd)})).substr(3)};
  }
  return {true, d, ""};
}

DateResult numeric_date(std::string_view w, const LocalDate& today) {
  std::string_view s = w;
  // 2026-12-01, 2026/12/1, 2026.12.1
  if (s.size() >= 8 && is_digit(s[0]) && s.size() <= 10) {
    std::string_view t = s;
    auto y = take_number(t, 4);
    if (y && *y >= 1000 && !t.empty() && (t[0] == '-' || t[0] == '/' || t[0] == '.')) {
      char sep = t[0];
      t.remove_prefix(1);
      auto m = take_number(t, 2);
      if (m && !t.empty() && t[0] == sep) {
        t.remove_prefix(1);
        auto d = take_number(t, 2);
        if (d && t.empty()) {
          if (!is_valid_date(*y, *m, *d))
            return {true, std::nullopt, "没有 " + std::string(w) + " 这一天"};
          return {true, make_date(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d)), ""};
        }
      }
    }
  }
  // 2026年12月1日, 12月1日, 12月1号
  std::string_view t = s;
  std::optional<int> year;
  auto first = take_number(t, 4);
  if (!first) return {};
  if (consume(t, "年")) {
    year = first;
    first = take_number(t, 2);
    if (!first) return {};
  }
  if (!consume(t, "月")) return {};
  auto day = take_number(t, 2);
  if (!day || !(consume(t, "日") || consume(t, "号")) || !t.empty()) return {};
  int y = year ? *year : static_cast<int>(today.year());
  if (!is_valid_date(y, *first, *day)) {
    // 2月29日 without a year means the next 29 February that exists.
    if (!year && *first == 2 && *day == 29) {
      for (int k = 1; k <= 4; ++k)
        if (is_valid_date(y + k, 2, 29)) return {true, make_date(y + k, 2, 29), ""};
    }
    return {true, std::nullopt, "没有 " + std::string(w) + " 这一天"};
  }
  LocalDate d = make_date(y, static_cast<unsigned>(*first), static_cast<unsigned>(*day));
  if (!year && d < today) d += std::chrono::years{1};
  if (!is_valid_date(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                     static_cast<int>(static_cast<unsigned>(d.day()))))
    return {true, std::nullopt, "没有 " + std::string(w) + " 这一天"};
  return {true, d, ""};
}

DateResult classify_date(std::string_view w, const LocalDate& today) {
  if (w == "今天" || w == "今日") return {true, today, ""};
  if (w == "明天" || w == "明日") return {true, add_days(today, 1), ""};
  if (w == "后天") return {true, add_days(today, 2), ""};
  if (w == "大后天") return {true, add_days(today, 3), ""};
  struct Prefix {
    std::string_view text;
    int weeks;
    bool nearest;
  };
  static constexpr std::array<Prefix, 16> kPrefixes = {{
      {"下下周", 2, false},
      {"下下星期", 2, false},
      {"下个星期", 1, false},
      {"下个礼拜", 1, false},
      {"下星期", 1, false},
      {"下礼拜", 1, false},
      {"下周", 1, false},
      {"本星期", 0, false},
      {"这星期", 0, false},
      {"这个星期", 0, false},
      {"本周", 0, false},
      {"这周", 0, false},
      {"星期", 0, true},
      {"礼拜", 0, true},
      {"周", 0, true},
      {"这礼拜", 0, false},
  }};
  for (auto& p : kPrefixes) {
    std::string_view rest = w;
    if (consume(rest, p.text)) return weekday_date(rest, today, p.weeks, p.nearest, w);
  }
  return numeric_date(w, today);
}

enum class Period { None, Morning, Noon, Afternoon };

struct Point {
  int minute = 0;
  Period period = Period::None;
  bool bare = false;  // a number only: "9" in "9-10"
};

std::optional<Point> parse_point(std::string_view s) {
  Point p;
  if (consume(s, "上午") || consume(s, "早上") || consume(s, "早晨"))
    p.period = Period::Morning;
  else if (consume(s, "中午"))
    p.period = Period::Noon;
  else if (consume(s, "下午") || consume(s, "晚上") || consume(s, "傍晚"))
    p.period = Period::Afternoon;
  auto h = take_number(s, 2);
  if (!h) return std::nullopt;
  int minutes = 0;
  if (consume(s, ":")) {
    if (s.size() != 2) return std::nullopt;
    auto m = take_number(s, 2);
    if (!m) return std::nullopt;
    minutes = *m;
  } else if (consume(s, "点") || consume(s, "时")) {
    if (consume(s, "半")) {
      minutes = 30;
    } else if (consume(s, "整") || s.empty()) {
      minutes = 0;
    } else {
      auto m = take_number(s, 2);
      if (!m) return std::nullopt;
      minutes = *m;
      consume(s, "分");
    }
  } else {
    p.bare = true;
  }
  if (!s.empty() || minutes > 59 || *h > 24 || (*h == 24 && minutes > 0)) return std::nullopt;
  int hour = *h;
  if (p.period == Period::Afternoon && hour < 12) hour += 12;
  if (p.period == Period::Noon && hour <= 5) hour += 12;
  p.minute = hour * 60 + minutes;
  return p;
}

// The earliest separator of a range: its offset and length.
std::optional<std::pair<size_t, size_t>> find_separator(std::string_view w) {
  static constexpr std::array<std::string_view, 6> kSeparators = {"-", "~", "至", "到", "—", "–"};
  std::optional<std::pair<size_t, size_t>> best;
  for (auto sep : kSeparators) {
    size_t at = w.find(sep);
    if (at != std::string_view::npos && at > 0 && (!best || at < best->first))
      best = std::make_pair(at, sep.size());
  }
  return best;
}

bool is_separator_word(std::string_view w) {
  return w == "-" || w == "~" || w == "至" || w == "到" || w == "—" || w == "–";
}

// The code-point boundaries of a UTF-8 word, excluding 0 and size.
std::vector<size_t> boundaries(std::string_view w) {
  std::vector<size_t> out;
  for (size_t i = 1; i < w.size(); ++i)
    if ((static_cast<unsigned char>(w[i]) & 0xC0) != 0x80) out.push_back(i);
  return out;
}

std::optional<Recurrence> recurrence_word(std::string_view w) {
  Recurrence r;
  if (w == "每天" || w == "每日") {
    r.frequency = Frequency::Daily;
    return r;
  }
  if (w == "工作日" || w == "每个工作日" || w == "每工作日") {
    r.frequency = Frequency::Weekly;
    r.weekdays = 0b0011111;
    return r;
  }
  if (w == "每月" || w == "每个月") {
    r.frequency = Frequency::Monthly;
    return r;
  }
  std::string_view s = w;
  if (consume(s, "隔周")) {
    r.interval = 2;
  } else if (consume(s, "每")) {
    if (auto n = take_small_number(s)) r.interval = *n;
    if (consume(s, "个月") || (r.interval > 1 && consume(s, "月"))) {
      if (!s.empty()) return std::nullopt;
      r.frequency = Frequency::Monthly;
      return r;
    }
    if (consume(s, "天") || consume(s, "日")) {
      if (!s.empty()) return std::nullopt;
      r.frequency = Frequency::Daily;
      return r;
    }
    if (!(consume(s, "周") || consume(s, "星期") || consume(s, "礼拜"))) return std::nullopt;
    consume(s, "的");
  } else {
    return std::nullopt;
  }
  r.frequency = Frequency::Weekly;
  consume(s, "周") || consume(s, "星期");
  while (!s.empty()) {
    auto d = take_weekday(s);
    if (!d) return std::nullopt;
    r.weekdays |= uint8_t(1u << (*d - 1));
    consume(s, "、") || consume(s, ",") || consume(s, "和") || consume(s, "周");
  }
  return r;
}

}  // namespace

std::string normalize_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (i + 2 < text.size() && b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {
      out += ' ';  // U+3000 ideographic space
      i += 2;
    } else if (i + 2 < text.size() && b(0) == 0xEF && (b(1) == 0xBC || b(1) == 0xBD)) {
      unsigned cp = 0xF000 | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFEE0);  // full-width ASCII
        i += 2;
      } else {
        out += text[i];
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::string> split_words(std::string_view text) {
  std::string s = normalize_width(text);
  std::vector<std::string> out;
  std::string word;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::optional<LocalDate> parse_date_word(std::string_view word, const LocalDate& today) {
  DateResult r = classify_date(word, today);
  if (!r.matched) return std::nullopt;
  if (!r.date) refuse(r.error + "；" + std::string(kExampleDate));
  return r.date;
}

std::optional<MinuteRange> parse_time_range(std::string_view w) {
  auto sep = find_separator(w);
  if (!sep) return std::nullopt;
  auto from = parse_point(w.substr(0, sep->first));
  if (!from) return std::nullopt;
  auto to_text = w.substr(sep->first + sep->second);
  auto to = parse_point(to_text);
  if (!to) {
    if (from->bare) return std::nullopt;
    refuse("看不懂结束时间 '" + std::string(to_text) + "'；" + std::string(kExampleRange));
  }
  if (to->period == Period::None && from->period != Period::None) {
    to = parse_point((from->period == Period::Afternoon ? "下午"
                      : from->period == Period::Noon    ? "中午"
                                                        : "上午") +
                     std::string(to_text));
  }
  if (from->minute >= 1440)
    refuse("开始时间 " + std::string(w.substr(0, sep->first)) + " 不在当天之内；" +
           std::string(kExampleRange));
  if (to->minute <= from->minute)
    refuse("结束时间须晚于开始时间（" + std::string(w) + "）；" + std::string(kExampleRange));
  return MinuteRange{from->minute, to->minute};
}

SlotWords read_slot_words(const std::vector<std::string>& input, const LocalDate& today) {
  // "9:00 - 10:00" and "9:00 到 10:00" arrive as three words: join them first.
  std::vector<std::string> words;
  for (size_t i = 0; i < input.size(); ++i) {
    if (is_separator_word(input[i]) && !words.empty() && i + 1 < input.size() &&
        parse_time_range(words.back() + "-" + input[i + 1])) {
      words.back() += "-" + input[++i];
    } else {
      words.push_back(input[i]);
    }
  }

  SlotWords out;
  std::optional<int> count;
  std::optional<LocalDate> until;
  auto set_date = [&](const LocalDate& d, std::string_view w) {
    if (out.date)
      refuse("日期给了两次（'" + std::string(w) + "'）；只写一个日期，" +
             std::string(kExampleDate));
    out.date = d;
  };
  auto set_range = [&](const MinuteRange& r, std::string_view w) {
    if (out.range)
      refuse("时间段给了两次（'" + std::string(w) + "'）；" + std::string(kExampleRange));
    out.range = r;
  };

  for (const std::string& w : words) {
    std::string_view s = w;
    // 10人, 10人以上, 10位
    {
      std::string_view t = s;
      auto n = take_number(t, 4);
      if (n && (consume(t, "人") || consume(t, "位")) && (t.empty() || t == "以上")) {
        if (*n < 1) refuse("人数须至少为 1，例如 10人");
        out.people = *n;
        continue;
      }
    }
    // 共8次, 8次
    {
      std::string_view t = s;
      consume(t, "共");
      auto n = take_number(t, 3);
      if (n && consume(t, "次") && t.empty()) {
        count = *n;
        continue;
      }
    }
    // 至2026-05-31, 到5月31日, 截至..., 截止...
    {
      std::string_view t = s;
      if (consume(t, "截至") || consume(t, "截止") || consume(t, "直到") || consume(t, "至") ||
          consume(t, "到")) {
        DateResult r = classify_date(t, today);
        if (r.matched) {
          if (!r.date) refuse(r.error + "；" + std::string(kExampleDate));
          until = r.date;
          continue;
        }
      }
    }
    if (auto rule = recurrence_word(s)) {
      if (out.recurrence) refuse("循环规则给了两次（'" + w + "'）");
      out.recurrence = rule;
      continue;
    }
    if (DateResult r = classify_date(s, today); r.matched) {
      if (!r.date) refuse(r.error + "；" + std::string(kExampleDate));
      set_date(*r.date, w);
      continue;
    }
    if (auto range = parse_time_range(s)) {
      set_range(*range, w);
      continue;
    }
    // A date fused with a time range: 明天9:00-10:00, 周三下午2点-3点.
    bool fused = false;
    for (size_t cut : boundaries(s)) {
      DateResult r = classify_date(s.substr(0, cut), today);
      if (!r.matched || !r.date) continue;
      if (auto range = parse_time_range(s.substr(cut))) {
        set_date(*r.date, w);
        set_range(*range, w);
        fused = true;
        break;
      }
    }
    if (!fused) out.rest.push_back(w);
  }

  if ((count || until) && !out.recurrence)
    refuse("'共N次' 和 '至某日' 要和循环规则一起用，例如 每周一 9:00-10:00 共8次");
  if (out.recurrence) {
    out.recurrence->count = count;
    out.recurrence->until = until;
    if (!count && !until)
      refuse("循环预订请说明何时结束，例如 每周一 共8次 或 每周一 至2026-05-31");
    if (count && until) refuse("'共N次' 和 '至某日' 只能选一个");
    if (!out.date) {
      LocalDate first = today;
      if (out.recurrence->frequency == Frequency::Weekly && out.recurrence->weekdays) {
        while (!(out.recurrence->weekdays & (1u << (weekday(first) - 1))))
          first = add_days(first, 1);
      }
      out.date = first;
    }
  }
  return out;
}

}  // namespace rooms
