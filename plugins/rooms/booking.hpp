// SPDX-License-Identifier: Apache-2.0
// A booking as stored: one room, [start, end), a title, an organizer and attendees.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include "booking_rules.hpp"

namespace rooms {

struct Slot {
  int64_t start_ms = 0;
  int64_t end_ms = 0;
};

struct Booking {
  int64_t id = 0;
  std::string room_id;
  std::string room_name;      // joined from rooms, for display
  std::string room_location;  // joined from rooms, for display
  std::string court;
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  std::string title;
  std::string organizer;  // userid
  std::string organizer_name;
  std::vector<std::string> attendees;  // userids
  int attendee_count = 1;              // people expected, the organizer included
  BookingStatus status = BookingStatus::Booked;
  std::string purpose = "meeting";  // meeting | hearing | hearing_test
  std::optional<int64_t> series_id;
  std::string approval_request;  // "booking:<id>" when approval decides this booking
  std::string note;  // why it was canceled, refused or released
  std::string told;  // the last status the organizer was told about
  std::optional<int64_t> checked_in_ms;
  std::string checked_in_by;
  std::optional<int64_t> reminded_ms;
  int64_t created_ms = 0;
  int64_t updated_ms = 0;

  Slot slot() const { return {start_ms, end_ms}; }
  bool involves(const std::string& user_id) const;
};

// The columns every booking query selects (b = bookings, r = rooms).
extern const char* const kBookingColumns;
Booking booking_from_row(const courthub::Row& row);

// The API form: ids, ISO 8601 times (+08:00) and Unix ms, the Chinese status.
courthub::Json booking_json(const Booking& b);
// The short form used inside conflict details and free/busy answers.
courthub::Json booking_brief_json(const Booking& b);
// Only when and how: what staff of another court see of a court's busy times.
courthub::Json booking_time_json(const Booking& b);

}  // namespace rooms
