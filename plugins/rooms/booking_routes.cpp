// SPDX-License-Identifier: Apache-2.0
// The mini-app API for everyone: rooms, free/busy, book, modify, cancel, check in, my bookings.
#include <algorithm>

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

// Bookings as the caller sees them now: with the check-in window and what they may do.
Json array_of(const RoomsApp& app, const courthub::Caller& caller,
              const std::vector<Booking>& bookings, int64_t now_ms) {
  Json out = Json::array();
  for (auto& b : bookings) out.push_back(app.desk.view(caller, b, now_ms));
  return out;
}

// The room's bookable hours on `day` ("07:30-21:00"), or null when it is closed that day.
Json hours_on(const Room& room, const LocalDate& day) {
  if (!(room.hours.days & (1u << (weekday(day) - 1)))) return Json();
  return format_hours(room.hours);
}

// Staff see what their own court's rooms are booked for; others see only when they are busy.
bool sees_details(const courthub::Caller& c, const std::string& court) {
  return c.kind == courthub::Caller::Kind::Admin || c.court_code == court;
}

std::vector<std::string> equipment_of(const Json& q) {
  std::vector<std::string> out;
  if (const Json* e = json::find(q, "equipment"))
    for (auto& tag : *e) out.push_back(tag.get<std::string>());
  return out;
}

}  // namespace

void register_booking_routes(courthub::Registrar& r, RoomsApp& app) {
  // GET /rooms?court=&kind=&capacity=&equipment=  — the rooms of a court (default: mine).
  r.route("GET", "/rooms", [&app](const Request& req) {
    Json q = query_object(req);
    std::string court = court_of(req.caller, q);
    FieldErrors errors;
    int capacity = query_int(q, "capacity", 1, 2000, errors).value_or(0);
    errors.throw_if_any();
    std::vector<std::string> equipment = equipment_of(q);
    std::string kind = json::get<std::string>(q, "kind");
    Json rooms = Json::array();
    for (const Room& room : app.catalog.of_court(court, false)) {
      if (room.capacity < capacity || (!kind.empty() && room.kind != kind)) continue;
      if (!std::all_of(equipment.begin(), equipment.end(),
                       [&](auto& t) { return room.has_equipment(t); }))
        continue;
      Json j = room_json(room);
      j["may_book"] = may_book(room, req.caller);
      rooms.push_back(std::move(j));
    }
    return Response::json(Json::object({{"court", court}, {"rooms", rooms}}));
  });

  // GET /rooms/{id}?date=  — one room and its bookings that day.
  r.route("GET", "/rooms/{id}", [&app](const Request& req) {
    require_person(req.caller);
    auto room = app.catalog.find(req.param("id"));
    if (!room) throw courthub::NotFound("没有编号为 '" + req.param("id") + "' 的会议室");
    Json q = query_object(req);
    if (q.contains("date")) {
      Json date = q["date"];  // a copy: inserting members may move the one it refers to
      q["from"] = date;
      q["to"] = date;
    }
    FieldErrors errors;
    Slot day = date_window(q, app.host.now_ms(), 1, errors);
    errors.throw_if_any();
    Json bookings = Json::array();
    for (auto& b : app.store.busy(room->court, day))
      if (b.room_id == room->id)
        bookings.push_back(sees_details(req.caller, room->court) ? booking_brief_json(b)
                                                                 : booking_time_json(b));
    Json out = room_json(*room);
    out["may_book"] = may_book(*room, req.caller);
    out["date"] = format_date(local_date(day.start_ms));
    out["bookings"] = bookings;
    return Response::json(out);
  });

  // GET /free?start=&end= (or date=&from=&to=)&capacity=&equipment=&kind=&court=
  r.route("GET", "/free", [&app](const Request& req) {
    Json q = query_object(req);
    std::string court = court_of(req.caller, q);
    FieldErrors errors;
    auto slot = read_slot(q, local_date(app.host.now_ms()), errors, true);
    int capacity = query_int(q, "capacity", 1, 2000, errors).value_or(0);
    errors.throw_if_any();
    FreeBusyQuery fq{court, *slot, capacity, equipment_of(q), json::get<std::string>(q, "kind")};
    Json free = Json::array(), busy = Json::array();
    for (auto& a : app.free_busy.query(fq)) {
      Json j = availability_json(a, sees_details(req.caller, court));
      j["may_book"] = may_book(a.room, req.caller);
      (a.free() ? free : busy).push_back(std::move(j));
    }
    return Response::json(Json::object({{"court", court},
                                        {"start", format_iso(slot->start_ms)},
                                        {"end", format_iso(slot->end_ms)},
                                        {"free", free},
                                        {"busy", busy}}));
  });

  // GET /schedule?date=&court=  — every room of the court with its bookings that day.
  r.route("GET", "/schedule", [&app](const Request& req) {
    Json q = query_object(req);
    std::string court = court_of(req.caller, q);
    if (q.contains("date")) {
      Json date = q["date"];
      q["from"] = date;
      q["to"] = date;
    }
    FieldErrors errors;
    Slot day = date_window(q, app.host.now_ms(), 1, errors);
    errors.throw_if_any();
    FreeBusyQuery fq{court, day, 0, {}, ""};
    Json rooms = Json::array();
    for (auto& a : app.free_busy.query(fq)) {
      Json j = room_json(a.room);
      j["may_book"] = may_book(a.room, req.caller);
      j["hours"] = hours_on(a.room, local_date(day.start_ms));
      Json busy = Json::array();
      for (auto& b : a.busy)
        busy.push_back(sees_details(req.caller, court) ? booking_brief_json(b)
                                                       : booking_time_json(b));
      j["bookings"] = busy;
      rooms.push_back(std::move(j));
    }
    return Response::json(Json::object(
        {{"court", court}, {"date", format_date(local_date(day.start_ms))}, {"rooms", rooms}}));
  });

  // POST /bookings  — book once, or a series with "recurrence" (all or nothing).
  r.route("POST", "/bookings", [&app](const Request& req) {
    require_person(req.caller);
    int64_t now = app.host.now_ms();
    FieldErrors errors;
    BookingRequest br = read_booking_request(req.json(), local_date(now), errors);
    errors.throw_if_any();
    auto made = app.desk.book(req.caller, br, now);
    Json series = br.recurrence ? recurrence_json(*br.recurrence) : Json();
    if (!made.empty() && made.front().series_id) series["id"] = *made.front().series_id;
    return Response::json(
        Json::object({{"bookings", array_of(app, req.caller, made, now)}, {"series", series}}),
        201);
  });

  r.route("GET", "/bookings/{id}", [&app](const Request& req) {
    require_person(req.caller);
    return Response::json(
        app.desk.view(req.caller, app.desk.visible(req.caller, id_param(req)), app.host.now_ms()));
  });

  r.route("PATCH", "/bookings/{id}", [&app](const Request& req) {
    require_person(req.caller);
    int64_t now = app.host.now_ms();
    return Response::json(app.desk.view(
        req.caller, app.desk.modify(req.caller, id_param(req), req.json(), now), now));
  });

  // DELETE /bookings/{id}?scope=one|following&reason=
  r.route("DELETE", "/bookings/{id}", [&app](const Request& req) {
    require_person(req.caller);
    std::string scope = req.query_value("scope").value_or("one");
    if (scope != "one" && scope != "following") {
      FieldErrors e;
      e.add("/scope", "must be one or following");
      e.throw_if_any();
    }
    int64_t now = app.host.now_ms();
    auto canceled = app.desk.cancel(req.caller, id_param(req), scope == "following",
                                    req.query_value("reason").value_or(""), now);
    return Response::json(Json::object({{"canceled", array_of(app, req.caller, canceled, now)}}));
  });

  r.route("POST", "/bookings/{id}/checkin", [&app](const Request& req) {
    require_person(req.caller);
    int64_t now = app.host.now_ms();
    return Response::json(
        app.desk.view(req.caller, app.desk.check_in(req.caller, id_param(req), now), now));
  });

  r.route("POST", "/bookings/{id}/end", [&app](const Request& req) {
    require_person(req.caller);
    int64_t now = app.host.now_ms();
    return Response::json(
        app.desk.view(req.caller, app.desk.end(req.caller, id_param(req), now), now));
  });

  // GET /my/bookings?from=&to=&limit=  — what I organize or attend, soonest first.
  r.route("GET", "/my/bookings", [&app](const Request& req) {
    require_person(req.caller);
    if (!req.caller.is_staff()) throw courthub::PermissionDenied("the operator has no bookings");
    Json q = query_object(req);
    int64_t now = app.host.now_ms();
    FieldErrors errors;
    int limit = query_int(q, "limit", 1, 500, errors).value_or(100);
    Slot window{now, to_instant(last_bookable_day(now, app.settings.horizon_days + 1), 0)};
    if (q.contains("from") || q.contains("to"))
      window = date_window(q, now, app.settings.horizon_days + 1, errors);
    errors.throw_if_any();
    auto mine = app.store.of_person(req.caller.user_id, window.start_ms, window.end_ms, limit);
    return Response::json(Json::object({{"bookings", array_of(app, req.caller, mine, now)}}));
  });
}

}  // namespace rooms
