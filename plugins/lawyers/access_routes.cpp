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

}  // namespace

void register_access(courthub::Registrar& r, App& app) {
  register_court_routes(r, app);
  // The portal routes (/portal/cases/{id}/file-access, /documents, /portal/services) come
  // with SDK 2.2 (portal_route).
  r.subscribe("approvals.instance_finished",
              [&app](const courthub::Event& e) { file_access_finished(app, e.payload); });
  r.subscribe("approvals.request_rejected",
              [&app](const courthub::Event& e) { file_access_rejected(app, e.payload); });
}

}  // namespace lawyers
