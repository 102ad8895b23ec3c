// SPDX-License-Identifier: Apache-2.0
// Hearings: remote (远程庭审, online or mixed) in a free video room with a pre-hearing test slot,
// or in person (现场庭审) in a free 科技法庭 without one; telling the parties; and the status path
// 已预约 → 已通知 → (测试通过) → 进行中 → 已结束 with the side exits 已改期, 已取消 and 已释放.
// The hearing and its booking move together (hearing_link.hpp): opening the hearing checks its
// room in, ending it ends the booking, and the booking's own check-in and end move the hearing.
// Conflicts: the judge, the clerk and each panel member must be free (hearing_conflicts.hpp).
//
// The notice rule: a hearing must be at least settings.notice_days (3) days away when it is
// scheduled, so the parties can be told in time; a judge may override it with a reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <courthub/calls.hpp>
#include <courthub/host.hpp>
#include <courthub/json.hpp>

#include "booking_desk.hpp"
#include "hearing.hpp"
#include "hearing_notices.hpp"

namespace rooms {

class RemoteHearings {
 public:
  RemoteHearings(const courthub::Host& host, const BookingDesk& desk)
      : host_(host), desk_(desk), notices_(host) {}

  // Free rooms of the court the caller may book: for online and mixed hearings those with the
  // video equipment, hearing rooms first; for in-person hearings the 科技法庭.
  std::vector<Room> proposals(const courthub::Caller& caller, const std::string& court,
                              const Slot& slot, int capacity,
                              HearingMode mode = HearingMode::Online) const;
  // Schedules a hearing; returns it as JSON (with "warnings").
  courthub::Json create(const courthub::Caller& caller, const HearingRequest& request,
                        int64_t now_ms) const;
  // A hearing as `caller` sees it at `now_ms`: with the judge's and clerk's names, the statuses
  // the caller may set now ("next_statuses", in path order) and whether they may reschedule it.
  courthub::Json get(const courthub::Caller& caller, int64_t id, int64_t now_ms) const;
  // The court's hearings starting in [from, to), each as get() shows it.
  courthub::Json of_court(const courthub::Caller& caller, const std::string& court,
                          const Slot& window, int64_t now_ms) const;
  // POST /hearings/{id}/status: 测试通过, 进行中, 已结束 or 已取消. 进行中 checks the room in and
  // 已结束 ends its booking, each in the same transaction as the hearing's move.
  courthub::Json move(const courthub::Caller& caller, int64_t id, const std::string& to,
                      const std::string& reason, int64_t now_ms) const;
  // A new hearing at a new time (or room); this one becomes 已改期.
  courthub::Json reschedule(const courthub::Caller& caller, int64_t id,
                            const HearingRequest& change, const std::string& reason,
                            int64_t now_ms) const;

  // Hooks from approvals and the jobs. Inside the decision's transaction: the hearings of
  // bookings that were not confirmed are canceled with them.
  void bookings_deciding(const courthub::Transaction& tx, const std::vector<Booking>& bookings,
                         int64_t now_ms) const;
  // After its commit: the parties of hearings whose booking was confirmed are told (a notice
  // lost to a crash here goes out with notify_pending, the jobs' sweep).
  void bookings_decided(const std::vector<Booking>& bookings, int64_t now_ms) const;
  // Booking `b` went away (released, expired, refused): its hearing, if it is one, follows to
  // `to` and its test slot is canceled — inside the caller's transaction `tx`, so the booking
  // and the hearing change together or not at all (bug 5).
  void booking_lost(const courthub::Transaction& tx, const Booking& b, HearingStatus to,
                    const std::string& note, int64_t now_ms) const;
  // Tells the parties of hearings whose room is confirmed but who were not told yet.
  int notify_pending(int64_t now_ms) const;
  // A hearing still in progress at its booking's end: extend by 30 minutes if the room is free.
  // Returns true when extended.
  bool overrun(const Booking& b, int64_t now_ms) const;

 private:
  struct Created {
    Hearing hearing;
    std::vector<Booking> bookings;  // the hearing's booking, then the test slot if any
    std::vector<std::string> warnings;
  };
  // Checks, then books in `tx`: the caller's transaction (reschedule frees the old slot first);
  // a booking that needs approval publishes its request in `tx`.
  Created schedule(const courthub::Transaction& tx, const courthub::Caller& caller,
                   const HearingRequest& r, const BookingDesk::Plan& plan,
                   std::optional<int64_t> rescheduled_from, int64_t now_ms) const;
  BookingDesk::Plan prepare(const courthub::Caller& caller, HearingRequest& r,
                            int64_t now_ms) const;
  void after_commit(const Created& c, HearingNoticeKind kind, int64_t now_ms) const;
  void notify(const Hearing& h, HearingNoticeKind kind, int64_t now_ms) const;
  std::optional<Hearing> find(const courthub::Sql& q, int64_t id) const;
  std::optional<Hearing> by_booking(const courthub::Sql& q, int64_t booking_id) const;
  Hearing visible(const courthub::Caller& caller, int64_t id) const;
  bool may_run(const courthub::Caller& caller, const Hearing& h, const Booking& b) const;
  courthub::Json to_json(const courthub::Caller& caller, const Hearing& h, int64_t now_ms) const;
  // What move() would accept from `caller` now: may_run, the status machine, and for 进行中 the
  // room's check-in window.
  std::vector<HearingStatus> next_steps(const courthub::Caller& caller, const Hearing& h,
                                        const Booking& b, int64_t now_ms) const;

  const courthub::Host& host_;
  const BookingDesk& desk_;
  HearingNotices notices_;
};

}  // namespace rooms
