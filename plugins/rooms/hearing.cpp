// SPDX-License-Identifier: Apache-2.0
// Hearing rows, JSON, and the scheduling request.
#include "hearing.hpp"

#include "booking_request.hpp"

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::Json;

std::optional<int64_t> optional_int(const courthub::Row& row, std::string_view name) {
  if (row.is_null(name)) return std::nullopt;
  return row.integer(name);
}

Json optional_time(const std::optional<int64_t>& ms) {
  return ms ? Json(format_iso(*ms)) : Json();
}

}  // namespace

Hearing hearing_from_row(const courthub::Row& row) {
  Hearing h;
  h.id = row.integer("id");
  h.booking_id = row.integer("booking_id");
  h.test_booking_id = optional_int(row, "test_booking_id");
  h.court = row.text("court");
  h.case_number = row.text("case_number");
  h.mode = parse_mode(row.text("mode")).value_or(HearingMode::Online);
  try {
    for (auto& p : Json::parse(row.text("parties")))
      h.parties.push_back(
          Party{json::get<std::string>(p, "name"), json::get<std::string>(p, "role"),
                json::get<std::string>(p, "phone"), json::get<std::string>(p, "user_id")});
  } catch (const courthub::Json::exception&) {
  }
  h.judge = row.text("judge");
  h.clerk = row.text("clerk");
  try {
    for (auto& p : Json::parse(row.text("panel"))) h.panel.push_back(p.get<std::string>());
  } catch (const courthub::Json::exception&) {
  }
  h.cause = row.text("cause");
  h.is_public = row.integer("public") != 0;
  h.status = parse_hearing_status(row.text("status")).value_or(HearingStatus::Canceled);
  h.notice_override = row.integer("notice_override") != 0;
  h.override_reason = row.text("override_reason");
  h.override_by = row.text("override_by");
  h.rescheduled_from = optional_int(row, "rescheduled_from");
  h.rescheduled_to = optional_int(row, "rescheduled_to");
  h.notified_ms = optional_int(row, "notified_ms");
  h.test_passed_ms = optional_int(row, "test_passed_ms");
  h.started_ms = optional_int(row, "started_ms");
  h.ended_ms = optional_int(row, "ended_ms");
  h.note = row.text("note");
  h.created_ms = row.integer("created_ms");
  h.updated_ms = row.integer("updated_ms");
  return h;
}

Json hearing_json(const Hearing& h, const Booking& booking, const std::optional<Booking>& test) {
  Json parties = parties_json(h.parties);
  for (auto& p : parties) p["notice"] = p.contains("user_id") ? "dingtalk" : "organizer";
  Json out = Json::object({{"id", h.id},
                           {"case_number", h.case_number},
                           {"mode", mode_name(h.mode)},
                           {"mode_label", mode_label(h.mode)},
                           {"cause", h.cause},
                           {"public", h.is_public},
                           {"status", hearing_status_name(h.status)},
                           {"court", h.court},
                           {"judge", h.judge},
                           {"clerk", h.clerk},
                           {"parties", parties},
                           {"room", booking_json(booking)["room"]},
                           {"start", format_iso(booking.start_ms)},
                           {"end", format_iso(booking.end_ms)},
                           {"booking", booking_json(booking)}});
  Json panel = Json::array();
  for (auto& id : h.panel) panel.push_back(Json::object({{"user_id", id}, {"name", ""}}));
  out["panel"] = panel;
  out["test_slot"] = test ? booking_json(*test) : Json();
  out["notice_override"] = h.notice_override;
  out["override_reason"] = h.override_reason;
  out["override_by"] = h.override_by;
  out["rescheduled_from"] = h.rescheduled_from ? Json(*h.rescheduled_from) : Json();
  out["rescheduled_to"] = h.rescheduled_to ? Json(*h.rescheduled_to) : Json();
  out["notified_at"] = optional_time(h.notified_ms);
  out["test_passed_at"] = optional_time(h.test_passed_ms);
  out["started_at"] = optional_time(h.started_ms);
  out["ended_at"] = optional_time(h.ended_ms);
  out["note"] = h.note;
  return out;
}

HearingRequest read_hearing_request(const Json& body, const LocalDate& today, bool rescheduling,
                                    FieldErrors& errors) {
  HearingRequest r;
  Fields f(body, "", errors);
  if (!f.is_object()) return r;
  if (rescheduling) {
    f.only({"room_id", "start", "end", "date", "from", "to", "override_notice", "override_reason",
            "reason"});
  } else {
    f.only({"case_number", "mode", "parties", "room_id", "start", "end", "date", "from", "to",
            "title", "judge", "clerk", "panel", "cause", "public", "attendees", "override_notice",
            "override_reason"});
    std::string number = f.text("case_number", true, 40);
    if (!number.empty()) {
      std::string why;
      if (auto parsed = parse_case_number(number, &why))
        r.case_number = parsed->text;
      else
        errors.add("/case_number", why);
    }
    std::string mode = f.text("mode", true, 10);
    if (auto m = parse_mode(mode))
      r.mode = *m;
    else if (!mode.empty())
      errors.add("/mode", "must be online, mixed or in_person");
    r.parties = read_parties(json::get<Json>(body, "parties"), "/parties", errors);
    r.title = f.text("title", false, 100);
    r.judge = f.text("judge", false, 64);
    r.clerk = f.text("clerk", false, 64);
    r.panel = f.texts("panel", 10, 64);
    r.cause = f.text("cause", true, 60);
    r.is_public = f.boolean("public", true);
    r.attendees = f.texts("attendees", 50, 64);
  }
  r.room_id = f.text("room_id", false, 64);
  if (auto s = read_slot(body, today, errors, true)) r.slot = *s;
  r.override_notice = f.boolean("override_notice", false);
  r.override_reason = f.text("override_reason", false, 200);
  if (r.override_notice && r.override_reason.empty())
    errors.add("/override_reason",
               "is required with override_notice: why the hearing cannot "
               "wait for the notice period");
  return r;
}

}  // namespace rooms
