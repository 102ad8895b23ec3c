// SPDX-License-Identifier: Apache-2.0
// Reading booking requests from JSON bodies and query strings: the time of a booking is either
// "start"/"end" (ISO 8601, +08:00 when no offset) or "date"/"from"/"to" where date may be any
// date word (明天, 周一, 2026-12-01).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include "booking.hpp"
#include "field_errors.hpp"
#include "recurrence.hpp"

namespace rooms {

struct BookingRequest {
  std::string room_id;
  Slot first;  // the only or the first occurrence
  std::optional<Recurrence> recurrence;
  std::string title;
  std::vector<std::string> attendees;
  std::optional<int> attendee_count;
  std::string organizer;  // admins booking on someone's behalf; empty = the caller
};

// The slot named by start/end or date/from/to in `j`; nullopt (with errors) when absent or bad.
std::optional<Slot> read_slot(const courthub::Json& j, const LocalDate& today, FieldErrors& errors,
                              bool required);
BookingRequest read_booking_request(const courthub::Json& body, const LocalDate& today,
                                    FieldErrors& errors);
// Query parameters as a JSON object of strings (the last value of a repeated name wins, except
// `equipment`, which collects every value and splits commas).
courthub::Json query_object(const courthub::Request& request);
// A whole number from a query string value, or errors.
std::optional<int> query_int(const courthub::Json& q, std::string_view key, int min, int max,
                             FieldErrors& errors);

}  // namespace rooms
