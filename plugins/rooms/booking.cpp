// SPDX-License-Identifier: Apache-2.0
// Booking rows and their JSON forms.
#include "booking.hpp"

#include <algorithm>

namespace rooms {

using courthub::Json;

const char* const kBookingColumns =
    "b.id, b.room_id, r.name AS room_name, r.location AS room_location, b.court, b.start_ms, "
    "b.end_ms, b.title, b.organizer, b.organizer_name, b.attendees, b.attendee_count, b.status, "
    "b.purpose, b.series_id, b.approval_request, b.note, b.told, "
    "b.checked_in_ms, b.checked_in_by, b.reminded_ms, b.created_ms, b.updated_ms";

bool Booking::involves(const std::string& user_id) const {
  return organizer == user_id ||
         std::find(attendees.begin(), attendees.end(), user_id) != attendees.end();
}

Booking booking_from_row(const courthub::Row& row) {
  Booking b;
  b.id = row.integer("id");
  b.room_id = row.text("room_id");
  b.room_name = row.text("room_name");
  b.room_location = row.text("room_location");
  b.court = row.text("court");
  b.start_ms = row.integer("start_ms");
  b.end_ms = row.integer("end_ms");
  b.title = row.text("title");
  b.organizer = row.text("organizer");
  b.organizer_name = row.text("organizer_name");
  try {
    for (auto& a : Json::parse(row.text("attendees")))
      if (a.is_string()) b.attendees.push_back(a.get<std::string>());
  } catch (const courthub::Json::exception&) {
  }
  b.attendee_count = static_cast<int>(row.integer("attendee_count"));
  b.status = parse_status(row.text("status")).value_or(BookingStatus::Canceled);
  b.purpose = row.text("purpose");
  if (!row.is_null("series_id")) b.series_id = row.integer("series_id");
  b.approval_request = row.text("approval_request");
  b.note = row.text("note");
  b.told = row.text("told");
  if (!row.is_null("checked_in_ms")) b.checked_in_ms = row.integer("checked_in_ms");
  b.checked_in_by = row.text("checked_in_by");
  if (!row.is_null("reminded_ms")) b.reminded_ms = row.integer("reminded_ms");
  b.created_ms = row.integer("created_ms");
  b.updated_ms = row.integer("updated_ms");
  return b;
}

Json booking_brief_json(const Booking& b) {
  return Json::object({{"id", b.id},
                       {"room_id", b.room_id},
                       {"room", b.room_name},
                       {"title", b.title},
                       {"organizer", b.organizer},
                       {"organizer_name", b.organizer_name},
                       {"start", format_iso(b.start_ms)},
                       {"end", format_iso(b.end_ms)},
                       {"status", status_name(b.status)}});
}

Json booking_time_json(const Booking& b) {
  return Json::object({{"id", b.id},
                       {"room_id", b.room_id},
                       {"start", format_iso(b.start_ms)},
                       {"end", format_iso(b.end_ms)},
                       {"status", status_name(b.status)}});
}

Json booking_json(const Booking& b) {
  Json attendees = Json::array();
  for (auto& a : b.attendees) attendees.push_back(a);
  Json out = Json::object({{"id", b.id},
                           {"room", Json::object({{"id", b.room_id},
                                                  {"name", b.room_name},
                                                  {"location", b.room_location},
                                                  {"court", b.court}})},
                           {"start", format_iso(b.start_ms)},
                           {"end", format_iso(b.end_ms)},
                           {"start_ms", b.start_ms},
                           {"end_ms", b.end_ms},
                           {"title", b.title},
                           {"organizer", b.organizer},
                           {"organizer_name", b.organizer_name},
                           {"attendees", attendees},
                           {"attendee_count", b.attendee_count},
                           {"status", status_name(b.status)},
                           {"purpose", b.purpose}});
  out["series_id"] = b.series_id ? Json(*b.series_id) : Json();
  out["needs_approval"] = !b.approval_request.empty();
  out["note"] = b.note;
  out["checked_in_at"] = b.checked_in_ms ? Json(format_iso(*b.checked_in_ms)) : Json();
  out["checked_in_by"] = b.checked_in_by.empty() ? Json() : Json(b.checked_in_by);
  out["created_at"] = format_iso(b.created_ms);
  out["updated_at"] = format_iso(b.updated_ms);
  return out;
}

}  // namespace rooms
