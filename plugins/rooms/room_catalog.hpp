// SPDX-License-Identifier: Apache-2.0
// The rooms table: seeding from the settings, lookups, and admin edits.
//
// Settings and the admin API coexist by room id: the settings seed rooms at activation; a room
// an admin edits (or creates) through the API is marked managed_by = "api" and from then on the
// settings no longer touch it. A settings room dropped from the settings is deleted if it was
// never booked, otherwise retired (kept for its history and its future bookings).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <courthub/database.hpp>

#include "room.hpp"

namespace rooms {

class RoomCatalog {
 public:
  explicit RoomCatalog(courthub::Database& db) : db_(db) {}

  // One line per change worth logging ("added hp-301", "kept hp-302: edited through the API").
  std::vector<std::string> seed(const std::vector<Room>& rooms, int64_t now_ms);

  std::optional<Room> find(std::string_view id) const;
  std::optional<Room> find(const courthub::Sql& tx, std::string_view id) const;
  // Rooms of a court ordered by name; retired ones only if asked.
  std::vector<Room> of_court(std::string_view court, bool include_retired) const;
  // A room in service of `court` by its name (or by its id).
  std::optional<Room> by_name(std::string_view court, std::string_view name) const;

  // Inserts a new room (managed_by = "api"); generates an id when room.id is empty.
  // Throws Conflict when the id or the name (in that court) is taken.
  Room create(Room room, int64_t now_ms, const std::string& by);
  // Replaces an existing room's fields and marks it managed_by = "api".
  Room update(Room room, int64_t now_ms, const std::string& by);

  static Room from_row(const courthub::Row& row);

 private:
  void write(const courthub::Sql& tx, const Room& r, bool insert, int64_t now_ms,
             const std::string& by) const;
  courthub::Database& db_;
};

}  // namespace rooms
