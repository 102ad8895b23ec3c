// SPDX-License-Identifier: Apache-2.0
// RoomCatalog: SQL over the rooms table.
#include "room_catalog.hpp"

#include <cctype>
#include <set>

#include <courthub/error.hpp>

namespace rooms {
namespace {

using courthub::Json;
using courthub::Value;

constexpr std::string_view kColumns =
    "id, court, name, kind, capacity, location, equipment, open_from, open_to, open_days, "
    "needs_approval, approvers, bookers, retired, managed_by";

std::string select(std::string_view where) {
  return "SELECT " + std::string(kColumns) + " FROM rooms " + std::string(where);
}

std::string texts_json(const std::vector<std::string>& texts) {
  Json a = Json::array();
  for (auto& e : texts) a.push_back(e);
  return a.dump();
}

bool same(const Room& a, const Room& b) {
  return room_json(a) == room_json(b);
}

}  // namespace

Room RoomCatalog::from_row(const courthub::Row& row) {
  Room r;
  r.id = row.text("id");
  r.court = row.text("court");
  r.name = row.text("name");
  r.kind = row.text("kind");
  r.capacity = static_cast<int>(row.integer("capacity"));
  r.location = row.text("location");
  try {
    for (auto& e : Json::parse(row.text("equipment")))
      if (e.is_string()) r.equipment.push_back(e.get<std::string>());
    r.bookers = bookers_from_json(Json::parse(row.text("bookers")));
    for (auto& a : Json::parse(row.text("approvers")))
      if (a.is_string()) r.approvers.push_back(a.get<std::string>());
  } catch (const courthub::Json::exception&) {
    // Written by this plugin only; a damaged value reads as "no equipment, no restrictions".
  }
  r.hours.from = static_cast<int>(row.integer("open_from"));
  r.hours.to = static_cast<int>(row.integer("open_to"));
  r.hours.days = static_cast<uint8_t>(row.integer("open_days"));
  r.needs_approval = row.integer("needs_approval") != 0;
  r.retired = row.integer("retired") != 0;
  r.managed_by = row.text("managed_by");
  return r;
}

void RoomCatalog::write(const courthub::Sql& tx, const Room& r, bool insert, int64_t now_ms,
                        const std::string& by) const {
  std::vector<Value> p = {r.court,
                          r.name,
                          r.kind,
                          r.capacity,
                          r.location,
                          texts_json(r.equipment),
                          r.hours.from,
                          r.hours.to,
                          static_cast<int>(r.hours.days),
                          r.needs_approval,
                          texts_json(r.approvers),
                          bookers_json(r.bookers).dump(),
                          r.retired,
                          r.managed_by,
                          now_ms,
                          by,
                          r.id};
  if (insert) {
    p.push_back(now_ms);
    tx.exec(
        "INSERT INTO rooms(court, name, kind, capacity, location, equipment, open_from, open_to, "
        "open_days, needs_approval, approvers, bookers, retired, managed_by, updated_ms, "
        "updated_by, id, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p);
  } else {
    tx.exec(
        "UPDATE rooms SET court = ?, name = ?, kind = ?, capacity = ?, location = ?, "
        "equipment = ?, open_from = ?, open_to = ?, open_days = ?, needs_approval = ?, "
        "approvers = ?, bookers = ?, retired = ?, managed_by = ?, updated_ms = ?, updated_by = ? WHERE id = ?",
        p);
  }
}

std::vector<std::string> RoomCatalog::seed(const std::vector<Room>& rooms, int64_t now_ms) {
  return db_.transaction([&](courthub::Sql& tx) {
    std::vector<std::string> notes;
    std::set<std::string> listed;
    for (const Room& wanted : rooms) {
      listed.insert(wanted.id);
      auto have = find(tx, wanted.id);
      if (have && have->managed_by == "api") {
        notes.push_back("kept room " + wanted.id + " as edited through the API");
        continue;
      }
      if (have && same(*have, wanted)) continue;
      if (!wanted.retired) {
        auto clash = tx.one(
            "SELECT id FROM rooms WHERE court = ? AND name = ? AND retired = 0 "
            "AND id <> ?",
            {wanted.court, wanted.name, wanted.id});
        if (clash) {
          notes.push_back("skipped room " + wanted.id + ": room " + clash->text("id") + " of " +
                          wanted.court + " is already called " + wanted.name);
          continue;
        }
      }
      write(tx, wanted, !have, now_ms, "settings");
      notes.push_back((have ? "updated room " : "added room ") + wanted.id);
    }
    for (auto& row : tx.query("SELECT id, retired FROM rooms WHERE managed_by = 'settings'")) {
      std::string id = row.text("id");
      if (listed.count(id)) continue;
      bool booked = tx.one("SELECT 1 FROM bookings WHERE room_id = ? LIMIT 1", {id}).has_value();
      if (!booked) {
        tx.exec("DELETE FROM rooms WHERE id = ?", {id});
        notes.push_back("removed room " + id + " (gone from the settings, never booked)");
      } else if (row.integer("retired") == 0) {
        tx.exec(
            "UPDATE rooms SET retired = 1, updated_ms = ?, updated_by = 'settings' "
            "WHERE id = ?",
            {now_ms, id});
        notes.push_back("retired room " + id + " (gone from the settings, kept for its bookings)");
      }
    }
    return notes;
  });
}

std::optional<Room> RoomCatalog::find(std::string_view id) const {
  auto row = db_.one(select("WHERE id = ?"), {id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::optional<Room> RoomCatalog::find(const courthub::Sql& tx, std::string_view id) const {
  auto row = tx.one(select("WHERE id = ?"), {id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<Room> RoomCatalog::of_court(std::string_view court, bool include_retired) const {
  std::vector<Room> out;
  auto rows = include_retired
                  ? db_.query(select("WHERE court = ? ORDER BY name, id"), {court})
                  : db_.query(select("WHERE court = ? AND retired = 0 ORDER BY name"), {court});
  for (auto& row : rows) out.push_back(from_row(row));
  return out;
}

std::optional<Room> RoomCatalog::by_name(std::string_view court, std::string_view name) const {
  auto row = db_.one(select("WHERE court = ? AND retired = 0 AND (name = ? OR id = ?)"),
                     {court, name, name});
  if (!row) return std::nullopt;
  return from_row(*row);
}

Room RoomCatalog::create(Room room, int64_t now_ms, const std::string& by) {
  room.managed_by = "api";
  return db_.transaction([&](courthub::Sql& tx) {
    if (room.id.empty()) {
      std::string base;
      for (char c : room.court)
        base += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (int n = 1;; ++n) {
        std::string id = base + "-r" + std::to_string(n);
        if (!tx.one("SELECT 1 FROM rooms WHERE id = ?", {id})) {
          room.id = id;
          break;
        }
      }
    } else if (tx.one("SELECT 1 FROM rooms WHERE id = ?", {room.id})) {
      throw courthub::Conflict(
          "room id '" + room.id + "' is taken",
          Json::object({{"fields", Json::array({Json::object(
                                       {{"field", "/id"}, {"message", "is taken"}})})}}));
    }
    if (!room.retired && tx.one("SELECT 1 FROM rooms WHERE court = ? AND name = ? AND retired = 0",
                                {room.court, room.name})) {
      throw courthub::Conflict(
          room.court + " already has a room called " + room.name,
          Json::object({{"fields", Json::array({Json::object(
                                       {{"field", "/name"}, {"message", "is taken"}})})}}));
    }
    write(tx, room, true, now_ms, by);
    return room;
  });
}

Room RoomCatalog::update(Room room, int64_t now_ms, const std::string& by) {
  room.managed_by = "api";
  return db_.transaction([&](courthub::Sql& tx) {
    if (!find(tx, room.id)) throw courthub::NotFound("no room '" + room.id + "'");
    if (!room.retired &&
        tx.one("SELECT 1 FROM rooms WHERE court = ? AND name = ? AND retired = 0 AND id <> ?",
               {room.court, room.name, room.id})) {
      throw courthub::Conflict(
          room.court + " already has a room called " + room.name,
          Json::object({{"fields", Json::array({Json::object(
                                       {{"field", "/name"}, {"message", "is taken"}})})}}));
    }
    write(tx, room, false, now_ms, by);
    return room;
  });
}

}  // namespace rooms
