// SPDX-License-Identifier: Apache-2.0
// Results on read: each table read once for every person asked about, then compute_day per
// person per day. The 补卡 cap is applied here: per person per calendar month of the 补卡's date,
// the first punch_fix_per_month agreed ones by finished time (then instance id).
#include "timesheet.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <unordered_map>

#include <courthub/error.hpp>

#include "group_store.hpp"

namespace attendance {

namespace {

namespace t = courthub::time;
using std::chrono::sys_days;

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kDayMs = 86'400'000;
// Above this many people one pass over the interval beats binding every userid.
constexpr size_t kBoundUsers = 200;

Date first_of_month(Date d) { return Date{d.year(), d.month(), std::chrono::day{1}}; }
Date last_of_month(Date d) {
  return Date{std::chrono::year_month_day_last{d.year(), std::chrono::month_day_last{d.month()}}};
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The per-person inputs, gathered from the tables before any day is computed.
struct PersonInputs {
  std::vector<std::vector<DayPunch>> day_punches;  // by day index: what compute_day reads
  std::vector<std::vector<Punch>> punches;         // by day index: the records (not for Times)
  std::vector<ApprovalRecord> covers;              // leave, business_trip, outing
  std::vector<std::vector<ApprovalRecord>> fixes;  // applied 补卡, by day index
};

// A punch as read, before it is filed under its person and day.
struct PunchRow {
  std::string_view user_id;
  int64_t id = 0;
  int64_t time_ms = 0;
  std::string_view approval_state, source_type, location_result;
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

int64_t to_int64(std::string_view s) {
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// The punches of the interval with only the columns `detail` asks for (Checks or Times), one
// pass over an index, unsorted. Few users: a row each, bound to them. Many (a court's month,
// ~10^6 punches): SQLite packs each user's punches into one text ("seconds␟id␟state…␞…"), so a
// row crosses the plugin boundary per person rather than per punch, and reads them in the
// (user_id, time_ms) index's order, so nothing is sorted or spilled to temporary files. People
// not asked for are dropped by the caller's sink.
template <class Sink>
void read_punches(courthub::Database& db, const std::vector<std::string>& user_ids,
                  int64_t from_ms, int64_t to_ms, Timesheet::PunchDetail detail, Sink&& sink) {
  if (user_ids.size() <= kBoundUsers) {
    std::string sql =
        "SELECT user_id, id, time_ms, approval_state, source_type, location_result "
        "FROM punches WHERE time_ms >= ? AND time_ms < ? AND user_id IN (";
    std::vector<courthub::Value> params{from_ms, to_ms};
    for (size_t i = 0; i < user_ids.size(); ++i) {
      sql += i ? ",?" : "?";
      params.emplace_back(user_ids[i]);
    }
    db.each(sql + ")", params, [&](const courthub::Row& r) {
      const std::string user = r[0].as_string(), state = r[3].as_string(),
                        source = r[4].as_string(), location = r[5].as_string();
      sink(PunchRow{user, r[1].as_int(), r[2].as_int(), state, source, location});
    });
    return;
  }
  // Times: the instant as seconds after from_ms, the id, and the 外勤 approval state only when
  // it keeps the punch from counting. Checks: also the source and the location result.
  // One text on both engines but for three spellings: char/chr, group_concat/string_agg, and
  // SQLite's INDEXED BY (PostgreSQL's planner picks the index itself).
  const bool pg = db.dialect() == courthub::Dialect::kPostgres;
  const std::string us = pg ? "chr(31)" : "char(31)";
  const std::string packed =
      detail == Timesheet::PunchDetail::Times
          ? "(time_ms - ?1) / 1000 || " + us + " || id || CASE WHEN approval_state IN ('', "
            "'agree') THEN '' ELSE " + us + " || approval_state END"
          : "(time_ms - ?1) / 1000 || " + us + " || id || " + us + " || approval_state || " +
                us + " || source_type || " + us + " || location_result";
  db.each("SELECT user_id, " + std::string(pg ? "string_agg(" : "group_concat(") + packed +
              (pg ? ", chr(30))" : ", char(30))") + " AS packed FROM punches " +
              (pg ? "" : "INDEXED BY punches_user_time ") +
              "WHERE time_ms >= ?1 AND time_ms < ?2 GROUP BY user_id",
          {from_ms, to_ms}, [&](const courthub::Row& r) {
            const std::string user = r[0].as_string();
            const std::string text = r[1].as_string();
            std::string_view rest(text);
            while (!rest.empty()) {
              const size_t end = std::min(rest.find('\x1e'), rest.size());
              std::string_view punch = rest.substr(0, end);
              rest.remove_prefix(std::min(end + 1, rest.size()));
              std::string_view f[5];
              for (auto& field : f) {
                const size_t cut = std::min(punch.find('\x1f'), punch.size());
                field = punch.substr(0, cut);
                punch.remove_prefix(std::min(cut + 1, punch.size()));
              }
              // Whole seconds: a punch's milliseconds matter to no result.
              sink(PunchRow{user, to_int64(f[1]), from_ms + to_int64(f[0]) * 1000, f[2], f[3],
                            f[4]});
            }
          });
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
  return this->people(people, from, to, PunchDetail::Full);
}

std::map<std::string, std::vector<DayView>> Timesheet::people(
    const std::vector<courthub::Person>& people, Date from, Date to, PunchDetail detail) const {
  std::map<std::string, std::vector<DayView>> out;
  each_person(people, from, to, detail,
              [&](const courthub::Person& p, std::vector<DayView>& days) {
                out[p.user_id] = std::move(days);
              });
  return out;
}

void Timesheet::each_person(const std::vector<courthub::Person>& people, Date from, Date to,
                            PunchDetail detail, const PersonDays& fn) const {
  if (!from.ok() || !to.ok()) throw courthub::InvalidArgument("'from' and 'to' must be dates");
  const auto first_day = sys_days{from}, last_day = sys_days{to};
  if (last_day < first_day) throw courthub::InvalidArgument("'to' is before 'from'");
  const auto days = static_cast<size_t>((last_day - first_day).count() + 1);
  if (days > 366) throw courthub::InvalidArgument("at most 366 days from 'from' to 'to'");
  if (people.empty()) return;

  std::vector<std::string> ids;
  std::unordered_map<std::string, size_t> index;
  for (auto& p : people)
    if (index.emplace(p.user_id, ids.size()).second) ids.push_back(p.user_id);

  // Days and minutes by arithmetic from the first local midnight: the courts' zone (Asia/
  // Shanghai) has kept UTC+8 since 1991, so every day is 86,400 s long.
  const int64_t from_ms = t::to_unix_ms(from, 0);
  const int64_t to_ms = from_ms + static_cast<int64_t>(days) * kDayMs;

  // One read of each table.
  const bool records = detail != PunchDetail::Times;
  std::vector<PersonInputs> inputs(ids.size());
  for (auto& in : inputs) {
    in.day_punches.resize(days);
    if (records) in.punches.resize(days);
    in.fixes.resize(days);
  }
  auto& db = host_.db();
  std::string last_user;
  PersonInputs* last_inputs = nullptr;
  // Files a punch under its person and day; `record` makes the Punch kept for the DayView.
  auto file = [&](const PunchRow& row, auto&& record) {
    if (!last_inputs || last_user != row.user_id) {
      auto it = index.find(std::string(row.user_id));
      if (it == index.end()) return;
      last_user = row.user_id;
      last_inputs = &inputs[it->second];
    }
    const int64_t d = floor_div(row.time_ms - from_ms, kDayMs);
    if (d < 0 || d >= static_cast<int64_t>(days)) return;
    const auto day = static_cast<size_t>(d);
    const int minute = static_cast<int>((row.time_ms - from_ms - d * kDayMs) / kMinuteMs);
    const bool counts = row.approval_state.empty() || row.approval_state == "agree";
    last_inputs->day_punches[day].push_back(DayPunch{row.id, minute, counts});
    if (records) last_inputs->punches[day].push_back(record());
  };
  if (detail == PunchDetail::Full) {
    std::vector<Punch> punches = ids.size() <= kBoundUsers
                                     ? punches_between(db, ids, from_ms, to_ms)
                                     : all_punches_between(db, from_ms, to_ms);
    for (auto& p : punches)
      file(PunchRow{p.user_id, p.id, p.time_ms, p.approval_state, "", ""},
           [&] { return std::move(p); });
  } else {
    read_punches(db, ids, from_ms, to_ms, detail, [&](const PunchRow& row) {
      file(row, [&] {
        Punch p;
        p.id = row.id;
        p.user_id = std::string(row.user_id);
        p.time_ms = row.time_ms;
        p.approval_state = std::string(row.approval_state);
        p.source_type = std::string(row.source_type);
        p.location_result = std::string(row.location_result);
        return p;
      });
    });
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
  std::vector<bool> done(ids.size());
  std::vector<DayView> views;
  for (auto& person : people) {
    const size_t at = index.at(person.user_id);
    if (done[at]) continue;  // the same person asked twice
    done[at] = true;
    PersonInputs& in = inputs[at];
    views.clear();
    views.reserve(days);
    for (size_t i = 0; i < days; ++i) {
      const Date date{first_day + std::chrono::days{static_cast<int64_t>(i)}};
      const int64_t day0 = from_ms + static_cast<int64_t>(i) * kDayMs;
      const DayPlan plan = schedule.plan(person, date);

      DayView v;
      v.user_id = person.user_id;
      v.date = date;
      v.workday = schedule.is_workday(date);
      if (plan.group && records) {
        v.group = *plan.group;
      } else if (plan.group) {
        // Times (summaries): the group's identity, not its places and members.
        Group g;
        g.id = plan.group->id;
        g.court = plan.group->court;
        g.name = plan.group->name;
        g.type = plan.group->type;
        v.group = std::move(g);
      }
      if (plan.kind == DayKind::Work && plan.shift) v.shift = *plan.shift;

      DayInput input;
      input.kind = plan.kind == DayKind::Work && !plan.shift ? DayKind::Rest : plan.kind;
      input.shift = plan.shift;
      input.punches = std::move(in.day_punches[i]);
      std::sort(input.punches.begin(), input.punches.end(),
                [](const DayPunch& a, const DayPunch& b) {
                  return a.minute != b.minute ? a.minute < b.minute : a.id < b.id;
                });
      if (records)
        std::sort(in.punches[i].begin(), in.punches[i].end(), [](const Punch& a, const Punch& b) {
          return a.time_ms != b.time_ms ? a.time_ms < b.time_ms : a.id < b.id;
        });
      for (auto& c : in.covers) {
        if (c.from_ms >= day0 + kDayMs || c.to_ms <= day0) continue;
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
      if (records) v.punches = std::move(in.punches[i]);
      views.push_back(std::move(v));
    }
    in = PersonInputs{};  // this person's inputs are used up
    fn(person, views);
  }
}

}  // namespace attendance
