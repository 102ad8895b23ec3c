// SPDX-License-Identifier: Apache-2.0
// Room fields: validation shared by settings and the admin API, JSON form, who may book.
#include "room.hpp"

#include <algorithm>

namespace json = courthub::json;

namespace rooms {
namespace {

using courthub::Json;

constexpr std::string_view kRoles[] = {
    "president", "vice_president",  "division_head", "deputy_division_head",
    "judge",     "assistant_judge", "clerk",         "court_admin",
    "staff"};

bool contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

Json string_array(const std::vector<std::string>& v) {
  Json out = Json::array();
  for (auto& s : v) out.push_back(s);
  return out;
}

uint8_t read_days(const Json& j, const std::string& at, FieldErrors& errors) {
  if (!j.is_array() || j.size() == 0) {
    errors.add(at, "must be a non-empty list of weekdays, 1 (Monday) to 7 (Sunday)");
    return 0;
  }
  uint8_t mask = 0;
  for (size_t i = 0; i < j.size(); ++i) {
    const Json& d = j.at(i);
    if (!d.is_number_integer() || d.get<int64_t>() < 1 || d.get<int64_t>() > 7) {
      errors.add(at + "/" + std::to_string(i), "must be a weekday from 1 (Monday) to 7 (Sunday)");
      continue;
    }
    mask |= uint8_t(1u << (d.get<int64_t>() - 1));
  }
  return mask;
}

Json days_json(uint8_t mask) {
  Json out = Json::array();
  for (int d = 1; d <= 7; ++d)
    if (mask & (1u << (d - 1))) out.push_back(d);
  return out;
}

}  // namespace

bool is_room_kind(std::string_view kind) {
  return std::find(std::begin(kRoomKinds), std::end(kRoomKinds), kind) != std::end(kRoomKinds);
}

bool Room::has_equipment(std::string_view tag) const {
  return contains(equipment, tag);
}

bool valid_room_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '-' || c == '_'));
    if (!ok) return false;
  }
  return true;
}

bool valid_court_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 32) return false;
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return code.front() != '-' && code.back() != '-';
}

void read_room_fields(const Json& j, const std::string& at, bool creating,
                      const RoomDefaults& defaults, Room& room, FieldErrors& errors) {
  Fields f(j, at, errors);
  if (!f.is_object()) return;
  f.only({"id", "court", "name", "kind", "capacity", "location", "equipment", "open_hours",
          "open_days", "approval", "approvers", "bookers", "retired"});
  if (creating) room.hours = defaults.hours;
  if (creating || f.has("name")) room.name = f.text("name", true, 40, room.name);
  if (creating || f.has("kind")) {
    std::string kind = f.text("kind", false, 20, "会议室");
    if (!is_room_kind(kind))
      errors.add(f.pointer("kind"), "must be one of 会议室, 科技法庭, 远程视频庭审室, 调解室");
    else
      room.kind = kind;
  }
  if (creating || f.has("capacity"))
    room.capacity = static_cast<int>(f.integer("capacity", true, 1, 2000, room.capacity));
  if (f.has("location")) room.location = f.text("location", false, 100);
  if (f.has("equipment")) room.equipment = f.texts("equipment", 30, 20);
  if (f.has("open_hours")) {
    std::string text = f.text("open_hours", true, 11);
    if (auto h = parse_hours(text)) {
      room.hours.from = h->first;
      room.hours.to = h->second;
    } else if (!text.empty()) {
      errors.add(f.pointer("open_hours"),
                 "must be \"HH:MM-HH:MM\" with the start first, "
                 "e.g. \"08:00-18:00\"");
    }
  }
  if (const Json* days = json::find(j, "open_days"); days && !days->is_null()) {
    uint8_t mask = read_days(*days, f.pointer("open_days"), errors);
    if (mask) room.hours.days = mask;
  }
  room.needs_approval = f.boolean("approval", room.needs_approval);
  if (f.has("approvers")) room.approvers = f.texts("approvers", 20, 64);
  room.retired = f.boolean("retired", room.retired);
  if (const Json* b = json::find(j, "bookers"); b && !b->is_null()) {
    Fields bf(*b, f.pointer("bookers"), errors);
    if (bf.is_object()) {
      bf.only({"courts", "roles", "depts", "users"});
      Bookers out;
      out.courts = bf.texts("courts", 200, 32);
      for (size_t i = 0; i < out.courts.size(); ++i)
        if (!valid_court_code(out.courts[i]))
          errors.add(bf.pointer("courts") + "/" + std::to_string(i), "is not a court code");
      out.roles = bf.texts("roles", 9, 32);
      for (size_t i = 0; i < out.roles.size(); ++i)
        if (std::find(std::begin(kRoles), std::end(kRoles), out.roles[i]) == std::end(kRoles))
          errors.add(bf.pointer("roles") + "/" + std::to_string(i),
                     "must be one of president, vice_president, division_head, "
                     "deputy_division_head, judge, assistant_judge, clerk, court_admin, staff");
      out.depts = bf.texts("depts", 200, 20);
      out.users = bf.texts("users", 500, 64);
      room.bookers = std::move(out);
    }
  }
}

void check_approvers(const Room& room, const courthub::Directory& directory, const std::string& at,
                     FieldErrors& errors) {
  for (size_t i = 0; i < room.approvers.size(); ++i) {
    auto person = directory.person(room.approvers[i]);
    if (!person || person->court_code != room.court)
      errors.add(at + "/approvers/" + std::to_string(i),
                 "'" + room.approvers[i] + "' is not a person of " + room.court +
                     " in the directory");
  }
}

Json bookers_json(const Bookers& b) {
  return Json::object({{"courts", string_array(b.courts)},
                       {"roles", string_array(b.roles)},
                       {"depts", string_array(b.depts)},
                       {"users", string_array(b.users)}});
}

Bookers bookers_from_json(const Json& j) {
  Bookers b;
  auto read = [&](std::string_view key, std::vector<std::string>& out) {
    if (const Json* a = json::find(j, key); a && a->is_array())
      for (auto& x : *a)
        if (x.is_string()) out.push_back(x.get<std::string>());
  };
  read("courts", b.courts);
  read("roles", b.roles);
  read("depts", b.depts);
  read("users", b.users);
  return b;
}

Json room_json(const Room& r) {
  return Json::object({{"id", r.id},
                       {"court", r.court},
                       {"name", r.name},
                       {"kind", r.kind},
                       {"capacity", r.capacity},
                       {"location", r.location},
                       {"equipment", string_array(r.equipment)},
                       {"open_hours", format_hours(r.hours)},
                       {"open_days", days_json(r.hours.days)},
                       {"approval", r.needs_approval},
                       {"approvers", string_array(r.approvers)},
                       {"bookers", bookers_json(r.bookers)},
                       {"retired", r.retired},
                       {"managed_by", r.managed_by}});
}

bool is_court_admin(const courthub::Caller& c, std::string_view court) {
  if (c.kind == courthub::Caller::Kind::Admin) return true;
  if (!c.is_staff() || c.court_code != court) return false;
  return c.has_role("court_admin") || c.has_role("president");
}

bool may_book(const Room& room, const courthub::Caller& c) {
  if (is_court_admin(c, room.court)) return true;
  if (!c.is_staff()) return false;
  const Bookers& b = room.bookers;
  if (contains(b.users, c.user_id)) return true;
  if (c.court_code != room.court && !contains(b.courts, c.court_code)) return false;
  if (!b.roles.empty() &&
      std::none_of(b.roles.begin(), b.roles.end(), [&](auto& r) { return c.has_role(r); }))
    return false;
  if (!b.depts.empty() && !contains(b.depts, c.dept_id)) return false;
  return true;
}

}  // namespace rooms
