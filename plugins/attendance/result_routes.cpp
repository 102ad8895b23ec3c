// SPDX-License-Identifier: Apache-2.0
// Results out: /me, /results, /departments/{dept_id}/day, /summary(.csv), /attendance/list.
#include "result_routes.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <courthub/time.hpp>

#include "approval_store.hpp"
#include "group_json.hpp"
#include "group_store.hpp"
#include "person_access.hpp"
#include "result_json.hpp"
#include "timesheet.hpp"

namespace attendance {

namespace {

namespace t = courthub::time;
namespace json = courthub::json;
using courthub::Json;
using std::chrono::sys_days;

constexpr size_t kMaxListUsers = 50;
// Departments, summaries and the DingTalk export show checks, not punch records.
constexpr auto kChecks = Timesheet::PunchDetail::Checks;
constexpr int64_t kMaxListRecords = 50;

void require_person_view(const courthub::Host& host, const courthub::Caller& c,
                         const courthub::Person& p) {
  if (!may_view_person(host, c, p))
    throw courthub::PermissionDenied("you may not see this person's attendance");
}

void require_dept_view(const courthub::Caller& c, const DeptTree& tree,
                       const courthub::Department& d) {
  if (!may_view_department(c, tree, d))
    throw courthub::PermissionDenied("you may not see this department's attendance");
}

void require_court_view(const courthub::Caller& c, const std::string& court) {
  if (is_operator(c) || runs_court(c, court)) return;
  throw courthub::PermissionDenied("you may not see this court's attendance");
}

courthub::Person require_person(const courthub::Host& host, const std::string& user_id) {
  auto p = host.directory().person(user_id);
  if (!p) throw courthub::NotFound("unknown user '" + user_id + "'");
  return *p;
}

courthub::Person caller_person(const courthub::Host& host, const courthub::Caller& c,
                               const std::optional<std::string>& user_id) {
  if (user_id && !user_id->empty()) return require_person(host, *user_id);
  if (!c.is_staff()) throw courthub::InvalidArgument("'user_id' is required");
  return require_person(host, c.user_id);
}

Date today(const courthub::Host& host) { return t::local_date(host.now_ms()); }

Date date_param(const courthub::Request& req, const std::string& name, Date fallback) {
  auto v = req.query_value(name);
  if (!v || v->empty()) return fallback;
  auto d = t::parse_date(*v);
  if (!d) throw courthub::InvalidArgument("'" + name + "' must be a date YYYY-MM-DD");
  return *d;
}

// The department `dept_id` (any court the caller may look at) and its court's tree.
std::pair<courthub::Department, DeptTree> find_department(const courthub::Host& host,
                                                          const courthub::Caller& c,
                                                          const std::string& dept_id) {
  std::vector<std::string> courts;
  if (c.is_staff()) courts.push_back(c.court_code);
  for (auto& court : host.directory().courts())
    if (court.code != c.court_code) courts.push_back(court.code);
  for (auto& court : courts) {
    DeptTree tree(host.directory(), court);
    if (auto* d = tree.find(dept_id)) {
      courthub::Department dept = *d;
      return {dept, std::move(tree)};
    }
    if (!is_operator(c)) break;  // staff look in their own court only
  }
  throw courthub::NotFound("unknown department '" + dept_id + "'");
}

std::vector<courthub::Person> people_below(const courthub::Host& host, const DeptTree& tree,
                                           const courthub::Department& d) {
  const auto depts = tree.subtree(d.id);
  std::vector<courthub::Person> out;
  for (auto& p : host.directory().people({d.court_code, "", ""}))
    if (depts.count(p.dept_id)) out.push_back(p);
  return out;
}

Json user_json(const courthub::Person& p) {
  return Json::object({{"user_id", p.user_id}, {"name", p.name}, {"dept_name", p.dept_name}});
}

// ---- GET /me ----

courthub::Response me(courthub::Host& host, const Settings& settings,
                      const courthub::Request& req) {
  if (!req.caller.is_staff()) throw courthub::PermissionDenied("only staff have attendance");
  const courthub::Person person = require_person(host, req.caller.user_id);
  const Date day = today(host);
  Timesheet sheet(host, settings);
  auto views = sheet.person(person, day, day);
  Json user = user_json(person);
  user["court"] = person.court_code;
  Json group = views.front().group ? group_json(*views.front().group) : Json(nullptr);

  DeptTree tree(host.directory(), person.court_code);
  const bool whole_court = runs_court(req.caller, person.court_code);
  Json depts = Json::array();
  std::set<std::string> listed;
  for (auto& [id, d] : tree.all()) {
    if (!whole_court && d.head != person.user_id && d.leader != person.user_id) continue;
    for (auto& below : tree.subtree(id))
      if (listed.insert(below).second)
        depts.push_back(Json::object({{"id", below}, {"name", tree.find(below)->name}}));
  }
  const int used = fixes_counted(host.db(), person.user_id, t::format_date(day).substr(0, 7));
  return courthub::Response::json(Json::object(
      {{"user", user},
       {"group", group},
       {"today", day_json(views.front())},
       {"now", t::format_iso(host.now_ms())},
       {"punch_fix", Json::object({{"used", used}, {"limit", settings.punch_fix_per_month}})},
       {"departments", depts},
       {"is_admin", req.caller.has_role("court_admin")}}));
}

// ---- GET /results ----

courthub::Response results(courthub::Host& host, const Settings& settings,
                           const courthub::Request& req) {
  const courthub::Person person = caller_person(host, req.caller, req.query_value("user_id"));
  require_person_view(host, req.caller, person);
  const Date now = today(host);
  const Date from = date_param(req, "from", Date{now.year(), now.month(), std::chrono::day{1}});
  const Date to = date_param(req, "to", now);
  if (sys_days{to} < sys_days{from}) throw courthub::InvalidArgument("'to' is before 'from'");
  if ((sys_days{to} - sys_days{from}).count() >= 366)
    throw courthub::InvalidArgument("'from' to 'to' spans more than 366 days");
  Json days = Json::array();
  for (auto& v : Timesheet(host, settings).person(person, from, to)) days.push_back(day_json(v));
  return courthub::Response::json(Json::object({{"user", user_json(person)},
                                                {"from", t::format_date(from)},
                                                {"to", t::format_date(to)},
                                                {"days", days}}));
}

// ---- GET /departments/{dept_id}/day ----

courthub::Response department_day(courthub::Host& host, const Settings& settings,
                                  const courthub::Request& req) {
  auto [dept, tree] = find_department(host, req.caller, req.param("dept_id"));
  require_dept_view(req.caller, tree, dept);
  const Date date = date_param(req, "date", today(host));
  const auto people = people_below(host, tree, dept);
  auto sheets = Timesheet(host, settings).people(people, date, date, kChecks);
  Json rows = Json::array();
  std::map<std::string, int> totals{{"normal", 0}, {"exception", 0}, {"absent", 0},
                                    {"rest", 0},   {"free", 0},      {"unassigned", 0}};
  for (auto& p : people) {
    const DayView& v = sheets.at(p.user_id).front();
    const std::string status = day_status(v);
    ++totals[status];
    Json checks = Json::array();
    for (auto& c : v.result.checks) checks.push_back(check_json(v, c));
    rows.push_back(Json::object({{"user_id", p.user_id},
                                 {"name", p.name},
                                 {"status", status},
                                 {"counts", counts_json(v.result.counts)},
                                 {"checks", checks}}));
  }
  Json total = Json::object();
  for (auto& [k, n] : totals) total[k] = n;
  return courthub::Response::json(
      Json::object({{"department", Json::object({{"id", dept.id}, {"name", dept.name}})},
                    {"date", t::format_date(date)},
                    {"people", rows},
                    {"totals", total}}));
}

// ---- GET /summary, /summary.csv ----

// The people a summary covers, after checking the caller may see them.
std::vector<courthub::Person> summary_people(const courthub::Host& host,
                                             const courthub::Request& req) {
  auto dept_id = req.query_value("dept_id");
  auto court = req.query_value("court");
  auto user_id = req.query_value("user_id");
  const int scopes = (dept_id && !dept_id->empty()) + (court && !court->empty()) +
                     (user_id && !user_id->empty());
  if (scopes > 1) throw courthub::InvalidArgument("give one of 'dept_id', 'court' or 'user_id'");
  if (dept_id && !dept_id->empty()) {
    auto [dept, tree] = find_department(host, req.caller, *dept_id);
    require_dept_view(req.caller, tree, dept);
    return people_below(host, tree, dept);
  }
  if (court && !court->empty()) {
    if (!host.directory().court(*court)) throw courthub::NotFound("unknown court '" + *court + "'");
    require_court_view(req.caller, *court);
    return host.directory().people({*court, "", ""});
  }
  courthub::Person p = caller_person(host, req.caller, user_id);
  require_person_view(host, req.caller, p);
  return {p};
}

Json summary(courthub::Host& host, const Settings& settings, const courthub::Request& req) {
  const Date now = today(host);
  Date first{now.year(), now.month(), std::chrono::day{1}};
  if (auto m = req.query_value("month"); m && !m->empty()) {
    auto d = m->size() == 7 ? t::parse_date(*m + "-01") : std::nullopt;
    if (!d) throw courthub::InvalidArgument("'month' must be YYYY-MM");
    first = *d;
  }
  const std::string month = t::format_date(first).substr(0, 7);
  const auto people = summary_people(host, req);
  // A month in progress is summed up to today; a month still to come has no days yet.
  const Date last{std::chrono::year_month_day_last{first.year(),
                                                   std::chrono::month_day_last{first.month()}}};
  const Date to = sys_days{last} < sys_days{now} ? last : now;
  Json rows = Json::array();
  if (sys_days{to} < sys_days{first}) {
    for (auto& p : people) rows.push_back(summary_row(p, month, {}));
  } else {
    Timesheet(host, settings)
        .each_person(people, first, to, Timesheet::PunchDetail::Times,
                     [&](const courthub::Person& p, std::vector<DayView>& days) {
                       rows.push_back(summary_row(p, month, days));
                     });
  }
  return Json::object({{"month", month}, {"people", rows}});
}

// ---- POST /attendance/list (DingTalk's) ----

Date list_date(const Json& body, const char* key) {
  const std::string text = json::require<std::string>(body, key);
  auto d = text.size() >= 10 ? t::parse_date(std::string_view(text).substr(0, 10)) : std::nullopt;
  if (!d) throw courthub::InvalidArgument(std::string("'") + key + "' must be yyyy-MM-dd HH:mm:ss");
  return *d;
}

courthub::Response attendance_list(courthub::Host& host, const Settings& settings,
                                   const courthub::Request& req) {
  const Json body = req.json();
  const Date from = list_date(body, "workDateFrom"), to = list_date(body, "workDateTo");
  if (sys_days{to} < sys_days{from})
    throw courthub::InvalidArgument("'workDateTo' is before 'workDateFrom'");
  if ((sys_days{to} - sys_days{from}).count() >= 7)
    throw courthub::InvalidArgument("'workDateFrom' to 'workDateTo' spans more than 7 days");
  const Json* ids = json::find(body, "userIdList");
  if (!ids || !ids->is_array() || ids->empty())
    throw courthub::InvalidArgument("'userIdList' must be a non-empty array");
  if (ids->size() > kMaxListUsers)
    throw courthub::InvalidArgument("'userIdList' holds more than 50 users");
  const int64_t offset = json::get<int64_t>(body, "offset", 0);
  const int64_t limit = json::get<int64_t>(body, "limit", kMaxListRecords);
  if (offset < 0) throw courthub::InvalidArgument("'offset' must not be negative");
  if (limit < 1 || limit > kMaxListRecords)
    throw courthub::InvalidArgument("'limit' must be 1 to 50");
  std::vector<courthub::Person> people;
  for (size_t i = 0; i < ids->size(); ++i) {
    auto p = require_person(host, json::as<std::string>((*ids)[i], "userIdList"));
    require_person_view(host, req.caller, p);
    people.push_back(std::move(p));
  }
  auto sheets = Timesheet(host, settings).people(people, from, to, kChecks);
  std::vector<Json> records;
  for (auto& p : people)
    for (auto& v : sheets.at(p.user_id))
      for (auto& r : dingtalk_records(v)) records.push_back(std::move(r));
  Json page = Json::array();
  for (int64_t i = offset; i < static_cast<int64_t>(records.size()) && i < offset + limit; ++i)
    page.push_back(records[static_cast<size_t>(i)]);
  return courthub::Response::json(
      Json::object({{"errcode", 0},
                    {"errmsg", "ok"},
                    {"hasMore", offset + limit < static_cast<int64_t>(records.size())},
                    {"recordresult", page}}));
}

}  // namespace

void register_result_routes(courthub::Registrar& r, courthub::Host& host,
                            const Settings& settings) {
  r.route("GET", "/me", [&host, &settings](const courthub::Request& req) {
    return me(host, settings, req);
  });
  r.route("GET", "/results", [&host, &settings](const courthub::Request& req) {
    return results(host, settings, req);
  });
  r.route("GET", "/departments/{dept_id}/day", [&host, &settings](const courthub::Request& req) {
    return department_day(host, settings, req);
  });
  r.route("GET", "/summary", [&host, &settings](const courthub::Request& req) {
    return courthub::Response::json(summary(host, settings, req));
  });
  r.route("GET", "/summary.csv", [&host, &settings](const courthub::Request& req) {
    Json s = summary(host, settings, req);
    std::vector<Json> rows;
    for (auto& row : s["people"]) rows.push_back(row);
    courthub::Response out{200, "text/csv; charset=utf-8", summary_csv(rows), {}};
    out.headers.emplace_back("Content-Disposition", "attachment; filename=\"attendance-" +
                                                        s["month"].get<std::string>() + ".csv\"");
    return out;
  });
  r.route("POST", "/attendance/list", [&host, &settings](const courthub::Request& req) {
    return attendance_list(host, settings, req);
  });
}

}  // namespace attendance
