// SPDX-License-Identifier: Apache-2.0
// POST /punches, GET /punches, POST /machine-records.
#include "punch_routes.hpp"

#include <algorithm>
#include <chrono>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

#include "check_in.hpp"
#include "group_store.hpp"
#include "machine_records.hpp"
#include "person_access.hpp"
#include "punch_json.hpp"
#include "punch_store.hpp"

namespace attendance {

using courthub::Caller;
using courthub::Json;
using courthub::Request;
using courthub::Response;

namespace {

courthub::Person person_of(const Caller& c) {
  return courthub::Person{c.user_id, c.name, c.court_code, c.dept_id, c.title, c.roles, {}};
}

void require_staff(const Caller& c) {
  if (!c.is_staff() || c.user_id.empty())
    throw courthub::PermissionDenied("check-in is for staff signed in to the mini-app");
}

Response refusal(const CheckInRefused& r) {
  return Response::json(
      Json::object({{"error", Json::object({{"code", r.code()}, {"message", r.what()}})}}),
      r.status());
}

// The day a punch belongs to, and the punches some check of it counted.
// TODO(results): "day" comes from the Timesheet and result_json once they land; until then the
// day is null and no punch is reported as counted.
Json day_json_of(courthub::Host&, const Settings&, const courthub::Person&, Date) {
  return nullptr;
}
std::vector<int64_t> counted_ids(courthub::Host&, const Settings&, const courthub::Person&, Date) {
  return {};
}

Response post_punch(courthub::Host& host, const Settings& settings, const Request& req) {
  require_staff(req.caller);
  CheckIn in = read_check_in(req.json());
  const int64_t now = host.now_ms();
  const Date today = courthub::time::local_date(now);
  const courthub::Person me = person_of(req.caller);
  try {
    const Schedule schedule(host, today, today);
    Punch p = record_check_in(host, me, schedule.group_of(me), in, now, req.request_id);
    const auto counted = counted_ids(host, settings, me, today);
    const bool is_counted = std::find(counted.begin(), counted.end(), p.id) != counted.end();
    return Response::json(Json::object({{"punch", punch_json(p, is_counted)},
                                        {"day", day_json_of(host, settings, me, today)}}),
                          201);
  } catch (const CheckInRefused& r) {
    return refusal(r);
  }
}

Response get_punches(courthub::Host& host, const Settings& settings, const Request& req) {
  const Caller& c = req.caller;
  if (c.kind != Caller::Kind::Admin && !c.is_staff())
    throw courthub::PermissionDenied("sign in to see punches");
  std::string user = req.query_value("user_id").value_or("");
  if (user.empty()) {
    if (c.kind == Caller::Kind::Admin) throw courthub::InvalidArgument("user_id: required");
    user = c.user_id;
  }
  Date date = courthub::time::local_date(host.now_ms());
  if (auto d = req.query_value("date"); d && !d->empty()) {
    auto parsed = courthub::time::parse_date(*d);
    if (!parsed) throw courthub::InvalidArgument("date: must be YYYY-MM-DD, got '" + *d + "'");
    date = *parsed;
  }
  auto person = user == c.user_id && c.is_staff() ? std::optional(person_of(c))
                                                    : host.directory().person(user);
  if (!person) throw courthub::NotFound("user_id: no such person '" + user + "'");
  if (!may_view_person(host, c, *person))
    throw courthub::PermissionDenied("you may not see this person's punches");
  const int64_t from = courthub::time::to_unix_ms(date, 0);
  const int64_t to = courthub::time::to_unix_ms(
      Date{std::chrono::sys_days{date} + std::chrono::days{1}}, 0);
  const auto counted = counted_ids(host, settings, *person, date);
  Json list = Json::array();
  for (const Punch& p : punches_between(host.db(), {user}, from, to))
    list.push_back(punch_json(p, std::find(counted.begin(), counted.end(), p.id) != counted.end()));
  return Response::json(Json::object({{"punches", list}}));
}

Response post_machine_records(courthub::Host& host, const Request& req) {
  const Caller& c = req.caller;
  if (c.kind != Caller::Kind::Admin && !(c.is_staff() && c.has_role("court_admin")))
    throw courthub::PermissionDenied(
        "machine records are imported by the court's court_admin or the operator");
  auto records = read_machine_records(req.json());
  auto n = import_machine_records(host, c, records, host.now_ms());
  host.info("machine records: " + std::to_string(n.accepted) + " accepted, " +
            std::to_string(n.duplicates) + " duplicates");
  return Response::json(
      Json::object({{"accepted", n.accepted}, {"duplicates", n.duplicates}}));
}

}  // namespace

void register_punch_routes(courthub::Registrar& r, courthub::Host& host, const Settings& settings) {
  r.route("POST", "/punches",
          [&host, &settings](const Request& req) { return post_punch(host, settings, req); });
  r.route("GET", "/punches",
          [&host, &settings](const Request& req) { return get_punches(host, settings, req); });
  r.route("POST", "/machine-records",
          [&host](const Request& req) { return post_machine_records(host, req); });
}

}  // namespace attendance
