// SPDX-License-Identifier: Apache-2.0
// Free/busy for one court: which rooms are free for a time range, and what keeps the others busy.
// Two indexed queries (the court's rooms, its holding bookings in the window), then pure code.
#pragma once

#include <string>
#include <vector>

#include <courthub/json.hpp>

#include "booking.hpp"
#include "booking_store.hpp"
#include "room.hpp"
#include "room_catalog.hpp"

namespace rooms {

struct FreeBusyQuery {
  std::string court;
  Slot window;
  int min_capacity = 0;
  std::vector<std::string> equipment;  // every tag must be present
  std::string kind;                    // empty = any
};

struct RoomAvailability {
  Room room;
  std::vector<Booking> busy;  // holding bookings overlapping the window
  std::string closed;         // why the window is outside the room's hours ("" = open)
  bool free() const { return busy.empty() && closed.empty(); }
};

// Pure: the rooms that match the query's filters, each with its busy bookings.
std::vector<RoomAvailability> availability(const std::vector<Room>& rooms,
                                           const std::vector<Booking>& busy,
                                           const FreeBusyQuery& query);

class FreeBusy {
 public:
  FreeBusy(const RoomCatalog& catalog, const BookingStore& store)
      : catalog_(catalog), store_(store) {}
  std::vector<RoomAvailability> query(const FreeBusyQuery& q) const;

 private:
  const RoomCatalog& catalog_;
  const BookingStore& store_;
};

// `details`: titles and organizers of the busy bookings (for the court's own staff), or only
// their times (for anyone else).
courthub::Json availability_json(const RoomAvailability& a, bool details);

}  // namespace rooms
