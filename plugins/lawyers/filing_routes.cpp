// SPDX-License-Identifier: Apache-2.0
// The filings part's HTTP routes and job: uploads (/portal/files), 网上立案 for the lawyer
// (/portal/filings...) and for the 立案庭 (/filings...), the hourly overdue check, and the
// appointments' routes (appointment_routes.cpp).
#include "routes.hpp"

#include "appointment_routes.hpp"
#include "file_store.hpp"
#include "filing_division.hpp"
#include "filing_notices.hpp"
#include "filing_review.hpp"
#include "filing_submission.hpp"
#include "filing_view.hpp"
#include "lawyer_session.hpp"
#include "route_input.hpp"

namespace lawyers {
namespace {

using courthub::Caller;
using courthub::Json;
using courthub::Request;
using courthub::Response;

// A Content-Disposition for a UTF-8 file name (RFC 6266): an ASCII stand-in, then the name
// percent-encoded as filename*.
std::string disposition(const std::string& name) {
  std::string ascii, encoded;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : name) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                       (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    ascii += plain ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// The file of a filing, if the filing holds it (documents or evidence).
const Json* file_in(const Json& form, const std::string& sha256) {
  if (const Json* docs = courthub::json::find(form, "documents"); docs && docs->is_object())
    for (auto& [kind, list] : docs->items())
      for (auto& f : list)
        if (courthub::json::get<std::string>(f, "sha256") == sha256) return &f;
  if (const Json* evidence = courthub::json::find(form, "evidence"); evidence && evidence->is_array())
    for (auto& item : *evidence)
      if (const Json* files = courthub::json::find(item, "files"); files && files->is_array())
        for (auto& f : *files)
          if (courthub::json::get<std::string>(f, "sha256") == sha256) return &f;
  return nullptr;
}

Json items(const App& app, const std::vector<FilingRow>& rows, bool for_court) {
  Json out = Json::array();
  for (auto& f : rows) out.push_back(filing_view(app, f, for_court));
  return Json::object({{"items", out}});
}

void register_portal_filings(courthub::Registrar& r, App& app) {
  r.portal_route("lawyer", "POST", "/portal/files", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    try {
      StoredFile f = store_file(app, req.body, req.query_value("name").value_or(""),
                                "lawyer:" + std::to_string(lawyer.id), req.media_type());
      return Response::json(
          Json::object({{"sha256", f.sha256}, {"size", f.size}, {"type", f.type}, {"name", f.name}}),
          201);
    } catch (const FileRefused& e) {
      return e.response();
    }
  });

  r.portal_route("lawyer", "POST", "/portal/filings", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    return Response::json(filing_view(app, submit_filing(app, lawyer, json_body(req)), false), 201);
  });

  r.portal_route("lawyer", "GET", "/portal/filings", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    return Response::json(items(app, filing_store::of_lawyer(app.host.db(), lawyer.id), false));
  });

  r.portal_route("lawyer", "GET", "/portal/filings/{id}", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    return Response::json(
        filing_view(app, lawyers_filing(app, lawyer, path_id(req, "filing")), false));
  });

  r.portal_route("lawyer", "POST", "/portal/filings/{id}/resubmit", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    return Response::json(filing_view(
        app, resubmit_filing(app, lawyer, path_id(req, "filing"), json_body(req)), false));
  });

  r.portal_route("lawyer", "POST", "/portal/filings/{id}/withdraw", [&app](const Request& req) {
    Lawyer lawyer = require_lawyer(app, req);
    return Response::json(
        filing_view(app, withdraw_filing(app, lawyer, path_id(req, "filing")), false));
  });
}

void register_court_filings(courthub::Registrar& r, App& app) {
  r.route("GET", "/filings", [&app](const Request& req) {
    const Caller& caller = req.caller;
    std::string court = req.query_value("court").value_or("");
    if (court.empty() && caller.kind != Caller::Kind::Admin) court = caller.court_code;
    if (!court.empty()) require_filing_reviewer(app, caller, court);
    else if (caller.kind != Caller::Kind::Admin)
      throw courthub::PermissionDenied("filings are reviewed by a court's 立案庭");
    auto state = state_query(req, parse_filing_state,
                             "submitted, returned, accepted, refused or withdrawn");
    return Response::json(items(app, filing_store::of_court(app.host.db(), court, state), true));
  });

  r.route("GET", "/filings/{id}", [&app](const Request& req) {
    return Response::json(
        filing_view(app, reviewable_filing(app, req.caller, path_id(req, "filing")), true));
  });

  r.route("GET", "/filings/{id}/files/{sha256}", [&app](const Request& req) {
    FilingRow f = reviewable_filing(app, req.caller, path_id(req, "filing"));
    const std::string& sha = req.param("sha256");
    const Json* file = file_in(f.form, sha);
    if (!file)
      throw courthub::NotFound("filing " + std::to_string(f.id) + " holds no file " + sha);
    Response out{200, courthub::json::get<std::string>(*file, "type"), read_file(app, sha), {}};
    out.headers.emplace_back("Content-Disposition",
                             disposition(courthub::json::get<std::string>(*file, "name")));
    out.headers.emplace_back("X-Content-Type-Options", "nosniff");
    out.headers.emplace_back("Cache-Control", "private, no-store");
    return out;
  });

  r.route("POST", "/filings/{id}/accept", [&app](const Request& req) {
    Acceptance a = accept_filing(app, req.caller, path_id(req, "filing"), json_body(req));
    return Response::json(Json::object({{"case_id", a.case_id}, {"case_number", a.case_number}}));
  });

  r.route("POST", "/filings/{id}/return", [&app](const Request& req) {
    return Response::json(filing_view(
        app, return_filing(app, req.caller, path_id(req, "filing"), json_body(req)), true));
  });

  r.route("POST", "/filings/{id}/refuse", [&app](const Request& req) {
    return Response::json(filing_view(
        app, refuse_filing(app, req.caller, path_id(req, "filing"), json_body(req)), true));
  });
}

}  // namespace

void register_filings(courthub::Registrar& r, App& app) {
  register_portal_filings(r, app);
  register_court_filings(r, app);
  register_appointment_routes(r, app);
  // Hourly: filings past their due time get one notice per submission to the 立案庭 head.
  r.schedule("filings-overdue", "0 * * * *", [&app](const courthub::Job&) {
    int sent = send_overdue_notices(app);
    if (sent > 0) app.host.info("sent " + std::to_string(sent) + " overdue filing notice(s)");
  });
}

}  // namespace lawyers
