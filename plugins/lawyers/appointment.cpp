// SPDX-License-Identifier: Apache-2.0
#include "appointment.hpp"

#include <courthub/error.hpp>

#include "field_problems.hpp"

namespace lawyers {
namespace {

using courthub::Json;

constexpr int64_t kLongestMs = 8LL * 3600 * 1000;

struct StateName {
  AppointmentState state;
  std::string_view code, label;
};
constexpr StateName kStates[] = {
    {AppointmentState::Requested, "requested", "待答复"},
    {AppointmentState::Proposed, "proposed", "法官另约时间"},
    {AppointmentState::Accepted, "accepted", "已确认"},
    {AppointmentState::Declined, "declined", "已拒绝"},
    {AppointmentState::Canceled, "canceled", "已取消"},
};

std::string_view refusal(AppointmentMove m) {
  switch (m) {
    case AppointmentMove::CourtAccept: return "the court accepts only a time the lawyer asked for";
    case AppointmentMove::CourtPropose:
      return "another time is proposed only while it is asked, proposed or accepted";
    case AppointmentMove::CourtDecline: return "only an unsettled appointment can be declined";
    case AppointmentMove::LawyerAccept: return "there is no proposal of the court to accept";
    case AppointmentMove::LawyerCancel: return "it is over already";
    case AppointmentMove::Message: return "it is over: no more messages";
  }
  return "";
}

}  // namespace

std::string_view appointment_state_code(AppointmentState s) {
  for (auto& n : kStates)
    if (n.state == s) return n.code;
  return "";
}

std::string_view appointment_state_label(AppointmentState s) {
  for (auto& n : kStates)
    if (n.state == s) return n.label;
  return "";
}

std::optional<AppointmentState> parse_appointment_state(std::string_view code) {
  for (auto& n : kStates)
    if (n.code == code) return n.state;
  return std::nullopt;
}

AppointmentState next_appointment_state(int64_t id, AppointmentState from, AppointmentMove move) {
  using S = AppointmentState;
  const bool open = from == S::Requested || from == S::Proposed || from == S::Accepted;
  std::optional<S> to;
  switch (move) {
    case AppointmentMove::CourtAccept:
      if (from == S::Requested) to = S::Accepted;
      break;
    case AppointmentMove::CourtPropose:
      if (open) to = S::Proposed;
      break;
    case AppointmentMove::CourtDecline:
      if (from == S::Requested || from == S::Proposed) to = S::Declined;
      break;
    case AppointmentMove::LawyerAccept:
      if (from == S::Proposed) to = S::Accepted;
      break;
    case AppointmentMove::LawyerCancel:
      if (open) to = S::Canceled;
      break;
    case AppointmentMove::Message:
      if (open) to = from;
      break;
  }
  if (!to)
    throw courthub::Conflict("appointment " + std::to_string(id) + " is " +
                             std::string(appointment_state_code(from)) + " (" +
                             std::string(appointment_state_label(from)) + "): " +
                             std::string(refusal(move)));
  return *to;
}

namespace {

AppointmentTime read_time(const Json& body, int64_t now_ms, FieldProblems& p) {
  AppointmentTime t;
  t.start_ms = p.integer(body, "start_ms", "start_ms");
  t.end_ms = p.integer(body, "end_ms", "end_ms");
  if (!p.empty()) return t;
  if (t.end_ms <= t.start_ms) p.add("end_ms", "must be after start_ms");
  else if (t.end_ms - t.start_ms > kLongestMs) p.add("end_ms", "at most 8 hours after start_ms");
  if (t.start_ms < now_ms) p.add("start_ms", "is in the past");
  return t;
}

}  // namespace

AppointmentTime read_appointment_time(const Json& body, int64_t now_ms) {
  FieldProblems p;
  AppointmentTime t = read_time(body, now_ms, p);
  p.throw_if_any();
  return t;
}

AppointmentRequest read_appointment_request(const Json& body, int64_t now_ms) {
  FieldProblems p;
  AppointmentRequest r;
  r.case_id = p.integer(body, "case_id", "case_id");
  r.reason = p.text(body, "reason", "reason", 1, 1000);
  r.mode = p.text(body, "mode", "mode", 1, 20);
  if (!r.mode.empty() && appointment_mode_label(r.mode).empty())
    p.add("mode", "must be in_person, video or phone");
  FieldProblems times;
  r.time = read_time(body, now_ms, times);
  for (auto& [field, problem] : times.fields().items()) p.add(field, problem.get<std::string>());
  p.throw_if_any();
  return r;
}

std::string_view appointment_mode_label(std::string_view mode) {
  if (mode == "in_person") return "当面";
  if (mode == "video") return "视频";
  if (mode == "phone") return "电话";
  return "";
}

}  // namespace lawyers
