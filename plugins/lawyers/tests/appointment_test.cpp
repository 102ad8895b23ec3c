// SPDX-License-Identifier: Apache-2.0
// The appointment's state machine and the request a lawyer sends.
#include <gtest/gtest.h>

#include <courthub/error.hpp>

#include "appointment.hpp"

namespace lawyers {
namespace {

using courthub::Json;
using M = AppointmentMove;
using S = AppointmentState;

constexpr int64_t kNow = 1'796'000'000'000;
constexpr int64_t kHour = 3600LL * 1000;

bool refused(S from, M move) {
  try {
    next_appointment_state(1, from, move);
    return false;
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::Conflict);
    return true;
  }
}

TEST(AppointmentStates, TheCourtAnswersARequest) {
  EXPECT_EQ(next_appointment_state(1, S::Requested, M::CourtAccept), S::Accepted);
  EXPECT_EQ(next_appointment_state(1, S::Requested, M::CourtPropose), S::Proposed);
  EXPECT_EQ(next_appointment_state(1, S::Requested, M::CourtDecline), S::Declined);
}

TEST(AppointmentStates, TheLawyerAcceptsOnlyAProposal) {
  EXPECT_EQ(next_appointment_state(1, S::Proposed, M::LawyerAccept), S::Accepted);
  EXPECT_TRUE(refused(S::Requested, M::LawyerAccept));
  EXPECT_TRUE(refused(S::Accepted, M::LawyerAccept));
}

TEST(AppointmentStates, TheCourtDoesNotAcceptItsOwnProposalOrDeclineASettledTime) {
  EXPECT_TRUE(refused(S::Proposed, M::CourtAccept));
  EXPECT_TRUE(refused(S::Accepted, M::CourtDecline));
  EXPECT_EQ(next_appointment_state(1, S::Proposed, M::CourtPropose), S::Proposed);
  EXPECT_EQ(next_appointment_state(1, S::Accepted, M::CourtPropose), S::Proposed);
}

TEST(AppointmentStates, TheLawyerCancelsWhatIsOpen) {
  for (auto s : {S::Requested, S::Proposed, S::Accepted})
    EXPECT_EQ(next_appointment_state(1, s, M::LawyerCancel), S::Canceled);
}

TEST(AppointmentStates, NothingMovesOnceDeclinedOrCanceled) {
  for (auto s : {S::Declined, S::Canceled})
    for (auto m : {M::CourtAccept, M::CourtPropose, M::CourtDecline, M::LawyerAccept,
                   M::LawyerCancel, M::Message})
      EXPECT_TRUE(refused(s, m));
}

TEST(AppointmentStates, AMessageKeepsTheState) {
  for (auto s : {S::Requested, S::Proposed, S::Accepted})
    EXPECT_EQ(next_appointment_state(1, s, M::Message), s);
}

TEST(AppointmentStates, TheRefusalNamesTheState) {
  try {
    next_appointment_state(9, S::Declined, M::LawyerCancel);
    FAIL();
  } catch (const courthub::Error& e) {
    EXPECT_NE(std::string(e.what()).find("appointment 9 is declined (已拒绝)"), std::string::npos)
        << e.what();
  }
}

Json request_body() {
  return Json::object({{"case_id", 3},
                       {"reason", "沟通调解方案"},
                       {"mode", "video"},
                       {"start_ms", kNow + 24 * kHour},
                       {"end_ms", kNow + 25 * kHour}});
}

TEST(AppointmentRequest, AValidRequest) {
  auto r = read_appointment_request(request_body(), kNow);
  EXPECT_EQ(r.case_id, 3);
  EXPECT_EQ(r.mode, "video");
  EXPECT_EQ(r.time.end_ms - r.time.start_ms, kHour);
}

TEST(AppointmentRequest, BadTimesAndModeAreNamed) {
  Json body = request_body();
  body["mode"] = "wechat";
  body["start_ms"] = kNow - kHour;
  body["end_ms"] = kNow - 2 * kHour;
  body.erase("reason");
  try {
    read_appointment_request(body, kNow);
    FAIL();
  } catch (const courthub::Error& e) {
    const Json& fields = e.details()["fields"];
    EXPECT_TRUE(fields.contains("mode")) << fields.dump();
    EXPECT_TRUE(fields.contains("start_ms")) << fields.dump();
    EXPECT_TRUE(fields.contains("end_ms")) << fields.dump();
    EXPECT_TRUE(fields.contains("reason")) << fields.dump();
  }
}

TEST(AppointmentRequest, AtMostEightHours) {
  Json body = request_body();
  body["end_ms"] = kNow + 24 * kHour + 9 * kHour;
  EXPECT_THROW(read_appointment_request(body, kNow), courthub::Error);
}

}  // namespace
}  // namespace lawyers
