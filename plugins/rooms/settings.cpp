// SPDX-License-Identifier: Apache-2.0
// Reads and checks the settings; the host turns each pointer into file:line of courthub.yaml.
#include "settings.hpp"

#include <map>

namespace json = courthub::json;

namespace rooms {

using courthub::Json;

Settings read_settings(const Json& j, FieldErrors& errors) {
  Settings s;
  Fields f(j, "", errors);
  if (!f.is_object()) return s;
  f.only({"card_template_id", "horizon_days", "checkin", "reminder_minutes", "notify_attendees",
          "open_hours", "open_days", "hearing", "rooms"});
  s.card_template_id = f.text("card_template_id", false, 128, s.card_template_id);
  if (s.card_template_id.empty()) errors.add("/card_template_id", "must not be empty");
  s.horizon_days = static_cast<int>(f.integer("horizon_days", false, 1, 366, s.horizon_days));
  s.reminder_minutes =
      static_cast<int>(f.integer("reminder_minutes", false, 1, 24 * 60, s.reminder_minutes));
  s.notify_attendees = f.boolean("notify_attendees", s.notify_attendees);
  if (const Json* c = json::find(j, "checkin"); c && !c->is_null()) {
    Fields cf(*c, "/checkin", errors);
    cf.only({"before_minutes", "after_minutes"});
    s.checkin_before_minutes =
        static_cast<int>(cf.integer("before_minutes", false, 0, 120, s.checkin_before_minutes));
    s.checkin_after_minutes =
        static_cast<int>(cf.integer("after_minutes", false, 1, 120, s.checkin_after_minutes));
  }
  if (const Json* h = json::find(j, "hearing"); h && !h->is_null()) {
    Fields hf(*h, "/hearing", errors);
    hf.only({"notice_days", "test_minutes", "video_equipment"});
    s.notice_days = static_cast<int>(hf.integer("notice_days", false, 0, 30, s.notice_days));
    s.test_minutes = static_cast<int>(hf.integer("test_minutes", false, 10, 240, s.test_minutes));
    s.video_equipment = hf.text("video_equipment", false, 20, s.video_equipment);
  }
  // Default hours: read through the room reader so both spell them the same way.
  Room defaults_holder;
  Json hours = Json::object();
  if (const Json* v = json::find(j, "open_hours")) hours["open_hours"] = *v;
  if (const Json* v = json::find(j, "open_days")) hours["open_days"] = *v;
  FieldErrors hour_errors;
  read_room_fields(hours, "", false, s.defaults, defaults_holder, hour_errors);
  for (auto& [pointer, message] : hour_errors.list()) errors.add(pointer, message);
  s.defaults.hours = defaults_holder.hours;

  const Json* rooms = json::find(j, "rooms");
  if (!rooms || rooms->is_null()) return s;
  if (!rooms->is_array()) {
    errors.add("/rooms", "must be a list of rooms");
    return s;
  }
  std::map<std::string, size_t> ids;
  std::map<std::pair<std::string, std::string>, size_t> names;
  for (size_t i = 0; i < rooms->size(); ++i) {
    std::string at = "/rooms/" + std::to_string(i);
    const Json& r = rooms->at(i);
    Room room;
    room.managed_by = "settings";
    Fields rf(r, at, errors);
    if (!rf.is_object()) continue;
    room.id = rf.text("id", true, 64);
    if (!room.id.empty() && !valid_room_id(room.id))
      errors.add(at + "/id", "must be lowercase letters, digits, '-' or '_' (e.g. hp-301)");
    room.court = rf.text("court", true, 32);
    if (!room.court.empty() && !valid_court_code(room.court))
      errors.add(at + "/court", "must be a court code such as LN-BC-SY-01");
    read_room_fields(r, at, true, s.defaults, room, errors);
    if (!room.id.empty()) {
      auto [it, fresh] = ids.emplace(room.id, i);
      if (!fresh)
        errors.add(at + "/id",
                   "'" + room.id + "' is already the id of /rooms/" + std::to_string(it->second));
    }
    if (!room.retired && !room.name.empty()) {
      auto [it, fresh] = names.emplace(std::make_pair(room.court, room.name), i);
      if (!fresh)
        errors.add(at + "/name", "'" + room.name + "' is already a room of " + room.court +
                                     " (/rooms/" + std::to_string(it->second) + ")");
    }
    s.rooms.push_back(std::move(room));
  }
  return s;
}

}  // namespace rooms
