// SPDX-License-Identifier: Apache-2.0
// The plugin's settings (the `settings:` mapping of `rooms` in courthub.yaml), validated once.
#pragma once

#include <string>
#include <vector>

#include <courthub/json.hpp>

#include "field_errors.hpp"
#include "room.hpp"

namespace rooms {

struct Settings {
  std::string card_template_id = "courthub.rooms.booking";
  int horizon_days = 92;  // how far ahead anyone may book, recurring series included (3 months)
  int checkin_before_minutes = 10;
  int checkin_after_minutes = 15;  // also: nobody checked in by then releases the room
  int reminder_minutes = 15;
  bool notify_attendees = true;
  RoomDefaults defaults;
  // Remote hearings.
  int notice_days = 3;
  int test_minutes = 30;
  std::string video_equipment = "视频会议终端";
  std::vector<Room> rooms;  // seeded into the database at activation (room_catalog.hpp)
};

// Every problem is reported under its JSON pointer ("/rooms/2/capacity").
Settings read_settings(const courthub::Json& j, FieldErrors& errors);

}  // namespace rooms
