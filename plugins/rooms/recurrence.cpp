// SPDX-License-Identifier: Apache-2.0
// Expands a recurrence into dates; occurrences are whole days, the time of day comes from the
// booking, so a series never overlaps itself.
#include "recurrence.hpp"

#include <array>

#include <courthub/error.hpp>

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::Json;

constexpr std::array<std::string_view, 7> kWeekdayCodes = {"MO", "TU", "WE", "TH",
                                                           "FR", "SA", "SU"};

std::string weekday_list(uint8_t mask) {
  static constexpr std::array<std::string_view, 7> kDigits = {"一", "二", "三", "四",
                                                              "五", "六", "日"};
  std::string out;
  for (int d = 0; d < 7; ++d) {
    if (!(mask & (1u << d))) continue;
    if (!out.empty()) out += "、";
    out += kDigits[d];
  }
  return out;
}

[[noreturn]] void refuse(const std::string& message) {
  throw courthub::InvalidArgument(message);
}

int max_interval(Frequency f) {
  switch (f) {
    case Frequency::Daily:
      return 92;
    case Frequency::Weekly:
      return 13;
    case Frequency::Monthly:
      return 3;
  }
  return 1;
}

}  // namespace

std::vector<LocalDate> expand(const Recurrence& rule, const LocalDate& first,
                              const LocalDate& last_allowed) {
  if (rule.until.has_value() == rule.count.has_value())
    refuse("循环预订须给出结束日期（until）或次数（count）之一，例如 共8次 或 至2026-05-31");
  if (rule.interval < 1 || rule.interval > max_interval(rule.frequency))
    refuse("循环间隔须在 1 到 " + std::to_string(max_interval(rule.frequency)) + " 之间");
  if (rule.count && (*rule.count < 1 || *rule.count > kMaxOccurrences))
    refuse("循环次数须在 1 到 " + std::to_string(kMaxOccurrences) + " 之间");
  if (rule.until && *rule.until < first)
    refuse("循环结束日期 " + format_date(*rule.until) + " 早于第一次 " + format_date(first));

  std::vector<LocalDate> out;
  // Returns false when the series is complete.
  auto take = [&](const LocalDate& d) {
    if (rule.until && d > *rule.until) return false;
    if (d > last_allowed)
      refuse("循环预订最远只能到 " + format_date(last_allowed) + "（" + format_date(d) +
             " 超出了可预订范围）；请减少次数或提前结束日期");
    out.push_back(d);
    if (out.size() > static_cast<size_t>(kMaxOccurrences))
      refuse("循环预订最多 " + std::to_string(kMaxOccurrences) + " 次");
    return !(rule.count && out.size() == static_cast<size_t>(*rule.count));
  };

  switch (rule.frequency) {
    case Frequency::Daily:
      for (int64_t k = 0;; ++k)
        if (!take(add_days(first, k * rule.interval))) break;
      break;
    case Frequency::Weekly: {
      uint8_t mask = rule.weekdays ? rule.weekdays : uint8_t(1u << (weekday(first) - 1));
      LocalDate monday = add_days(first, -(weekday(first) - 1));
      bool more = true;
      for (int64_t week = 0; more; week += rule.interval) {
        for (int d = 0; d < 7 && more; ++d) {
          if (!(mask & (1u << d))) continue;
          LocalDate date = add_days(monday, week * 7 + d);
          if (date < first) continue;
          more = take(date);
        }
      }
      break;
    }
    case Frequency::Monthly:
      for (int k = 0;; k += rule.interval) {
        auto date = add_months_same_day(first, k);
        if (!date) {
          // A month without that day (the 31st, 29 February) is skipped, as RFC 5545 does; stop
          // once even the first of that month lies beyond every bound.
          LocalDate month_start = LocalDate{first.year() / first.month() / 1} +
                                  std::chrono::months{k};
          if ((rule.until && month_start > *rule.until) || month_start > last_allowed) break;
          continue;
        }
        if (!take(*date)) break;
      }
      break;
  }
  if (out.empty()) refuse("这个循环规则在 " + format_date(first) + " 之后没有任何一次");
  return out;
}

std::string describe(const Recurrence& rule) {
  std::string out;
  std::string every = rule.interval == 1 ? "每" : "每" + std::to_string(rule.interval);
  switch (rule.frequency) {
    case Frequency::Daily:
      out = rule.interval == 1 ? "每天" : every + "天";
      break;
    case Frequency::Weekly:
      if (rule.interval == 1)
        out = rule.weekdays ? "每周" + weekday_list(rule.weekdays) : "每周同一天";
      else
        out = every + "周的" + (rule.weekdays ? "周" + weekday_list(rule.weekdays) : "同一天");
      break;
    case Frequency::Monthly:
      out = rule.interval == 1 ? "每月同一天" : every + "个月同一天";
      break;
  }
  if (rule.count) out += "，共" + std::to_string(*rule.count) + "次";
  if (rule.until) out += "，至" + format_date(*rule.until);
  return out;
}

Recurrence read_recurrence(const Json& j, const std::string& at, FieldErrors& errors) {
  Recurrence rule;
  Fields f(j, at, errors);
  if (!f.is_object()) return rule;
  f.only({"freq", "interval", "weekdays", "until", "count"});
  std::string freq = f.text("freq", true, 10, "weekly");
  if (freq == "daily")
    rule.frequency = Frequency::Daily;
  else if (freq == "weekly")
    rule.frequency = Frequency::Weekly;
  else if (freq == "monthly")
    rule.frequency = Frequency::Monthly;
  else
    errors.add(f.pointer("freq"), "must be daily, weekly or monthly");
  rule.interval = static_cast<int>(f.integer("interval", false, 1, 92, 1));
  if (const Json* days = json::find(j, "weekdays"); days && !days->is_null()) {
    if (!days->is_array() || days->size() == 0) {
      errors.add(f.pointer("weekdays"), "must be a non-empty list such as [\"MO\", \"WE\"]");
    } else {
      for (size_t i = 0; i < days->size(); ++i) {
        const Json& d = days->at(i);
        int wd = 0;
        if (d.is_number_integer() && d.get<int64_t>() >= 1 && d.get<int64_t>() <= 7)
          wd = static_cast<int>(d.get<int64_t>());
        for (int k = 0; k < 7 && d.is_string(); ++k)
          if (d.get<std::string>() == kWeekdayCodes[k]) wd = k + 1;
        if (!wd) {
          errors.add(f.pointer("weekdays") + "/" + std::to_string(i),
                     "must be MO..SU or 1 (Monday)..7 (Sunday)");
        } else {
          rule.weekdays |= uint8_t(1u << (wd - 1));
        }
      }
      if (rule.frequency != Frequency::Weekly)
        errors.add(f.pointer("weekdays"), "applies to weekly series only");
    }
  }
  if (f.has("until")) {
    std::string until = f.text("until", true, 10);
    auto date = parse_iso_date(until);
    if (date)
      rule.until = date;
    else if (!until.empty())
      errors.add(f.pointer("until"), "must be a date such as 2026-05-31");
  }
  if (f.has("count"))
    rule.count = static_cast<int>(f.integer("count", true, 1, kMaxOccurrences, 1));
  if (rule.until.has_value() == rule.count.has_value())
    errors.add(at, "give exactly one of until and count");
  return rule;
}

Json recurrence_json(const Recurrence& rule) {
  static constexpr std::array<std::string_view, 3> kFreq = {"daily", "weekly", "monthly"};
  Json out = Json::object(
      {{"freq", kFreq[static_cast<int>(rule.frequency)]}, {"interval", rule.interval}});
  if (rule.weekdays) {
    Json days = Json::array();
    for (int d = 0; d < 7; ++d)
      if (rule.weekdays & (1u << d)) days.push_back(kWeekdayCodes[d]);
    out["weekdays"] = days;
  }
  if (rule.until) out["until"] = format_date(*rule.until);
  if (rule.count) out["count"] = *rule.count;
  out["description"] = describe(rule);
  return out;
}

}  // namespace rooms
