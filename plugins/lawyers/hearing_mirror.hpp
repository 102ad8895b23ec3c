// SPDX-License-Identifier: Apache-2.0
// rooms' hearings as its events describe them (rooms.hearing_scheduled, rooms.hearing_changed),
// kept by rooms' hearing_id. Events may come twice or out of order: the latest state wins,
// judged by the status's place on rooms' path (已预约 < 已通知 < 测试通过 < 进行中 < the final
// ones), then by the change's time. A hearing moves its case's stage (排期, 开庭), never back.
//
// Threading: free functions over a Sql handle; no state. Errors: see each function.
#pragma once

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lawyers {

struct MirroredHearing {
  int64_t hearing_id = 0;
  std::string court_code, case_number;
  int64_t start_ms = 0, end_ms = 0;
  std::string room, mode, status, judge, clerk;
  int64_t changed_ms = 0;
};

// Reads an event's payload. Errors: InvalidArgument naming the member that is missing or wrong.
MirroredHearing hearing_from_event(const courthub::Json& payload);

// rooms' status order: 0 已预约, 1 已通知, 2 测试通过, 3 进行中, 4 final (已结束 已改期 已取消 已释放);
// nullopt for a status rooms does not have.
std::optional<int> hearing_status_rank(const std::string& status);
// Whether the hearing is still ahead: 已预约, 已通知 or 测试通过.
bool hearing_pending(const std::string& status);

// Stores `h` unless the mirror already holds a later state of it, and moves its case's stage.
// Returns whether `h` is now the mirrored state (true again for a redelivery of the latest).
bool mirror_hearing(const courthub::Sql& tx, const MirroredHearing& h, int64_t now_ms);

// The case's hearings still to come or under way (ending after `now_ms`), by start.
std::vector<MirroredHearing> upcoming_hearings(const courthub::Sql& q, const std::string& court,
                                               const std::string& case_number, int64_t now_ms);

}  // namespace lawyers
