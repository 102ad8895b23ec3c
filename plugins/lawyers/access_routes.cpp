// SPDX-License-Identifier: Apache-2.0
// The access part's routes and subscriptions: case documents and the view log (court), 阅卷
// requests and the documents their windows open (lawyers), electronic service (both), and the
// approvals outcomes of 阅卷 requests.
#include <charconv>

#include "access_window.hpp"
#include "case_documents.hpp"
#include "document_delivery.hpp"
#include "file_access_request.hpp"
#include "routes.hpp"
#include "service.hpp"
#include "view_log.hpp"

namespace lawyers {
namespace {

using courthub::Json;
using courthub::Request;
using courthub::Response;

// A path id; anything but a positive decimal is no such thing (404, never 400: ids are not
// confirmed to whoever guesses them).
int64_t path_id(const Request& req, const std::string& name, const std::string& what) {
  const std::string& text = req.param(name);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
    throw courthub::NotFound("no " + what + " " + text);
  return id;
}

// Filing documents and serving them is the case's own judge's or clerk's work.
void require_judge_or_clerk(const CaseRef& c, const courthub::Caller& caller) {
  if (caller.user_id.empty() || (caller.user_id != c.judge && caller.user_id != c.clerk))
    throw courthub::PermissionDenied("only the judge or the clerk of case " + c.case_number +
                                     " may do this");
}

Json documents_json(const std::vector<CaseDocument>& docs) {
  Json items = Json::array();
  for (auto& d : docs) items.push_back(document_json(d));
  return Json::object({{"items", items}});
}

void register_court_routes(courthub::Registrar& r, App& app) {
  r.route("POST", "/cases/{id}/documents", [&app](const Request& req) {
    CaseRef c = require_case_staff(app, req.caller, path_id(req, "id", "case"));
    require_judge_or_clerk(c, req.caller);
    CaseDocument d =
        add_document(app, c, req.caller.user_id, req.body, req.query_value("name").value_or(""),
                     req.query_value("category").value_or(""));
    return Response::json(document_json(d), 201);
  });
  r.route("GET", "/cases/{id}/documents", [&app](const Request& req) {
    CaseRef c = require_case_staff(app, req.caller, path_id(req, "id", "case"));
    return Response::json(documents_json(case_documents(app.host.db(), c.id, false)));
  });
  r.route("GET", "/cases/{id}/document-views", [&app](const Request& req) {
    CaseRef c = require_case_staff(app, req.caller, path_id(req, "id", "case"));
    return Response::json(case_view_log(app, c.id));
  });
  r.route("POST", "/cases/{id}/services", [&app](const Request& req) {
    CaseRef c = require_case_staff(app, req.caller, path_id(req, "id", "case"));
    require_judge_or_clerk(c, req.caller);
    return Response::json(serve_document(app, c, req.caller.user_id, req.json()), 201);
  });
  r.route("GET", "/cases/{id}/services", [&app](const Request& req) {
    CaseRef c = require_case_staff(app, req.caller, path_id(req, "id", "case"));
    return Response::json(case_services(app, c.id));
  });
}

void register_portal_routes(courthub::Registrar& r, App& app) {
  r.portal_route("lawyer", "POST", "/portal/cases/{id}/file-access", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    CaseRef c = require_represented_case(app, lawyer, path_id(req, "id", "case"));
    FileAccessForm form = read_file_access_form(req.json(), app.host.now_ms());
    int64_t id = request_file_access(app, lawyer, c, form);
    return Response::json(
        Json::object({{"id", id}, {"state", "pending"}, {"state_label", "审批中"}}), 201);
  });
  r.portal_route("lawyer", "GET", "/portal/cases/{id}/file-access", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    CaseRef c = require_represented_case(app, lawyer, path_id(req, "id", "case"));
    return Response::json(file_access_views(app.host.db(), lawyer.id, c.id, app.host.now_ms()));
  });
  r.portal_route("lawyer", "GET", "/portal/cases/{id}/documents", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    CaseRef c = require_represented_case(app, lawyer, path_id(req, "id", "case"));
    auto grants = open_grants(app.host.db(), lawyer.id, c.id, app.host.now_ms());
    Json items = Json::array();
    for (auto& d : case_documents(app.host.db(), c.id, true)) {
      auto grant = grant_for(grants, d.category);
      if (!grant) continue;
      Json item = document_json(d);
      item["file_access_id"] = grant->request_id;
      item["open_until_ms"] = grant->closes_ms;
      items.push_back(std::move(item));
    }
    return Response::json(Json::object({{"items", items}}));
  });
  r.portal_route(
      "lawyer", "GET", "/portal/cases/{id}/documents/{doc_id}", [&app](const Request& req) {
        Lawyer lawyer = require_lawyer(app, req);
        CaseRef c = require_represented_case(app, lawyer, path_id(req, "id", "case"));
        const int64_t now = app.host.now_ms();
        const std::string missing = "no document " + req.param("doc_id") + " open to you";
        auto doc = find_document(app.host.db(), c.id, path_id(req, "doc_id", "document"));
        // One answer for a document that does not exist, is 副卷, or lies outside every open
        // window: none of them is anything to this lawyer.
        if (!doc || !open_to_lawyers(doc->category)) throw courthub::NotFound(missing);
        auto grant = grant_for(open_grants(app.host.db(), lawyer.id, c.id, now), doc->category);
        if (!grant) throw courthub::NotFound(missing);
        Response stamped = stamped_document(app, lawyer, *doc, now);
        record_view(app.host.db(),
                    DocumentView{c.id, doc->id, lawyer.id, grant->request_id, std::nullopt, now});
        return stamped;
      });
  r.portal_route("lawyer", "GET", "/portal/services", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    return Response::json(lawyer_services(app.host.db(), lawyer.id));
  });
  r.portal_route("lawyer", "GET", "/portal/services/{id}/document", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    return open_served_document(app, lawyer, path_id(req, "id", "service"));
  });
}

}  // namespace

void register_access(courthub::Registrar& r, App& app) {
  register_court_routes(r, app);
  register_portal_routes(r, app);
  r.subscribe("approvals.instance_finished",
              [&app](const courthub::Event& e) { file_access_finished(app, e.payload); });
  r.subscribe("approvals.request_rejected",
              [&app](const courthub::Event& e) { file_access_rejected(app, e.payload); });
}

}  // namespace lawyers
