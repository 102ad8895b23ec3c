// SPDX-License-Identifier: Apache-2.0
#include "appointment_routes.hpp"

#include "appointment_desk.hpp"
#include "appointment_view.hpp"
#include "lawyer_session.hpp"
#include "route_input.hpp"

namespace lawyers {
namespace {

using courthub::Json;
using courthub::Request;
using courthub::Response;

Response view(const App& app, const AppointmentRow& a, int status = 200) {
  return Response::json(appointment_view(app.host.db(), a), status);
}

Response list(const App& app, const std::vector<AppointmentRow>& rows) {
  Json out = Json::array();
  for (auto& a : rows) out.push_back(appointment_view(app.host.db(), a));
  return Response::json(Json::object({{"items", out}}));
}

// A lawyer's route: the lawyer, then what `act` does with them.
template <class Act>
courthub::RouteHandler as_lawyer(App& app, Act act) {
  return [&app, act](const Request& req) { return act(require_lawyer(app, req), req); };
}

}  // namespace

void register_appointment_routes(courthub::Registrar& r, App& app) {
  r.portal_route("lawyer", "POST", "/portal/appointments",
                 as_lawyer(app, [&app](const Lawyer& l, const Request& req) {
                   return view(app, request_appointment(app, l, json_body(req)), 201);
                 }));
  r.portal_route("lawyer", "GET", "/portal/appointments",
                 as_lawyer(app, [&app](const Lawyer& l, const Request&) {
                   return list(app, appointment_store::of_lawyer(app.host.db(), l.id));
                 }));
  r.portal_route("lawyer", "GET", "/portal/appointments/{id}",
                 as_lawyer(app, [&app](const Lawyer& l, const Request& req) {
                   return view(app, lawyers_appointment(app, l, path_id(req, "appointment")));
                 }));
  r.portal_route("lawyer", "POST", "/portal/appointments/{id}/accept",
                 as_lawyer(app, [&app](const Lawyer& l, const Request& req) {
                   return view(app, accept_proposal(app, l, path_id(req, "appointment")));
                 }));
  r.portal_route("lawyer", "POST", "/portal/appointments/{id}/cancel",
                 as_lawyer(app, [&app](const Lawyer& l, const Request& req) {
                   return view(app, cancel_appointment(app, l, path_id(req, "appointment"),
                                                       json_body(req)));
                 }));
  r.portal_route("lawyer", "POST", "/portal/appointments/{id}/messages",
                 as_lawyer(app, [&app](const Lawyer& l, const Request& req) {
                   return view(app, lawyer_writes(app, l, path_id(req, "appointment"),
                                                  json_body(req)), 201);
                 }));

  r.route("GET", "/appointments", [&app](const Request& req) {
    auto state = state_query(req, parse_appointment_state,
                             "requested, proposed, accepted, declined or canceled");
    return list(app, court_appointments(app, req.caller, state));
  });
  r.route("GET", "/appointments/{id}", [&app](const Request& req) {
    return view(app, courts_appointment(app, req.caller, path_id(req, "appointment")));
  });
  r.route("POST", "/appointments/{id}/accept", [&app](const Request& req) {
    return view(app, court_accepts(app, req.caller, path_id(req, "appointment"), json_body(req)));
  });
  r.route("POST", "/appointments/{id}/propose", [&app](const Request& req) {
    return view(app, court_proposes(app, req.caller, path_id(req, "appointment"), json_body(req)));
  });
  r.route("POST", "/appointments/{id}/decline", [&app](const Request& req) {
    return view(app, court_declines(app, req.caller, path_id(req, "appointment"), json_body(req)));
  });
  r.route("POST", "/appointments/{id}/messages", [&app](const Request& req) {
    return view(app, court_writes(app, req.caller, path_id(req, "appointment"), json_body(req)),
                201);
  });
}

}  // namespace lawyers
