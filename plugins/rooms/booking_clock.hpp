// SPDX-License-Identifier: Apache-2.0
// The every-minute jobs. `now` is the instant the job fires for (Job::scheduled_ms), so a test
// drives time with harness.run_job(name, ms), and a late or repeated run does the same thing.
//
//   remind   15 minutes before a confirmed booking: organizer and attendees (once per start).
//   release  nobody checked in by start + 15 min -> 已释放; still 待审批 at the start -> 已取消
//            (and its approval canceled);
//            checked in and over -> 已结束 (a hearing in progress is extended if it can be);
//            then tells organizers what changed and tells parties of newly confirmed hearings.
#pragma once

#include <cstdint>

#include "approval.hpp"
#include "booking_store.hpp"
#include "notices.hpp"
#include "remote_hearing.hpp"
#include "settings.hpp"

namespace rooms {

struct ReleaseReport {
  int released = 0;
  int expired = 0;
  int ended = 0;
  int extended = 0;
  int told = 0;
};

class BookingClock {
 public:
  BookingClock(const Settings& settings, const BookingStore& store, const Notices& notices,
               const RemoteHearings& hearings, const RoomApprovals& approvals)
      : settings_(settings),
        store_(store),
        notices_(notices),
        hearings_(hearings),
        approvals_(approvals) {}

  int remind(int64_t now_ms) const;
  ReleaseReport release(int64_t now_ms) const;

 private:
  const Settings& settings_;
  const BookingStore& store_;
  const Notices& notices_;
  const RemoteHearings& hearings_;
  const RoomApprovals& approvals_;
};

}  // namespace rooms
