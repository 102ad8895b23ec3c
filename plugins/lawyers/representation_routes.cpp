// SPDX-License-Identifier: Apache-2.0
// Representations over HTTP: a lawyer asks (POST /portal/representations) with a power of
// attorney they uploaded; the case's judge and clerk are told and confirm, refuse or revoke.
#include <courthub/error.hpp>

#include "case_access.hpp"
#include "case_form.hpp"
#include "case_routes.hpp"
#include "case_store.hpp"
#include "file_store.hpp"
#include "lawyer_session.hpp"
#include "representation.hpp"

namespace lawyers {
namespace {

using courthub::Caller;
using courthub::Json;
using courthub::Request;
using courthub::Response;
using courthub::Value;

std::string court_name(const App& app, const std::string& code) {
  auto c = app.host.directory().court(code);
  return c ? c->name : code;
}

Json common_view(const App& app, const Representation& r, const CaseRef& c) {
  return Json::object({{"id", r.id},
                       {"court_code", c.court_code},
                       {"court_name", court_name(app, c.court_code)},
                       {"case_number", c.case_number},
                       {"party", r.party},
                       {"party_role", r.party_role},
                       {"state", representation_state_code(r.state)},
                       {"state_label", representation_state_label(r.state)},
                       {"reason", r.reason},
                       {"requested_ms", r.requested_ms},
                       {"updated_ms", r.updated_ms}});
}

// What the lawyer sees: their request and its fate; the case id once they may open it.
Json lawyer_view(const App& app, const Representation& r, const CaseRef& c) {
  Json v = common_view(app, r, c);
  v["case_id"] = r.state == RepresentationState::Confirmed ? Json(c.id) : Json(nullptr);
  return v;
}

// What the court sees: the lawyer, the power of attorney and every step with who and when.
Json staff_view(const App& app, const Representation& r, const CaseRef& c) {
  Json v = common_view(app, r, c);
  v["case_id"] = c.id;
  v["poa_file"] = r.poa_file;
  auto l = find_lawyer(app.host.db(), r.lawyer_id);
  v["lawyer"] = Json::object({{"id", r.lawyer_id},
                              {"name", l ? l->name : ""},
                              {"licence_no", l ? l->licence_no : ""},
                              {"firm", l ? l->firm : ""}});
  Json history = Json::array();
  for (auto& s : representation_history(app.host.db(), r.id)) {
    std::string actor_name;
    if (s.actor.rfind("lawyer:", 0) == 0) {
      actor_name = l ? l->name : "";
    } else if (auto p = app.host.directory().person(s.actor)) {
      actor_name = p->name;
    }
    history.push_back(Json::object({{"action", s.action},
                                    {"actor", s.actor},
                                    {"actor_name", actor_name},
                                    {"reason", s.reason},
                                    {"at_ms", s.at_ms}}));
  }
  v["history"] = history;
  return v;
}

void tell_case_staff(const App& app, const courthub::Transaction& tx, const CaseRef& c,
                     const Lawyer& lawyer, const std::string& party, int64_t id) {
  std::vector<std::string> to;
  for (auto* u : {&c.judge, &c.clerk})
    if (!u->empty()) to.push_back(*u);
  if (to.empty()) return;  // before 分案: the 立案庭 sees it in GET /representations?case_id=
  std::string text = "### 代理关系待核实\n\n" + lawyer.name + " 律师（" + lawyer.firm +
                     "）申请作为 " + party + " 的代理人参与 " + c.case_number +
                     "，已上传授权委托书。\n\n请在律师服务中核实后确认或驳回。";
  app.host.outbox().in(tx).to_users(to, courthub::Message::markdown("代理关系待核实", text),
                                    "lawyers-representation:" + std::to_string(id));
}

RepresentationDecision decision_of(const std::string& action) {
  if (action == "confirm") return RepresentationDecision::Confirm;
  if (action == "refuse") return RepresentationDecision::Refuse;
  return RepresentationDecision::Revoke;
}

}  // namespace

void register_representation_routes(courthub::Registrar& r, App& app) {
  // POST /portal/representations {court, case_number, party, party_role, poa_file}
  r.portal_route("lawyer", "POST", "/portal/representations", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    Json body = req.json();
    CaseForm form(body);
    std::string court = form.text("court", true, 40);
    std::string number = form.case_number("case_number");
    std::string party = form.text("party", true, 100);
    std::string party_role = form.text("party_role", true, 20);
    std::string poa = form.text("poa_file", true, 64);
    if (!poa.empty() && !owns_file(app.host.db(), "lawyer:" + std::to_string(lawyer.id), poa))
      form.add("poa_file", "is not a file you uploaded (upload the power of attorney first)");
    form.throw_if_any();
    auto c = find_case_by_number(app.host.db(), court, number);
    if (!c) throw courthub::NotFound("no case " + number + " at " + court);
    int64_t id = app.host.db().transaction([&](courthub::Transaction& tx) {
      int64_t made = request_representation(tx, c->id, lawyer.id, party, party_role, poa,
                                            app.host.now_ms());
      tell_case_staff(app, tx, *c, lawyer, party, made);
      return made;
    });
    return Response::json(Json::object({{"id", id},
                                        {"state", "requested"},
                                        {"state_label", representation_state_label(
                                                            RepresentationState::Requested)}}),
                          201);
  });

  // GET /portal/representations — the lawyer's own, newest first.
  r.portal_route("lawyer", "GET", "/portal/representations", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    Json items = Json::array();
    auto& db = app.host.db();
    for (auto& row : db.query("SELECT id FROM representations WHERE lawyer_id = ? ORDER BY id DESC",
                              {Value(lawyer.id)})) {
      auto rep = find_representation(db, row.integer("id"));
      auto c = rep ? find_case(db, rep->case_id) : std::nullopt;
      if (c) items.push_back(lawyer_view(app, *rep, *c));
    }
    return Response::json(Json::object({{"items", items}}));
  });

  // GET /representations?case_id=&state= — of one case (its staff), else of the caller's cases
  // (a court_admin: the court's; the operator: all).
  r.route("GET", "/representations", [&app](const Request& req) {
    const Caller& caller = req.caller;
    if (caller.kind != Caller::Kind::Staff && caller.kind != Caller::Kind::Admin)
      throw courthub::PermissionDenied("only the court's staff may see representations here");
    std::string state = req.query_value("state").value_or("");
    if (!state.empty() && !parse_representation_state(state))
      throw courthub::InvalidArgument(
          "state must be requested, confirmed, refused or revoked",
          Json::object({{"fields", Json::object({{"state", "is not a state"}})}}));
    std::string sql =
        "SELECT r.id FROM representations r JOIN cases c ON c.id = r.case_id WHERE 1 = 1";
    std::vector<Value> params;
    if (auto raw = req.query_value("case_id"); raw && !raw->empty()) {
      int64_t id = 0;
      try {
        id = std::stoll(*raw);
      } catch (...) {
      }
      CaseRef c = require_case_staff(app, caller, id);
      sql += " AND r.case_id = ?";
      params.push_back(Value(c.id));
    } else if (caller.kind == Caller::Kind::Staff) {
      sql += " AND (c.judge = ? OR c.clerk = ?";
      params.push_back(caller.user_id);
      params.push_back(caller.user_id);
      if (caller.has_role("court_admin")) {
        sql += " OR c.court_code = ?";
        params.push_back(caller.court_code);
      }
      sql += ")";
    }
    if (!state.empty()) {
      sql += " AND r.state = ?";
      params.push_back(state);
    }
    sql += " ORDER BY r.id DESC LIMIT 500";
    Json items = Json::array();
    auto& db = app.host.db();
    for (auto& row : db.query(sql, params)) {
      auto rep = find_representation(db, row.integer("id"));
      auto c = rep ? find_case(db, rep->case_id) : std::nullopt;
      if (c) items.push_back(staff_view(app, *rep, *c));
    }
    return Response::json(Json::object({{"items", items}}));
  });

  // POST /representations/{id}/confirm | /refuse {reason} | /revoke {reason}
  for (const char* action : {"confirm", "refuse", "revoke"}) {
    std::string act = action;
    r.route("POST", "/representations/{id}/" + act, [&app, act](const Request& req) {
      auto id = path_id(req);
      auto rep = id ? find_representation(app.host.db(), *id) : std::nullopt;
      if (!rep) throw courthub::NotFound("no representation " + req.param("id"));
      CaseRef c = require_case_staff(app, req.caller, rep->case_id);
      std::string reason;
      if (act != "confirm") {
        Json body = req.json();
        CaseForm form(body);
        reason = form.text("reason", true, 200);
        form.throw_if_any();
      }
      std::string actor = req.caller.is_staff() ? req.caller.user_id : "admin";
      Representation done = app.host.db().transaction([&](courthub::Transaction& tx) {
        return decide_representation(tx, rep->id, decision_of(act), actor, reason,
                                     app.host.now_ms());
      });
      return Response::json(staff_view(app, done, c));
    });
  }
}

}  // namespace lawyers
