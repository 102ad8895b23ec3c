// SPDX-License-Identifier: Apache-2.0
// An appointment with the judge (联系法官): its states and the moves each side may make, and
// the request a lawyer sends. Pure functions; any thread; errors as stated beside each.
#pragma once

#include <courthub/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lawyers {

// requested 待答复, proposed 法官另约时间, accepted 已确认, declined 已拒绝, canceled 已取消.
enum class AppointmentState { Requested, Proposed, Accepted, Declined, Canceled };

std::string_view appointment_state_code(AppointmentState s);
std::string_view appointment_state_label(AppointmentState s);
std::optional<AppointmentState> parse_appointment_state(std::string_view code);

// The court (judge or clerk) accepts the time asked, proposes another, or declines; the lawyer
// accepts the court's proposal or cancels; either side writes a message.
enum class AppointmentMove {
  CourtAccept, CourtPropose, CourtDecline, LawyerAccept, LawyerCancel, Message
};

// The state after `move` (a message leaves it as it is), or Conflict "appointment <id> is
// <state> (<label>): ...". The court accepts only a request; it proposes another time for a
// request, for its own proposal or for an accepted time; it declines what is not yet settled
// (requested or proposed). The lawyer accepts only a proposal and cancels anything not yet
// declined or canceled. Messages go both ways until it is declined or canceled.
AppointmentState next_appointment_state(int64_t id, AppointmentState from, AppointmentMove move);

// A time asked or proposed: [start_ms, end_ms).
struct AppointmentTime {
  int64_t start_ms = 0, end_ms = 0;
};

// Checks start_ms/end_ms of `body`: integers, end after start, at most 8 hours long, not in
// the past at `now_ms`. Errors: InvalidArgument with fields.
AppointmentTime read_appointment_time(const courthub::Json& body, int64_t now_ms);

struct AppointmentRequest {
  int64_t case_id = 0;
  std::string reason, mode;  // mode: in_person | video | phone
  AppointmentTime time;
};
// POST /portal/appointments. Errors: InvalidArgument with fields.
AppointmentRequest read_appointment_request(const courthub::Json& body, int64_t now_ms);

// The mode's words in a notice: 当面 / 视频 / 电话. "" for another code.
std::string_view appointment_mode_label(std::string_view mode);

}  // namespace lawyers
