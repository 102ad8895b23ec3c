// SPDX-License-Identifier: Apache-2.0
// The remote-hearing API: propose rooms, schedule, look up, move through the statuses, reschedule.
#include <courthub/error.hpp>

#include "booking_request.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::Json;
using courthub::Request;
using courthub::Response;

}  // namespace

void register_hearing_routes(courthub::Registrar& r, RoomsApp& app) {
  // GET /hearings/proposals?start=&end= (or date=&from=&to=)&capacity=&court=&mode=
  r.route("GET", "/hearings/proposals", [&app](const Request& req) {
    Json q = query_object(req);
    std::string court = court_of(req.caller, q);
    FieldErrors errors;
    auto slot = read_slot(q, local_date(app.host.now_ms()), errors, true);
    int capacity = query_int(q, "capacity", 1, 2000, errors).value_or(0);
    std::string mode_name = json::get<std::string>(q, "mode");
    auto mode = parse_mode(mode_name.empty() ? "online" : mode_name);
    if (!mode) errors.add("/mode", "must be online, mixed or in_person");
    errors.throw_if_any();
    Json rooms = Json::array();
    for (const Room& room : app.hearings.proposals(req.caller, court, *slot, capacity, *mode))
      rooms.push_back(room_json(room));
    return Response::json(Json::object({{"court", court},
                                        {"start", format_iso(slot->start_ms)},
                                        {"end", format_iso(slot->end_ms)},
                                        {"rooms", rooms}}));
  });

  // POST /hearings  — schedule a remote hearing (room, test slot, notices).
  r.route("POST", "/hearings", [&app](const Request& req) {
    require_person(req.caller);
    int64_t now = app.host.now_ms();
    FieldErrors errors;
    HearingRequest hr = read_hearing_request(req.json(), local_date(now), false, errors);
    errors.throw_if_any();
    return Response::json(app.hearings.create(req.caller, hr, now), 201);
  });

  // GET /hearings?from=&to=&court=  — the court's hearings by date (default: the next 31 days).
  r.route("GET", "/hearings", [&app](const Request& req) {
    Json q = query_object(req);
    std::string court = court_of(req.caller, q);
    // Hearings carry the parties' phones: only the court's own staff list them.
    if (req.caller.kind != courthub::Caller::Kind::Admin && req.caller.court_code != court)
      throw courthub::PermissionDenied("只能查看本院的远程庭审");
    FieldErrors errors;
    Slot window = date_window(q, app.host.now_ms(), 31, errors);
    errors.throw_if_any();
    return Response::json(Json::object(
        {{"court", court},
         {"hearings", app.hearings.of_court(req.caller, court, window, app.host.now_ms())}}));
  });

  r.route("GET", "/hearings/{id}", [&app](const Request& req) {
    require_person(req.caller);
    return Response::json(app.hearings.get(req.caller, id_param(req), app.host.now_ms()));
  });

  // POST /hearings/{id}/status {"status": "测试通过"|"进行中"|"已结束"|"已取消", "reason": "..."}
  r.route("POST", "/hearings/{id}/status", [&app](const Request& req) {
    require_person(req.caller);
    Json body = req.json();
    FieldErrors errors;
    Fields f(body, "", errors);
    f.only({"status", "reason"});
    std::string status = f.text("status", true, 10);
    std::string reason = f.text("reason", false, 200);
    errors.throw_if_any();
    return Response::json(
        app.hearings.move(req.caller, id_param(req), status, reason, app.host.now_ms()));
  });

  // POST /hearings/{id}/reschedule {start/end or date/from/to, room_id?, override_notice?, ...}
  r.route("POST", "/hearings/{id}/reschedule", [&app](const Request& req) {
    require_person(req.caller);
    int64_t now = app.host.now_ms();
    Json body = req.json();
    FieldErrors errors;
    HearingRequest change = read_hearing_request(body, local_date(now), true, errors);
    std::string reason = Fields(body, "", errors).text("reason", false, 200);
    errors.throw_if_any();
    return Response::json(app.hearings.reschedule(req.caller, id_param(req), change, reason, now),
                          201);
  });
}

}  // namespace rooms
