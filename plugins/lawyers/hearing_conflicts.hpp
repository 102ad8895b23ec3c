// SPDX-License-Identifier: Apache-2.0
// 排期避让: whether the confirmed lawyers of a case can attend a hearing of it — their hearings
// in their other cases at any court (with the travel buffer between courts) and the times they
// registered as unavailable. Names the lawyer, the other court and the time; never the other
// case (its number or parties belong to someone else's representation).
//
// Threading: any handler thread; reads only. Errors: courthub::Error from the host.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"

namespace lawyers {

struct ScheduleConflict {
  int64_t lawyer_id = 0;
  std::string lawyer_name;
  std::string kind;  // "hearing" | "unavailable"
  std::string court_code, court_name;  // empty for "unavailable"
  int64_t start_ms = 0, end_ms = 0;
};

struct ProposedHearing {
  std::string court_code, case_number;
  int64_t start_ms = 0, end_ms = 0;
  int64_t hearing_id = 0;  // the mirrored hearing being checked (never its own conflict), or 0
};

// The conflicts of `hearing`, by lawyer then time. None when the case is not registered here.
std::vector<ScheduleConflict> find_conflicts(const App& app, const ProposedHearing& hearing);

// Sends the case's judge and clerk (and `also`: the hearing's own, from rooms) one work notice
// listing `conflicts` through `outbox` (the host's, or one bound to a transaction with
// Outbox::in), keyed by hearing and time so a redelivered event sends it once. Does nothing when
// `conflicts` is empty.
void notify_conflicts(const App& app, const ProposedHearing& hearing,
                      const std::vector<ScheduleConflict>& conflicts,
                      const std::vector<std::string>& also, const courthub::Outbox& outbox);

}  // namespace lawyers
