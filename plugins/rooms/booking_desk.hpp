// SPDX-License-Identifier: Apache-2.0
// The booking desk: everything a person can do with a booking — book (once or recurring),
// modify, cancel, check in, end — with the rules of who may and when. Routes, robot commands and
// card buttons all come here, so they behave the same.
//
// Errors: courthub::InvalidArgument (400, details.fields), PermissionDenied (403), NotFound
// (404), Conflict (409, details.conflicts names every booking in the way).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <courthub/calls.hpp>
#include <courthub/host.hpp>
#include <courthub/json.hpp>

#include "approval.hpp"
#include "booking.hpp"
#include "booking_request.hpp"
#include "booking_store.hpp"
#include "notices.hpp"
#include "room_catalog.hpp"
#include "settings.hpp"

namespace rooms {

class BookingDesk {
 public:
  BookingDesk(const courthub::Host& host, const Settings& settings, const RoomCatalog& catalog,
              const BookingStore& store, const Notices& notices, const RoomApprovals& approvals)
      : host_(host),
        settings_(settings),
        catalog_(catalog),
        store_(store),
        notices_(notices),
        approvals_(approvals) {}

  // Everything book() checks before writing, and what it would write.
  struct Plan {
    Room room;
    NewBookings bookings;
    std::string series;  // describe(recurrence), empty for a single booking
  };
  Plan plan(const courthub::Caller& caller, const BookingRequest& request, int64_t now_ms,
            const std::string& purpose) const;
  // In the booking's transaction: the approval request of new pending bookings (sent only if
  // `tx` commits). Throws courthub::Error from the host.
  void request_approval(const courthub::Transaction& tx, const std::vector<Booking>& bookings,
                        const std::string& series) const {
    approvals_.request(tx, bookings, series);
  }
  // In the transaction that took `before` (as they were) out of 待审批: cancels their approval
  // (RoomApprovals::withdraw). Throws courthub::Error from the host.
  void withdraw_approval(const courthub::Transaction& tx, const std::vector<Booking>& before,
                         const std::string& reason) const {
    approvals_.withdraw(tx, before, reason);
  }
  // After the commit: the organizer's card, the attendees' invitation.
  void announce(const std::vector<Booking>& bookings, const std::string& series) const;

  std::vector<Booking> book(const courthub::Caller& caller, const BookingRequest& request,
                            int64_t now_ms) const;
  // The booking if the caller may see it: staff of its court, its organizer and attendees, admins.
  Booking visible(const courthub::Caller& caller, int64_t id) const;
  // PATCH: room_id, start/end or date/from/to, title, attendees, attendee_count.
  Booking modify(const courthub::Caller& caller, int64_t id, const courthub::Json& patch,
                 int64_t now_ms) const;
  // Cancels one booking, or with `following` also the later occurrences of its series.
  std::vector<Booking> cancel(const courthub::Caller& caller, int64_t id, bool following,
                              const std::string& reason, int64_t now_ms) const;
  // Checks in; a hearing's booking opens its hearing (进行中, `hearing_note` as its note) in the
  // same transaction, and is refused (409) while the hearing cannot open (已预约, final).
  Booking check_in(const courthub::Caller& caller, int64_t id, int64_t now_ms,
                   const std::string& hearing_note = "") const;
  // Ends a checked-in booking now, handing the rest of the slot back; a hearing's booking ends
  // its hearing (已结束) in the same transaction.
  Booking end(const courthub::Caller& caller, int64_t id, int64_t now_ms) const;
  // The booking half of an end, in the caller's transaction: `cur` (checked in, as read in `tx`)
  // is cut at the next minute and becomes 已结束. Does not touch the hearing.
  void finish(const courthub::Sql& tx, Booking& cur, int64_t now_ms) const;

  // The organizer, or an admin of the booking's court.
  bool may_manage(const courthub::Caller& caller, const Booking& b) const;

  // What `caller` may do with `b` at `now_ms`: exactly what check_in, cancel and end would
  // allow (a race may still refuse them). Pure; no errors.
  struct Rights {
    bool check_in = false;          // checkin() would succeed now
    bool cancel = false;            // cancel() of this one
    bool cancel_following = false;  // cancel() with following: a series, cancelable
    bool end = false;               // end() now
  };
  Rights rights(const courthub::Caller& caller, const Booking& b, int64_t now_ms) const;
  // The booking as the mini-app shows it to `caller` at `now_ms`: booking_json plus its check-in
  // window (checkin_opens_at, checkin_closes_at, checkin_open) and rights (can_check_in,
  // can_cancel, can_cancel_following, can_end). Returns a new object; no errors.
  courthub::Json view(const courthub::Caller& caller, const Booking& b, int64_t now_ms) const;
  const Settings& settings() const { return settings_; }
  const RoomCatalog& catalog() const { return catalog_; }
  const BookingStore& store() const { return store_; }

 private:
  std::vector<std::string> check_people(const std::vector<std::string>& ids, const std::string& at,
                                        FieldErrors& errors) const;
  const courthub::Host& host_;
  const Settings& settings_;
  const RoomCatalog& catalog_;
  const BookingStore& store_;
  const Notices& notices_;
  const RoomApprovals& approvals_;
};

// "#12" or "12" -> 12; throws InvalidArgument otherwise.
int64_t parse_booking_id(std::string_view text);

}  // namespace rooms
