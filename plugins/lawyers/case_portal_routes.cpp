// SPDX-License-Identifier: Apache-2.0
// The lawyer's case space (个人案件空间) across courts, and their unavailability. Every route
// starts with the lawyer behind the session; every case goes through the representation guard.
#include <courthub/error.hpp>

#include "case_access.hpp"
#include "case_form.hpp"
#include "case_routes.hpp"
#include "case_store.hpp"
#include "case_view.hpp"
#include "lawyer_session.hpp"
#include "unavailability.hpp"

namespace lawyers {
namespace {

using courthub::Json;
using courthub::Request;
using courthub::Response;
using courthub::Value;

constexpr int64_t kDayMs = 24 * 3600 * 1000;

}  // namespace

void register_case_portal_routes(courthub::Registrar& r, App& app) {
  // GET /portal/cases — every case the lawyer represents (confirmed), at every court.
  r.portal_route("lawyer", "GET", "/portal/cases", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    auto& db = app.host.db();
    Json items = Json::array();
    for (auto& row : db.query("SELECT DISTINCT c.id FROM cases c "
                              "JOIN representations r ON r.case_id = c.id "
                              "WHERE r.lawyer_id = ? AND r.state = 'confirmed' ORDER BY c.id DESC",
                              {Value(lawyer.id)}))
      items.push_back(case_view(app, require_represented_case(app, lawyer, row.integer("id")),
                                CaseAudience::Lawyer));
    return Response::json(Json::object({{"items", items}}));
  });

  r.portal_route("lawyer", "GET", "/portal/cases/{id}", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    auto id = path_id(req);
    if (!id) throw courthub::NotFound("no case " + req.param("id") + " among yours");
    return Response::json(
        case_view(app, require_represented_case(app, lawyer, *id), CaseAudience::Lawyer));
  });

  r.portal_route("lawyer", "GET", "/portal/unavailability", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    return Response::json(Json::object(
        {{"items", unavailability_of(app.host.db(), lawyer.id, app.host.now_ms())}}));
  });

  // POST /portal/unavailability {start_ms, end_ms, reason}
  r.portal_route("lawyer", "POST", "/portal/unavailability", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    Json body = req.json();
    CaseForm form(body);
    auto start = form.integer("start_ms", true);
    auto end = form.integer("end_ms", true);
    std::string reason = form.text("reason", false, 200);
    int64_t now = app.host.now_ms();
    if (start && end && *end <= *start) form.add("end_ms", "must be after start_ms");
    if (end && *end <= now) form.add("end_ms", "is in the past");
    if (start && end && *end - *start > 90 * kDayMs)
      form.add("end_ms", "is more than 90 days after start_ms; register shorter periods");
    form.throw_if_any();
    int64_t id = app.host.db().transaction([&](courthub::Transaction& tx) {
      return add_unavailability(tx, lawyer.id, *start, *end, reason, now);
    });
    return Response::json(Json::object({{"id", id},
                                        {"start_ms", *start},
                                        {"end_ms", *end},
                                        {"reason", reason},
                                        {"created_ms", now}}),
                          201);
  });

  r.portal_route("lawyer", "DELETE", "/portal/unavailability/{id}", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    auto id = path_id(req);
    if (!id) throw courthub::NotFound("no unavailability " + req.param("id") + " among yours");
    app.host.db().transaction(
        [&](courthub::Transaction& tx) { remove_unavailability(tx, lawyer.id, *id); });
    return Response::no_content();
  });
}

}  // namespace lawyers
