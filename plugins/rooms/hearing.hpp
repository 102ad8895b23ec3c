// SPDX-License-Identifier: Apache-2.0
// A hearing as stored (one booking of a video room or a 科技法庭, maybe a test slot, the case,
// its cause, its parties and its bench), its JSON form, and the request that schedules one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <courthub/database.hpp>
#include <courthub/json.hpp>

#include "booking.hpp"
#include "field_errors.hpp"
#include "hearing_rules.hpp"

namespace rooms {

struct Hearing {
  int64_t id = 0;
  int64_t booking_id = 0;
  std::optional<int64_t> test_booking_id;
  std::string court;
  std::string case_number;
  HearingMode mode = HearingMode::Online;
  std::vector<Party> parties;
  std::string judge;
  std::string clerk;
  std::vector<std::string> panel;  // 合议庭 members besides the presiding judge (userids)
  std::string cause;               // 案由
  bool is_public = true;           // false: 不公开审理 (never on the public 开庭公告)
  HearingStatus status = HearingStatus::Scheduled;
  bool notice_override = false;
  std::string override_reason;
  std::string override_by;
  std::optional<int64_t> rescheduled_from;
  std::optional<int64_t> rescheduled_to;
  std::optional<int64_t> notified_ms;
  std::optional<int64_t> test_passed_ms;
  std::optional<int64_t> started_ms;
  std::optional<int64_t> ended_ms;
  std::string note;
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
};

Hearing hearing_from_row(const courthub::Row& row);
// With its booking and test slot, as the API shows it (panel members without their names: the
// caller adds them from the directory).
courthub::Json hearing_json(const Hearing& h, const Booking& booking,
                            const std::optional<Booking>& test);

// POST /hearings (and, with `rescheduling`, the new time of POST /hearings/{id}/reschedule,
// where the case fields are not repeated).
struct HearingRequest {
  std::string case_number;
  HearingMode mode = HearingMode::Online;
  std::vector<Party> parties;
  std::string room_id;  // empty: the first free video room (科技法庭 when in person)
  Slot slot;
  std::string title;
  std::string judge;  // empty: the caller
  std::string clerk;
  std::vector<std::string> panel;
  std::string cause;
  bool is_public = true;
  std::vector<std::string> attendees;
  bool override_notice = false;
  std::string override_reason;
};
HearingRequest read_hearing_request(const courthub::Json& body, const LocalDate& today,
                                    bool rescheduling, FieldErrors& errors);

}  // namespace rooms
