// SPDX-License-Identifier: Apache-2.0
// Admin routes for a court's admins (court_admin, president) and the operator: create, update
// and retire rooms of their own court, and see every booking of it.
#include <courthub/error.hpp>

#include "booking_request.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::Json;
using courthub::Request;
using courthub::Response;

Json with_future(const RoomsApp& app, const Room& room) {
  Json out = room_json(room);
  auto row = app.store.db().one(
      "SELECT COUNT(*) AS n FROM bookings WHERE room_id = ? AND start_ms > ? "
      "AND status IN ('待审批', '已预订')",
      {room.id, app.host.now_ms()});
  out["future_bookings"] = row ? row->integer("n") : 0;
  return out;
}

}  // namespace

void register_admin_routes(courthub::Registrar& r, RoomsApp& app) {
  // GET /admin/rooms?court=  — every room of the court, retired ones included.
  r.route("GET", "/admin/rooms", [&app](const Request& req) {
    std::string court = admin_court(req.caller, req.query_value("court").value_or(""));
    Json rooms = Json::array();
    for (const Room& room : app.catalog.of_court(court, true)) rooms.push_back(room_json(room));
    return Response::json(Json::object({{"court", court}, {"rooms", rooms}}));
  });

  // POST /admin/rooms  — a new room of the admin's court (the operator names "court").
  r.route("POST", "/admin/rooms", [&app](const Request& req) {
    Json body = req.json();
    std::string court = admin_court(req.caller, json::get<std::string>(body, "court"));
    FieldErrors errors;
    Room room;
    room.court = court;
    room.id = json::get<std::string>(body, "id");
    if (body.contains("id") && !valid_room_id(room.id))
      errors.add("/id", "must be lowercase letters, digits, '-' or '_' (e.g. hp-301), at most 64");
    read_room_fields(body, "", true, app.settings.defaults, room, errors);
    check_approvers(room, app.host.directory(), "", errors);
    errors.throw_if_any();
    Room made = app.catalog.create(room, app.host.now_ms(),
                                   req.caller.is_staff() ? req.caller.user_id : "admin");
    return Response::json(room_json(made), 201);
  });

  // PATCH /admin/rooms/{id}  — change any field but id and court; "retired": false restores.
  r.route("PATCH", "/admin/rooms/{id}", [&app](const Request& req) {
    auto room = app.catalog.find(req.param("id"));
    if (!room) throw courthub::NotFound("没有编号为 '" + req.param("id") + "' 的会议室");
    admin_court(req.caller, room->court);
    Json body = req.json();
    // A retired room is kept for its history: the only edit is a restore ("retired": false).
    if (const Json* back = json::find(body, "retired");
        room->retired && !(back && back->is_boolean() && !back->get<bool>()))
      throw courthub::Conflict(room->name + " 已停用，不能修改；先恢复（\"retired\": false）");
    FieldErrors errors;
    if (body.contains("id") && json::get<std::string>(body, "id") != room->id)
      errors.add("/id", "cannot change; create a new room instead");
    if (body.contains("court") && json::get<std::string>(body, "court") != room->court)
      errors.add("/court", "cannot change: a room belongs to one court");
    Room next = *room;
    read_room_fields(body, "", false, app.settings.defaults, next, errors);
    if (body.contains("approvers")) check_approvers(next, app.host.directory(), "", errors);
    errors.throw_if_any();
    Room saved = app.catalog.update(next, app.host.now_ms(),
                                    req.caller.is_staff() ? req.caller.user_id : "admin");
    return Response::json(with_future(app, saved));
  });

  // DELETE /admin/rooms/{id}  — retire: no new bookings; existing ones stay (listed in the reply).
  r.route("DELETE", "/admin/rooms/{id}", [&app](const Request& req) {
    auto room = app.catalog.find(req.param("id"));
    if (!room) throw courthub::NotFound("没有编号为 '" + req.param("id") + "' 的会议室");
    admin_court(req.caller, room->court);
    room->retired = true;
    Room saved = app.catalog.update(*room, app.host.now_ms(),
                                    req.caller.is_staff() ? req.caller.user_id : "admin");
    return Response::json(with_future(app, saved));
  });

  // GET /admin/bookings?court=&from=&to=&room=&status=&limit=&offset=
  r.route("GET", "/admin/bookings", [&app](const Request& req) {
    Json q = query_object(req);
    std::string court = admin_court(req.caller, json::get<std::string>(q, "court"));
    FieldErrors errors;
    Slot window = date_window(q, app.host.now_ms(), 31, errors);
    int limit = query_int(q, "limit", 1, 1000, errors).value_or(200);
    int offset = query_int(q, "offset", 0, 10'000'000, errors).value_or(0);
    std::string status = json::get<std::string>(q, "status");
    if (!status.empty() && !parse_status(status))
      errors.add("/status",
                 "must be one of 待审批, 已预订, 已签到, 已释放, 已取消, 已拒绝, 已结束");
    errors.throw_if_any();
    Json list = Json::array();
    for (auto& b : app.store.of_court(court, window, json::get<std::string>(q, "room"), status,
                                      limit, offset))
      list.push_back(booking_json(b));
    return Response::json(Json::object({{"court", court},
                                        {"from", format_iso(window.start_ms)},
                                        {"to", format_iso(window.end_ms)},
                                        {"limit", limit},
                                        {"offset", offset},
                                        {"bookings", list}}));
  });
}

}  // namespace rooms
