// SPDX-License-Identifier: Apache-2.0
// What the plugin tells people through the host's outbox: the booking card, invitations,
// reminders, and the status changes an organizer did not make themselves.
//
// Every send carries an idempotency key derived from the booking (and its start or status), so a
// job that runs twice, or an event delivered twice, never messages anyone twice.
#pragma once

#include <string>
#include <vector>

#include <courthub/host.hpp>
#include <courthub/json.hpp>

#include "booking.hpp"
#include "booking_store.hpp"
#include "settings.hpp"

namespace rooms {

// The card's data (all values strings, as DingTalk wants): booking_id, title, room, location,
// time, status, organizer, checkin (the window), note.
courthub::Json booking_card_data(const Booking& b, const Settings& settings);
// The markdown a status change sends; `occurrences` > 1 for a series decided as one.
std::string status_change_text(const Booking& b, int occurrences, const Settings& settings);

class Notices {
 public:
  Notices(const courthub::Host& host, const Settings& settings, const BookingStore& store)
      : host_(host), settings_(settings), store_(store) {}

  // The interactive card with check-in and cancel buttons, to the organizer.
  void send_card(const Booking& b) const;
  // A work notice to the attendees of a new booking (or series).
  void invite(const std::vector<Booking>& bookings, const std::string& series) const;
  // Fifteen minutes before: organizer and attendees.
  void remind(const Booking& b) const;
  // Tells organizers about changes they did not make (approval results, releases, admin
  // cancels) and marks those bookings told. Returns how many messages were queued.
  int tell_pending() const;

 private:
  const courthub::Host& host_;
  const Settings& settings_;
  const BookingStore& store_;
};

}  // namespace rooms
