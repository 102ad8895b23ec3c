// SPDX-License-Identifier: Apache-2.0
// A room: what it is, when it may be booked and by whom. Read from the settings and from the
// admin API by the same code, so both accept exactly the same fields.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <courthub/calls.hpp>
#include <courthub/host.hpp>
#include <courthub/json.hpp>

#include "booking_rules.hpp"
#include "field_errors.hpp"

namespace rooms {

// The kinds of §3.3 of the domain notes.
inline constexpr std::string_view kRoomKinds[] = {"会议室", "科技法庭", "远程视频庭审室", "调解室"};
bool is_room_kind(std::string_view kind);

// Who may book a room besides its court's admins. Empty lists do not restrict: with all empty,
// everyone of the room's court may book.
struct Bookers {
  std::vector<std::string> courts;  // other courts whose staff may book too
  std::vector<std::string> roles;   // if set, only these roles (of the allowed courts)
  std::vector<std::string> depts;   // if set, only these departments (dept ids)
  std::vector<std::string> users;   // always allowed, whatever the rules above say
};

struct Room {
  std::string id;  // stable: [a-z0-9][a-z0-9_-]*, at most 64
  std::string court;
  std::string name;
  std::string kind = "会议室";
  int capacity = 0;
  std::string location;
  std::vector<std::string> equipment;  // 视频会议终端, 庭审录音录像, 投屏, 互联网专线 ...
  OpenHours hours;
  bool needs_approval = false;
  // Who approves its bookings when it needs approval (或签); empty = its court's court_admin.
  std::vector<std::string> approvers;
  Bookers bookers;
  bool retired = false;
  std::string managed_by = "api";  // "settings": seeded from the YAML; "api": edited by an admin

  bool has_equipment(std::string_view tag) const;
};

// Defaults applied to rooms that do not set their own hours.
struct RoomDefaults {
  OpenHours hours;
};

// Reads every room field present in `j` onto `room` (so a PATCH changes only what it names);
// `creating` requires the fields a new room must have. Problems go to `errors` under `at`.
void read_room_fields(const courthub::Json& j, const std::string& at, bool creating,
                      const RoomDefaults& defaults, Room& room, FieldErrors& errors);

// Checks room.approvers against the directory: each must be a person of the room's court.
// Problems go to `errors` under `at` + "/approvers/<i>". Call outside configure (the directory is
// not there yet).
void check_approvers(const Room& room, const courthub::Directory& directory, const std::string& at,
                     FieldErrors& errors);

courthub::Json room_json(const Room& room);
courthub::Json bookers_json(const Bookers& b);
Bookers bookers_from_json(const courthub::Json& j);

bool valid_room_id(std::string_view id);
bool valid_court_code(std::string_view code);

// The operator (admin token), or the court's court_admin or president.
bool is_court_admin(const courthub::Caller& caller, std::string_view court);
// Whether the caller may book the room (admins of its court always may).
bool may_book(const Room& room, const courthub::Caller& caller);

}  // namespace rooms
