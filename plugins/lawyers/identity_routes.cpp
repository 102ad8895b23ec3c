// SPDX-License-Identifier: Apache-2.0
// The identity part's routes: public registration and sign-in, the lawyer's own profile and
// password (portal), the high court's administration of lawyers (staff).
#include <charconv>

#include "lawyer_admin.hpp"
#include "lawyer_audit.hpp"
#include "lawyer_record.hpp"
#include "lawyer_session.hpp"
#include "registration.hpp"
#include "routes.hpp"
#include "sign_in.hpp"

namespace lawyers {

namespace {

using courthub::Json;
using courthub::Request;
using courthub::Response;

int64_t id_param(const Request& req) {
  const std::string& text = req.param("id");
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
    throw courthub::NotFound("no lawyer " + text);
  return id;
}

// The body as an object ({} when empty), so optional members read simply.
Json body_of(const Request& req) {
  if (req.body.empty()) return Json::object();
  Json body = req.json();
  if (!body.is_object()) throw courthub::InvalidArgument("the body must be a JSON object");
  return body;
}

}  // namespace

void register_identity(courthub::Registrar& r, App& app) {
  if (!app.settings.identity.data_key)
    app.host.warn("identity.data_key is not set: registration answers 503 until it is "
                  "(64 hex characters; docs/lawyers.md, Identity)");

  // Public: anyone may try; the answers give nothing away beyond what the API promises.
  r.route("POST", "/public/register", [&app](const Request& req) {
    return Response::json(Json::object({{"lawyer", lawyer_view(register_lawyer(app, req.json()))}}),
                          201);
  });
  r.route("POST", "/public/login", [&app](const Request& req) {
    return sign_in(app, req.json());
  });

  // Portal: the lawyer's own account.
  r.portal_route("lawyer", "GET", "/portal/me", [&app](const Request& req) {
    const Lawyer me = require_lawyer(app, req, Need::Any);
    return Response::json(lawyer_view(*load_lawyer(app.host.db(), me.id)));
  });
  r.portal_route("lawyer", "POST", "/portal/password", [&app](const Request& req) {
    const Lawyer me = require_lawyer(app, req, Need::Any);
    change_password(app, me, req.json());
    return Response::no_content();
  });

  // Staff: the high court's court_admin or the operator.
  r.route("GET", "/lawyers", [&app](const Request& req) {
    require_lawyer_admin(app, req.caller);
    return Response::json(list_lawyers(app, req.query_value("state").value_or(""),
                                       req.query_value("q").value_or("")));
  });
  r.route("POST", "/lawyers/{id}/verify", [&app](const Request& req) {
    require_lawyer_admin(app, req.caller);
    return Response::json(verify_lawyer(app, req.caller, id_param(req)));
  });
  r.route("POST", "/lawyers/{id}/suspend", [&app](const Request& req) {
    require_lawyer_admin(app, req.caller);
    const Json body = body_of(req);
    return Response::json(suspend_lawyer(app, req.caller, id_param(req),
                                         courthub::json::get<std::string>(body, "reason", "")));
  });
  r.route("POST", "/lawyers/{id}/reinstate", [&app](const Request& req) {
    require_lawyer_admin(app, req.caller);
    const Json body = body_of(req);
    return Response::json(reinstate_lawyer(app, req.caller, id_param(req),
                                           courthub::json::get<std::string>(body, "reason", "")));
  });
  r.route("POST", "/lawyers/{id}/reset-password", [&app](const Request& req) {
    require_lawyer_admin(app, req.caller);
    return Response::json(
        Json::object({{"temporary_password", reset_password(app, req.caller, id_param(req))}}));
  });
  r.route("GET", "/lawyers/{id}/audit", [&app](const Request& req) {
    require_lawyer_admin(app, req.caller);
    const int64_t id = id_param(req);
    if (!load_lawyer(app.host.db(), id)) throw courthub::NotFound("no lawyer " + std::to_string(id));
    return Response::json(audit_items(app.host.db(), id));
  });
}

}  // namespace lawyers
