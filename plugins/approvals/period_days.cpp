// SPDX-License-Identifier: Apache-2.0
// Days from a period: half days, workdays or calendar days.
#include "period_days.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "value_text.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

using courthub::time::Date;
constexpr int kNoon = 12 * 60;
constexpr int kMaxDays = 3660;

struct Moment {
  Date date;
  int minute = 0;  // after midnight; 0 for a date alone
};

std::optional<Moment> moment_of(std::string_view text, bool with_time) {
  if (!valid_date_text(text, with_time)) return std::nullopt;
  auto date = courthub::time::parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  Moment m{*date, 0};
  if (with_time) m.minute = *courthub::time::parse_clock(text.substr(11, 5));
  return m;
}

std::string days_text(double v) {
  if (std::floor(v) == v) return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::optional<double> period_days(std::string_view start, std::string_view end, bool workdays,
                                  const IsWorkday& is_workday) {
  const bool with_time = start.size() > 10;
  if ((end.size() > 10) != with_time) return std::nullopt;
  auto from = moment_of(start, with_time), to = moment_of(end, with_time);
  if (!from || !to) return std::nullopt;
  const std::chrono::sys_days first{from->date}, last{to->date};
  if (last < first || (last == first && to->minute < from->minute) ||
      (last - first).count() > kMaxDays)
    return std::nullopt;
  double days = 0;
  for (auto day = first; day <= last; day += std::chrono::days{1}) {
    if (workdays && !is_workday(Date{day})) continue;
    if (!with_time) {
      days += 1;
      continue;
    }
    const int covered_from = day == first ? from->minute : 0;
    const int covered_to = day == last ? to->minute : 24 * 60;
    if (covered_to <= covered_from) continue;
    days += covered_to <= kNoon || covered_from >= kNoon ? 0.5 : 1;
  }
  return days;
}

PeriodDays apply_period_days(const Template& tpl, Json& form, const IsWorkday& is_workday,
                             Disagreement disagreement) {
  PeriodDays out;
  if (!form.is_object()) return out;
  for (auto& f : tpl.fields) {
    if (!f.from_period) continue;
    const Json* period = json::find(form, f.from_period->field);
    if (!period || !period->is_array() || period->size() != 2 || !period->at(0).is_string() ||
        !period->at(1).is_string())
      continue;
    auto days = period_days(period->at(0).get<std::string>(), period->at(1).get<std::string>(),
                            f.from_period->workdays, is_workday);
    if (!days) continue;
    out.computed[f.name] = *days;
    const Json* given = json::find(form, f.name);
    const bool absent = !given || given->is_null();
    if (absent || disagreement == Disagreement::kOverwrite) {
      form[f.name] = *days;
      continue;
    }
    if (given->is_number() && std::fabs(given->get<double>() - *days) < 1e-9) continue;
    const FieldSpec* source = tpl.field(f.from_period->field);
    out.errors.push_back(
        {f.name, f.label + " must be " + days_text(*days) + ": computed from " +
                     (source ? source->label : f.from_period->field) + " (" +
                     (f.from_period->workdays ? "workdays" : "calendar_days") + ")"});
  }
  return out;
}

}  // namespace approvals
