// SPDX-License-Identifier: Apache-2.0
// The public 开庭公告 (GET /public/announcements?court= as a page, .json as data): the only routes
// of this plugin that anonymous callers reach (the host passes /apps/<plugin>/public/... without
// a login, docs/architecture.md). Everything they show is public by law; nothing else is read.
#include <courthub/error.hpp>

#include "announcements.hpp"
#include "routes.hpp"

namespace rooms {
namespace {

using courthub::Json;
using courthub::Request;
using courthub::Response;

struct Board {
  std::string code, name;
  std::vector<Announcement> items;
  int64_t now_ms;
};

Board board_of(const RoomsApp& app, const Request& req) {
  std::string code = req.query_value("court").value_or("");
  if (code.empty()) {
    FieldErrors e;
    e.add("/court", "is required: the court's code, e.g. LN-BC-SY-01");
    e.throw_if_any();
  }
  auto court = app.host.directory().court(code);
  if (!court) throw courthub::NotFound("没有代码为 '" + code + "' 的法院");
  int64_t now = app.host.now_ms();
  return Board{court->code, court->name, announcements(app.store.db(), court->code, now), now};
}

}  // namespace

void register_public_routes(courthub::Registrar& r, RoomsApp& app) {
  r.route("GET", "/public/announcements", [&app](const Request& req) {
    Board b = board_of(app, req);
    return Response{200, "text/html; charset=utf-8", announcements_html(b.name, b.items, b.now_ms),
                    {}};
  });
  r.route("GET", "/public/announcements.json", [&app](const Request& req) {
    Board b = board_of(app, req);
    return Response::json(announcements_json(b.code, b.name, b.items));
  });
}

}  // namespace rooms
