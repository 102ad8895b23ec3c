// SPDX-License-Identifier: Apache-2.0
// The court's case registry: the 立案庭 opens a case and assigns it (分案); its judge or clerk
// moves its stage forward.
#include <courthub/error.hpp>

#include "case_access.hpp"
#include "case_form.hpp"
#include "case_routes.hpp"
#include "case_stage.hpp"
#include "case_store.hpp"
#include "case_view.hpp"

namespace lawyers {
namespace {

using courthub::Caller;
using courthub::Json;
using courthub::Request;
using courthub::Response;

// `user_id` must be a person at `court`; an error on `field` otherwise.
void check_colleague(const App& app, CaseForm& form, const char* field, const std::string& user_id,
                     const std::string& court) {
  if (user_id.empty()) return;
  auto p = app.host.directory().person(user_id);
  if (!p || p->court_code != court) form.add(field, "is not a member of court " + court);
}

void require_staff(const Caller& c) {
  if (c.kind != Caller::Kind::Staff && c.kind != Caller::Kind::Admin)
    throw courthub::PermissionDenied("only the court's staff may use the case registry");
}

// The case, for its judge, clerk, court_admin, the operator, or its court's 立案庭.
CaseRef require_case_office(const App& app, const Caller& caller, int64_t id) {
  require_staff(caller);
  auto c = find_case(app.host.db(), id);
  if (!c) throw courthub::NotFound("no case " + std::to_string(id));
  if (!is_case_staff(caller, *c) && !is_filing_office(app, caller, c->court_code))
    throw courthub::PermissionDenied("case " + c->case_number +
                                     " belongs to its judge, clerk and court");
  return *c;
}

int64_t case_id_of(const Request& req) {
  auto id = path_id(req);
  if (!id) throw courthub::NotFound("no case " + req.param("id"));
  return *id;
}

Json items(const App& app, const std::vector<courthub::Row>& rows) {
  Json out = Json::array();
  for (auto& r : rows)
    if (auto c = find_case(app.host.db(), r.integer("id")))
      out.push_back(case_view(app, *c, CaseAudience::Staff));
  return Json::object({{"items", out}});
}

}  // namespace

void register_case_staff_routes(courthub::Registrar& r, App& app) {
  // POST /cases {court, case_number, cause, case_type, judge, clerk} — 立案.
  r.route("POST", "/cases", [&app](const Request& req) {
    require_staff(req.caller);
    Json body = req.json();
    CaseForm form(body);
    NewCase c;
    c.court_code = form.text("court", false, 40);
    if (c.court_code.empty()) c.court_code = req.caller.court_code;
    if (c.court_code.empty()) form.add("court", "is required");
    else if (!app.host.directory().court(c.court_code)) form.add("court", "is not a court");
    c.case_number = form.case_number("case_number");
    c.cause = form.text("cause", true, 100);
    c.case_type = form.text("case_type", true, 20);
    c.judge = form.text("judge", false, 64);
    c.clerk = form.text("clerk", false, 64);
    check_colleague(app, form, "judge", c.judge, c.court_code);
    check_colleague(app, form, "clerk", c.clerk, c.court_code);
    form.throw_if_any();
    if (!is_filing_office(app, req.caller, c.court_code))
      throw courthub::PermissionDenied("cases are opened by the 立案庭 of " + c.court_code +
                                       " or its court_admin");
    c.at_ms = app.host.now_ms();
    std::string by = req.caller.is_staff() ? req.caller.user_id : "admin";
    int64_t id = app.host.db().transaction(
        [&](courthub::Transaction& tx) { return insert_case(tx, c, by); });
    return Response::json(case_view(app, *find_case(app.host.db(), id), CaseAudience::Staff), 201);
  });

  // GET /cases?mine=1 (default: the caller's as judge or clerk) | ?court= (its 立案庭 or admin).
  r.route("GET", "/cases", [&app](const Request& req) {
    require_staff(req.caller);
    auto court = req.query_value("court");
    auto& db = app.host.db();
    if (court && !court->empty() && req.query_value("mine").value_or("") != "1") {
      if (!is_filing_office(app, req.caller, *court))
        throw courthub::PermissionDenied("only the 立案庭 or a court_admin of " + *court +
                                         " lists all its cases");
      return Response::json(items(
          app, db.query("SELECT id FROM cases WHERE court_code = ? ORDER BY id DESC LIMIT 500",
                        {*court})));
    }
    return Response::json(
        items(app, db.query("SELECT id FROM cases WHERE judge = ? OR clerk = ? "
                            "ORDER BY id DESC LIMIT 500",
                            {req.caller.user_id, req.caller.user_id})));
  });

  r.route("GET", "/cases/{id}", [&app](const Request& req) {
    CaseRef c = require_case_office(app, req.caller, case_id_of(req));
    return Response::json(case_view(app, c, CaseAudience::Staff));
  });

  // POST /cases/{id}/assign {judge, clerk} — 分案, by the 立案庭 (or court_admin).
  r.route("POST", "/cases/{id}/assign", [&app](const Request& req) {
    CaseRef c = require_case_office(app, req.caller, case_id_of(req));
    if (!is_filing_office(app, req.caller, c.court_code))
      throw courthub::PermissionDenied("cases are assigned by the 立案庭 of " + c.court_code +
                                       " or its court_admin");
    Json body = req.json();
    CaseForm form(body);
    std::string judge = form.text("judge", true, 64);
    std::string clerk = form.text("clerk", false, 64);
    check_colleague(app, form, "judge", judge, c.court_code);
    check_colleague(app, form, "clerk", clerk, c.court_code);
    form.throw_if_any();
    std::string by = req.caller.is_staff() ? req.caller.user_id : "admin";
    app.host.db().transaction([&](courthub::Transaction& tx) {
      assign_case(tx, c.id, judge, clerk, app.host.now_ms(), by);
    });
    return Response::json(case_view(app, *find_case(app.host.db(), c.id), CaseAudience::Staff));
  });

  // POST /cases/{id}/stage {stage} — forward only, by the case's judge or clerk.
  r.route("POST", "/cases/{id}/stage", [&app](const Request& req) {
    CaseRef c = require_case_staff(app, req.caller, case_id_of(req));
    Json body = req.json();
    CaseForm form(body);
    std::string code = form.text("stage", true, 20);
    auto to = parse_stage(code);
    if (!code.empty() && !to)
      form.add("stage", "must be one of filed, assigned, scheduled, heard, decided, served, "
                        "archived");
    form.throw_if_any();
    if (!moves_forward(c.stage, *to))
      throw courthub::Conflict("case " + c.case_number + " is at " +
                               std::string(stage_code(c.stage)) + " (" +
                               std::string(stage_label(c.stage)) +
                               "); a stage only moves forward");
    std::string by = req.caller.is_staff() ? req.caller.user_id : "admin";
    bool moved = app.host.db().transaction([&](courthub::Transaction& tx) {
      return advance_stage(tx, c.id, *to, app.host.now_ms(), by);
    });
    if (!moved) throw courthub::Conflict("case " + c.case_number + " changed meanwhile");
    return Response::json(case_view(app, *find_case(app.host.db(), c.id), CaseAudience::Staff));
  });
}

}  // namespace lawyers
