// SPDX-License-Identifier: Apache-2.0
// BookingClock: reminders and releases; every step is a guarded status change, so two runs for
// the same minute (or a run after a crash) change and send nothing twice.
#include "booking_clock.hpp"

#include "hearing_link.hpp"

namespace rooms {

int BookingClock::remind(int64_t now_ms) const {
  int n = 0;
  for (const Booking& b : store_.due_reminders(now_ms, settings_.reminder_minutes * kMinuteMs)) {
    notices_.remind(b);  // keyed by id and start: a crash before the mark cannot double-send
    store_.mark_reminded(b.id, now_ms);
    ++n;
  }
  return n;
}

ReleaseReport BookingClock::release(int64_t now_ms) const {
  ReleaseReport r;
  courthub::Database& db = store_.db();
  for (const Booking& b : store_.no_shows(now_ms, settings_.checkin_after_minutes * kMinuteMs)) {
    std::string note =
        "开始后 " + std::to_string(settings_.checkin_after_minutes) + " 分钟内无人签到，已自动释放";
    // The booking and its hearing are released together (bug 5), in one transaction.
    bool released = db.transaction([&](courthub::Transaction& tx) {
      if (!store_.set_status(tx, b.id, BookingStatus::Booked, BookingStatus::Released, now_ms,
                             note, false))
        return false;
      hearings_.booking_lost(tx, b, HearingStatus::Released, note, now_ms);
      return true;
    });
    if (released) ++r.released;
  }
  for (const Booking& b : store_.unapproved_started(now_ms)) {
    std::string note = "审批未在开始前完成，预订已取消";
    bool expired = db.transaction([&](courthub::Transaction& tx) {
      if (!store_.set_status(tx, b.id, BookingStatus::PendingApproval, BookingStatus::Canceled,
                             now_ms, note, false))
        return false;
      approvals_.withdraw(tx, {b}, "预订已取消：审批未在开始前完成");  // bug 2
      hearings_.booking_lost(tx, b, HearingStatus::Canceled, note, now_ms);  // bug 5
      return true;
    });
    if (expired) ++r.expired;
  }
  for (const Booking& b : store_.checked_in_over(now_ms)) {
    if (b.status == BookingStatus::CheckedIn && hearings_.overrun(b, now_ms)) {
      ++r.extended;
      continue;
    }
    // A hearing's booking ends with its hearing (bug 5), in one transaction.
    bool ended = db.transaction([&](courthub::Transaction& tx) {
      if (!store_.set_status(tx, b.id, b.status, BookingStatus::Ended, now_ms, "", true))
        return false;
      end_hearing_of(tx, b, now_ms, "");
      return true;
    });
    if (ended) ++r.ended;
  }
  r.told = notices_.tell_pending();
  hearings_.notify_pending(now_ms);
  return r;
}

}  // namespace rooms
