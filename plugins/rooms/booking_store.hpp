// SPDX-License-Identifier: Apache-2.0
// The bookings table. `book` is the one place a slot is taken: every requested slot is checked
// against the bookings that hold the room, and all are inserted or none, inside one write
// transaction (BEGIN IMMEDIATE), so concurrent requests can never double-book a room.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include "booking.hpp"

namespace rooms {

// SQL: the booking aliased `b` holds its slot (待审批, 已预订, 已签到; holds_slot() in C++).
inline constexpr const char* kHoldsSlotSql = "b.status IN ('待审批', '已预订', '已签到')";

// Why one wanted slot cannot be booked.
struct Blocker {
  Slot wanted;
  std::string reason;                 // "booked": another booking holds it; "closed": room hours
  std::string message;                // for "closed": 周六不开放预订 ...
  std::optional<Booking> in_the_way;  // for "booked"
};

struct NewBookings {
  std::string room_id;
  std::vector<Slot> slots;  // one, or the occurrences of a series (never overlapping each other)
  std::string title;
  std::string organizer;
  std::string organizer_name;
  std::vector<std::string> attendees;
  int attendee_count = 1;
  BookingStatus status = BookingStatus::Booked;  // or PendingApproval
  std::string purpose = "meeting";
  courthub::Json series_rule;     // recurrence_json(), null for a single booking
  std::string approval_request;   // pending bookings decided with another one (a hearing's test)
  std::vector<Blocker> blockers;  // problems found before the transaction, reported with the rest
};

class BookingStore {
 public:
  explicit BookingStore(courthub::Database& db) : db_(db) {}

  // All or nothing, atomically: throws Conflict listing every blocker (message and
  // details.conflicts) when any slot is taken or `req.blockers` is not empty; NotFound or
  // Conflict when the room is unknown or retired. Pending bookings get approval_request
  // "booking:<first id>".
  std::vector<Booking> book(const NewBookings& req, int64_t now_ms) const;
  // The same inside a caller's transaction (a hearing books its test slot with it).
  std::vector<Booking> book(const courthub::Sql& tx, const NewBookings& req, int64_t now_ms) const;

  // Bookings holding `room_id` that overlap `slot`, except `exclude_id`.
  std::vector<Booking> overlapping(const courthub::Sql& q, const std::string& room_id,
                                   const Slot& slot, int64_t exclude_id = 0) const;
  // Holding bookings of a court overlapping `window` (free/busy: one index range scan).
  std::vector<Booking> busy(const std::string& court, const Slot& window) const;

  std::optional<Booking> find(const courthub::Sql& q, int64_t id) const;
  std::optional<Booking> find(int64_t id) const { return find(db_, id); }
  std::vector<Booking> series(const courthub::Sql& q, int64_t series_id) const;
  std::vector<Booking> by_approval(const courthub::Sql& q, const std::string& request) const;

  // Moves one booking from `from` to `to` if it is still in `from`; false otherwise.
  // `organizer_knows`: the organizer caused it (or it needs no message), so nothing is sent.
  bool set_status(const courthub::Sql& q, int64_t id, BookingStatus from, BookingStatus to,
                  int64_t now_ms, const std::string& note, bool organizer_knows) const;
  // 已预订 -> 已签到 if `now` is inside [opens, closes); false otherwise.
  bool check_in(int64_t id, int64_t now_ms, const std::string& by, int64_t opens_before_ms,
                int64_t closes_after_ms) const {
    return check_in(db_, id, now_ms, by, opens_before_ms, closes_after_ms);
  }
  bool check_in(const courthub::Sql& q, int64_t id, int64_t now_ms, const std::string& by,
                int64_t opens_before_ms, int64_t closes_after_ms) const;
  // Rewrites the changeable fields of a booking (modify); the overlap trigger guards the slot.
  void rewrite(const courthub::Sql& q, const Booking& b, int64_t now_ms) const;

  void mark_told(const std::vector<int64_t>& ids, BookingStatus status) const;
  void mark_reminded(int64_t id, int64_t now_ms) const;

  // Lists.
  std::vector<Booking> of_court(const std::string& court, const Slot& window,
                                const std::string& room_id, const std::string& status, int limit,
                                int offset) const;
  // Bookings a person organizes or attends that end after `from_ms`, soonest first.
  std::vector<Booking> of_person(const std::string& user_id, int64_t from_ms, int64_t to_ms,
                                 int limit) const;

  // What the jobs look for.
  std::vector<Booking> due_reminders(int64_t now_ms, int64_t lead_ms) const;
  std::vector<Booking> no_shows(int64_t now_ms, int64_t after_ms) const;
  std::vector<Booking> unapproved_started(int64_t now_ms) const;
  // Checked-in bookings (and hearing test slots) whose end has passed.
  std::vector<Booking> checked_in_over(int64_t now_ms) const;
  std::vector<Booking> untold(int limit) const;

  courthub::Database& db() const { return db_; }

  // The two hot queries, exposed so tests can check their plans use the intended indexes.
  // Parameters: room_id | court, window end, window start - kMaxBookingMs, window start (and,
  // for overlap_query, the id to exclude).
  static std::string overlap_query();
  static std::string busy_query();

 private:
  courthub::Database& db_;
};

// The 409 for blocked slots: names every booking in the way (details.conflicts).
courthub::Error conflict_error(const std::string& room_name, const std::vector<Blocker>& blockers);

}  // namespace rooms
