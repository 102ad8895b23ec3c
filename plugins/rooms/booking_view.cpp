// SPDX-License-Identifier: Apache-2.0
// BookingDesk::rights and view: what the pages may offer on a booking (check in, cancel, end),
// decided by the same rules the desk applies when the button is pressed.
#include "booking_desk.hpp"

namespace rooms {

using courthub::Caller;
using courthub::Json;

BookingDesk::Rights BookingDesk::rights(const Caller& caller, const Booking& b,
                                        int64_t now_ms) const {
  Rights r;
  CheckinWindow w =
      checkin_window(b.start_ms, settings_.checkin_before_minutes, settings_.checkin_after_minutes);
  bool attends =
      (caller.is_staff() && b.involves(caller.user_id)) || is_court_admin(caller, b.court);
  r.check_in = attends && b.status == BookingStatus::Booked && within(w, now_ms);
  bool manages = may_manage(caller, b);
  r.cancel =
      manages && b.purpose == "meeting" && next_status(b.status, BookingEvent::Cancel).has_value();
  r.cancel_following = r.cancel && b.series_id.has_value();
  r.end = manages && b.status == BookingStatus::CheckedIn;
  return r;
}

Json BookingDesk::view(const Caller& caller, const Booking& b, int64_t now_ms) const {
  Json out = booking_json(b);
  CheckinWindow w =
      checkin_window(b.start_ms, settings_.checkin_before_minutes, settings_.checkin_after_minutes);
  out["checkin_opens_at"] = format_iso(w.opens_ms);
  out["checkin_closes_at"] = format_iso(w.closes_ms);
  out["checkin_open"] = b.status == BookingStatus::Booked && within(w, now_ms);
  Rights r = rights(caller, b, now_ms);
  out["can_check_in"] = r.check_in;
  out["can_cancel"] = r.cancel;
  out["can_cancel_following"] = r.cancel_following;
  out["can_end"] = r.end;
  return out;
}

}  // namespace rooms
