// SPDX-License-Identifier: Apache-2.0
// Results on read: each table read once for every person asked about, then compute_day per
// person per day. The 补卡 cap is applied here: per person per calendar month of the 补卡's date,
// the first punch_fix_per_month agreed ones by finished time (then instance id).
#include "timesheet.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_map>
#include <unordered_set>

#include <courthub/error.hpp>

#include "group_store.hpp"

namespace attendance {

namespace {

namespace t = courthub::time;
using std::chrono::sys_days;

constexpr int64_t kMinuteMs = 60'000;
// Above this many people one pass over the interval beats binding every userid.
constexpr size_t kBoundUsers = 200;

Date first_of_month(Date d) { return Date{d.year(), d.month(), std::chrono::day{1}}; }
Date last_of_month(Date d) {
  return Date{std::chrono::year_month_day_last{d.year(), std::chrono::month_day_last{d.month()}}};
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The per-person inputs, gathered from the tables before any day is computed.
struct PersonInputs {
  std::vector<std::vector<Punch>> punches;    // by day index
  std::vector<ApprovalRecord> covers;         // leave, business_trip, outing
  std::vector<std::vector<ApprovalRecord>> fixes;  // applied 补卡, by day index
};

// Keeps, per user and calendar month, the first `cap` fixes (they arrive in cap order).
std::vector<ApprovalRecord> within_cap(std::vector<ApprovalRecord> fixes, int cap) {
  std::map<std::pair<std::string, std::string>, int> used;
  std::vector<ApprovalRecord> out;
  for (auto& f : fixes) {
    int& n = used[{f.user_id, f.fix_date.substr(0, 7)}];
    if (n >= cap) continue;
    ++n;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

Timesheet::Timesheet(courthub::Host& host, const Settings& settings)
    : host_(host), settings_(settings) {}

std::vector<DayView> Timesheet::person(const courthub::Person& person, Date from, Date to) const {
  auto all = people({person}, from, to);
  return std::move(all[person.user_id]);
}

std::map<std::string, std::vector<DayView>> Timesheet::people(
    const std::vector<courthub::Person>& people, Date from, Date to) const {
  if (!from.ok() || !to.ok()) throw courthub::InvalidArgument("'from' and 'to' must be dates");
  const auto first_day = sys_days{from}, last_day = sys_days{to};
  if (last_day < first_day) throw courthub::InvalidArgument("'to' is before 'from'");
  const auto days = static_cast<size_t>((last_day - first_day).count() + 1);
  if (days > 366) throw courthub::InvalidArgument("at most 366 days from 'from' to 'to'");

  std::map<std::string, std::vector<DayView>> out;
  if (people.empty()) return out;
  std::vector<std::string> ids;
  std::unordered_map<std::string, size_t> index;
  for (auto& p : people)
    if (index.emplace(p.user_id, ids.size()).second) ids.push_back(p.user_id);

  const int64_t from_ms = t::to_unix_ms(from, 0);
  const int64_t to_ms = t::to_unix_ms(Date{last_day + std::chrono::days{1}}, 0);
  auto day_of = [&](int64_t ms) -> int64_t {
    return (sys_days{t::local_date(ms)} - first_day).count();
  };

  // One read of each table.
  std::vector<PersonInputs> inputs(ids.size());
  for (auto& in : inputs) {
    in.punches.resize(days);
    in.fixes.resize(days);
  }
  auto& db = host_.db();
  std::vector<Punch> punches = ids.size() <= kBoundUsers
                                   ? punches_between(db, ids, from_ms, to_ms)
                                   : all_punches_between(db, from_ms, to_ms);
  for (auto& p : punches) {
    auto it = index.find(p.user_id);
    if (it == index.end()) continue;
    const int64_t d = day_of(p.time_ms);
    if (d < 0 || d >= static_cast<int64_t>(days)) continue;
    inputs[it->second].punches[static_cast<size_t>(d)].push_back(std::move(p));
  }
  for (auto& a : agreed_between(db, ids, from_ms, to_ms)) {
    if (a.kind == "punch_fix") continue;  // from agreed_fixes, with the month's cap
    inputs[index.at(a.user_id)].covers.push_back(std::move(a));
  }
  const auto fixes = within_cap(agreed_fixes(db, ids, t::format_date(first_of_month(from)),
                                             t::format_date(last_of_month(to))),
                                settings_.punch_fix_per_month);
  for (auto& f : fixes) {
    auto date = t::parse_date(f.fix_date);
    if (!date) continue;
    const int64_t d = (sys_days{*date} - first_day).count();
    if (d < 0 || d >= static_cast<int64_t>(days)) continue;
    inputs[index.at(f.user_id)].fixes[static_cast<size_t>(d)].push_back(f);
  }

  Schedule schedule(host_, from, to);
  for (auto& person : people) {
    auto found = index.find(person.user_id);
    auto& in = inputs[found->second];
    auto& views = out[person.user_id];
    if (!views.empty()) continue;  // the same person asked twice
    views.reserve(days);
    for (size_t i = 0; i < days; ++i) {
      const Date date{first_day + std::chrono::days{static_cast<int64_t>(i)}};
      const int64_t day0 = from_ms + static_cast<int64_t>(i) * 86'400'000;  // UTC+8, no DST
      const DayPlan plan = schedule.plan(person, date);

      DayView v;
      v.user_id = person.user_id;
      v.date = date;
      v.workday = schedule.is_workday(date);
      if (plan.group) v.group = *plan.group;
      if (plan.kind == DayKind::Work && plan.shift) v.shift = *plan.shift;

      DayInput input;
      input.kind = plan.kind == DayKind::Work && !plan.shift ? DayKind::Rest : plan.kind;
      input.shift = plan.shift;
      for (auto& p : in.punches[i])
        input.punches.push_back(DayPunch{p.id, t::local_minute(p.time_ms), eligible(p)});
      for (auto& c : in.covers) {
        if (c.from_ms >= day0 + 86'400'000 || c.to_ms <= day0) continue;
        input.covers.push_back(Cover{c.instance_id, c.kind, c.sub_type,
                                     floor_div(c.from_ms - day0, kMinuteMs),
                                     floor_div(c.to_ms - day0, kMinuteMs)});
        v.approvals.push_back(c);
      }
      for (auto& f : in.fixes[i]) {
        input.fixes.push_back(Fix{f.instance_id, f.fix_type, f.fix_minute});
        v.approvals.push_back(f);
      }
      v.result = compute_day(input);
      v.punches = std::move(in.punches[i]);
      views.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace attendance
