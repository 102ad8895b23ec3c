// SPDX-License-Identifier: Apache-2.0
// The rules of a booking that need no database: its statuses and their transitions, the
// check-in window, bookable hours and how far ahead one may book.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dates.hpp"

namespace rooms {

// A booking lasts at most a day; the overlap query relies on it to bound its index range scan.
inline constexpr int64_t kMaxBookingMs = kDayMs;

// Stored and shown as the Chinese word (the statuses of DingTalk's own meeting rooms).
enum class BookingStatus {
  PendingApproval,  // 待审批: holds the slot while approvals decides
  Booked,           // 已预订
  CheckedIn,        // 已签到
  Released,         // 已释放: nobody checked in by start + 15 min
  Canceled,         // 已取消: by the organizer, an admin, or approvals (terminated/canceled)
  Refused,          // 已拒绝: approvals said no
  Ended,            // 已结束: checked in and over (or ended early)
};

std::string_view status_name(BookingStatus s);
std::optional<BookingStatus> parse_status(std::string_view name);
// Whether a booking in this status keeps others out of its slot.
bool holds_slot(BookingStatus s);
// The statuses that hold a slot, as an SQL list: "'待审批','已预订','已签到'".
std::string_view holding_statuses_sql();

enum class BookingEvent {
  Approve,   // approvals agreed
  Refuse,    // approvals refused
  Withdraw,  // approvals terminated/canceled the instance, or could not open one
  Expire,    // still waiting for approval when the booking starts
  Cancel,    // the organizer or an admin canceled
  CheckIn,
  Release,  // nobody checked in
  End,      // over, or ended early
};

// The status after `event`, or nullopt when the event is not allowed in `from`.
std::optional<BookingStatus> next_status(BookingStatus from, BookingEvent event);

struct CheckinWindow {
  int64_t opens_ms;   // start - before
  int64_t closes_ms;  // start + after; the release job frees the room from then on
};
CheckinWindow checkin_window(int64_t start_ms, int before_minutes, int after_minutes);
bool within(const CheckinWindow& w, int64_t now_ms);

// When a room may be booked: [from, to) minutes of the day on the weekdays in `days`.
struct OpenHours {
  int from = 8 * 60;
  int to = 18 * 60;
  uint8_t days = 0b0011111;  // bit (d - 1) for ISO weekday d; Monday..Friday
};
// "08:00-18:00"
std::string format_hours(const OpenHours& h);
std::optional<std::pair<int, int>> parse_hours(std::string_view text);
// nullopt when [start, end) lies inside one day's open hours, else why not ("周六不开放",
// "超出可预订时间 08:00-18:00").
std::optional<std::string> outside_open_hours(const OpenHours& h, int64_t start_ms, int64_t end_ms);

// nullopt when [start, end) is a sane slot to book at `now`: whole minutes, end after start, at
// most kMaxBookingMs, not starting more than `grace_minutes` ago, not beyond `horizon_days`.
std::optional<std::string> unbookable_slot(int64_t start_ms, int64_t end_ms, int64_t now_ms,
                                           int horizon_days, int grace_minutes);

// The last day one may book on: today + horizon_days.
LocalDate last_bookable_day(int64_t now_ms, int horizon_days);

}  // namespace rooms
