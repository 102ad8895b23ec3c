// SPDX-License-Identifier: Apache-2.0
// The import routes and the registration of every route, command, notice and job of the plugin.
#include "routes.hpp"

#include "board_routes.hpp"
#include "commands.hpp"
#include "notices.hpp"

namespace board {
namespace {

using courthub::Json;
using courthub::Request;
using courthub::Response;

constexpr int kListedImports = 50;

void require_import_permission(const Request& req, const courthub::Host& host) {
  if (!may_import(req.caller, host.directory()))
    throw courthub::PermissionDenied(
        "importing cases needs the operator's token or the role court_admin of the high court");
}

Response unsupported_media_type(const Request& req) {
  std::string got = req.media_type().empty() ? "no Content-Type" : "'" + req.media_type() + "'";
  return Response::json(
      Json::object(
          {{"error",
            Json::object(
                {{"code", "unsupported_media_type"},
                 {"message", "send the cases as text/csv (with a header row) or as "
                             "application/x-ndjson (one JSON object a line), not " + got},
                 {"plugin", "incentive_board"},
                 {"details", Json::object({{"allowed", Json::array({"text/csv",
                                                                    "application/x-ndjson",
                                                                    "application/jsonl"})}})}})}}),
      415);
}

std::string importer_of(const courthub::Caller& c) {
  return c.kind == courthub::Caller::Kind::Admin ? "admin" : c.user_id;
}

}  // namespace

bool may_import(const courthub::Caller& caller, const courthub::Directory& directory) {
  if (caller.kind == courthub::Caller::Kind::Admin) return true;
  if (!caller.is_staff() || !caller.has_role("court_admin")) return false;
  auto court = directory.court(caller.court_code);
  return court && court->level == "high";
}

void register_import_routes(courthub::Registrar& r, courthub::Host& host, BoardState& state,
                            Importer& importer) {
  (void)state;
  r.route("POST", "/imports", [&host, &importer](const Request& req) {
    require_import_permission(req, host);
    if (req.body.find_first_not_of(" \t\r\n") == std::string::npos)
      throw courthub::InvalidArgument(
          "the body is empty: send the cases (CSV with a header row, or NDJSON)");
    auto format = format_of_media_type(req.media_type());
    if (!format) return unsupported_media_type(req);
    TextStream body(req.body);
    ImportAnswer answer =
        importer.import_stream(body, *format, ImportSource{"upload", "", importer_of(req.caller)});
    return Response::json(answer.to_json());
  });

  r.route("GET", "/imports", [&host](const Request& req) {
    require_import_permission(req, host);
    return Response::json(Json::object({{"imports", recent_imports(host.db(), kListedImports)}}));
  });
}

void register_everything(courthub::Registrar& r, courthub::Host& host, BoardState& state,
                         Importer& importer, DropFolder& drop_folder) {
  register_import_routes(r, host, state, importer);
  register_board_routes(r, host, state);
  register_board_commands(r, host, state);
  register_board_notices(r, host, state);
  r.schedule("drop_folder", "* * * * *", [&drop_folder](const courthub::Job&) { drop_folder.run(); });
}

}  // namespace board
