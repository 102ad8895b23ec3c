// SPDX-License-Identifier: Apache-2.0
// Booking requests from JSON: slots, recurrence, title, attendees.
#include "booking_request.hpp"

#include <set>

#include <courthub/error.hpp>

#include "time_expression.hpp"

namespace json = courthub::json;

namespace rooms {

using courthub::Json;

std::optional<Slot> read_slot(const Json& j, const LocalDate& today, FieldErrors& errors,
                              bool required) {
  Fields f(j, "", errors);
  if (!f.is_object()) return std::nullopt;
  if (f.has("start") || f.has("end")) {
    std::string start = f.text("start", true, 40), end = f.text("end", true, 40);
    auto s = parse_iso_instant(start), e = parse_iso_instant(end);
    if (!s && !start.empty())
      errors.add("/start", "must be an ISO 8601 time such as 2026-03-02T09:00:00+08:00");
    if (!e && !end.empty())
      errors.add("/end", "must be an ISO 8601 time such as 2026-03-02T10:00:00+08:00");
    if (!s || !e) return std::nullopt;
    if (*e <= *s) {
      errors.add("/end", "must be after start");
      return std::nullopt;
    }
    return Slot{*s, *e};
  }
  if (f.has("date") || f.has("from") || f.has("to")) {
    std::string date = f.text("date", true, 20), from = f.text("from", true, 5),
                to = f.text("to", true, 5);
    std::optional<LocalDate> d;
    try {
      d = parse_date_word(normalize_width(date), today);
      if (!d && !date.empty())
        errors.add("/date", "must be a date such as 2026-03-02, 明天 or 周一");
    } catch (const courthub::Error& e) {
      errors.add("/date", e.what());
    }
    auto a = parse_clock(from), b = parse_clock(to);
    if (!a && !from.empty()) errors.add("/from", "must be HH:MM, e.g. 09:00");
    if (!b && !to.empty()) errors.add("/to", "must be HH:MM, e.g. 10:00");
    if (!d || !a || !b) return std::nullopt;
    if (*b <= *a) {
      errors.add("/to", "must be after from");
      return std::nullopt;
    }
    return Slot{to_instant(*d, *a), to_instant(*d, *b)};
  }
  if (required) errors.add("/start", "give start and end (ISO 8601), or date, from and to");
  return std::nullopt;
}

BookingRequest read_booking_request(const Json& body, const LocalDate& today, FieldErrors& errors) {
  BookingRequest r;
  Fields f(body, "", errors);
  if (!f.is_object()) return r;
  f.only({"room_id", "start", "end", "date", "from", "to", "title", "attendees", "attendee_count",
          "organizer", "recurrence"});
  r.room_id = f.text("room_id", true, 64);
  if (auto s = read_slot(body, today, errors, true)) r.first = *s;
  r.title = f.text("title", false, 100, "会议");
  if (r.title.empty()) r.title = "会议";
  r.attendees = f.texts("attendees", 500, 64);
  std::set<std::string> seen;
  for (size_t i = 0; i < r.attendees.size(); ++i)
    if (!seen.insert(r.attendees[i]).second)
      errors.add("/attendees/" + std::to_string(i), "is listed twice");
  if (f.has("attendee_count"))
    r.attendee_count = static_cast<int>(f.integer("attendee_count", true, 1, 2000, 1));
  r.organizer = f.text("organizer", false, 64);
  if (const Json* rec = json::find(body, "recurrence"); rec && !rec->is_null())
    r.recurrence = read_recurrence(*rec, "/recurrence", errors);
  return r;
}

Json query_object(const courthub::Request& request) {
  Json out = Json::object();
  Json equipment = Json::array();
  for (auto& [k, v] : request.query) {
    if (k == "equipment") {
      size_t start = 0;
      while (start <= v.size()) {
        size_t comma = v.find(',', start);
        std::string tag =
            v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!tag.empty()) equipment.push_back(tag);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else {
      out[k] = v;
    }
  }
  if (equipment.size()) out["equipment"] = equipment;
  return out;
}

std::optional<int> query_int(const Json& q, std::string_view key, int min, int max,
                             FieldErrors& errors) {
  const Json* v = json::find(q, key);
  if (!v) return std::nullopt;
  const std::string& s = v->get<std::string>();
  int n = 0;
  bool ok = !s.empty() && s.size() <= 9;
  for (char c : s) ok = ok && c >= '0' && c <= '9';
  if (ok) n = std::stoi(s);
  if (!ok || n < min || n > max) {
    errors.add("/" + std::string(key),
               "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

}  // namespace rooms
