// SPDX-License-Identifier: Apache-2.0
// POST /punches, GET /punches, POST /machine-records.
#include "punch_routes.hpp"

#include <algorithm>
#include <memory>

#include <courthub/error.hpp>
#include <courthub/time.hpp>

#include "check_in.hpp"
#include "group_finder.hpp"
#include "machine_records.hpp"
#include "person_access.hpp"
#include "punch_json.hpp"
#include "punch_store.hpp"
#include "result_json.hpp"
#include "timesheet.hpp"

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

// The person's day as the results show it (recomputed now: it includes a punch just stored).
DayView day_of(courthub::Host& host, const Settings& settings, const courthub::Person& person,
               Date date) {
  return Timesheet(host, settings).person(person, date, date).front();
}

bool counted_in(const DayView& day, int64_t punch_id) {
  const auto& ids = day.result.counted_punch_ids;
  return std::find(ids.begin(), ids.end(), punch_id) != ids.end();
}

Response post_punch(courthub::Host& host, const Settings& settings, GroupFinder& groups,
                    const Request& req) {
  require_staff(req.caller);
  CheckIn in = read_check_in(req.json());
  const int64_t now = host.now_ms();
  const Date today = courthub::time::local_date(now);
  const courthub::Person me = person_of(req.caller);
  try {
    const auto found = groups.group_of(me, now);
    Punch p = record_check_in(host, me, found.group, in, now, req.request_id);
    const DayView day = day_of(host, settings, me, today);
    return Response::json(
        Json::object({{"punch", punch_json(p, counted_in(day, p.id))}, {"day", day_json(day)}}),
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
  // The day's view has every punch of the day, in time order, and which of them counted.
  const DayView day = day_of(host, settings, *person, date);
  Json list = Json::array();
  for (const Punch& p : day.punches) list.push_back(punch_json(p, counted_in(day, p.id)));
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
  auto groups = std::make_shared<GroupFinder>(host);
  r.route("POST", "/punches", [&host, &settings, groups](const Request& req) {
    return post_punch(host, settings, *groups, req);
  });
  r.route("GET", "/punches",
          [&host, &settings](const Request& req) { return get_punches(host, settings, req); });
  r.route("POST", "/machine-records",
          [&host](const Request& req) { return post_machine_records(host, req); });
}

}  // namespace attendance
