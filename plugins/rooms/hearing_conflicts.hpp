// SPDX-License-Identifier: Apache-2.0
// Who of a hearing's bench is already busy: the presiding judge, the clerk and every member of
// the collegial panel (合议庭), against their other live hearings (in any of those roles) and the
// meetings they organise, at an overlapping time.
//
// Threading: free functions over the caller's transaction; no state.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <courthub/database.hpp>
#include <courthub/error.hpp>

#include "booking.hpp"

namespace rooms {

struct Seat {
  std::string user_id;
  std::string role;  // judge | clerk | panel
};

struct SeatConflict {
  Seat seat;
  std::string name;           // from the directory
  int64_t hearing_id = 0;     // the other hearing, or 0
  int64_t booking_id = 0;     // the meeting they organise, or 0
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  std::string title;          // the other booking's title (a hearing's: 远程庭审 <case number>)
};

// Every seat's clashes at `slot`, except with hearing `except_hearing` (the one being
// rescheduled). Hearings count while 已预约, 已通知, 测试通过 or 进行中; meetings while they hold
// their room. `name_of` turns a userid into a name.
std::vector<SeatConflict> seat_conflicts(const courthub::Sql& tx, const std::vector<Seat>& seats,
                                         const Slot& slot, int64_t except_hearing,
                                         const std::function<std::string(const std::string&)>& name_of);

// The 409: message naming each person and what they have then; details.conflicts as
// [{"user_id", "name", "role", "with": {"hearing_id"|"booking_id", "start", "end", "title"}}].
courthub::Error seat_conflict_error(const std::vector<SeatConflict>& conflicts);

}  // namespace rooms
