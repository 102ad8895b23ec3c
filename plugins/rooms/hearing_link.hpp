// SPDX-License-Identifier: Apache-2.0
// The hearings table as the booking side needs it: one hearing and its booking move together.
// Checking a hearing's booking in opens the hearing (进行中); ending it ends the hearing
// (已结束); POST /hearings/{id}/status does the reverse through the booking desk. Every function
// here runs inside the caller's transaction, so both rows change or neither does.
//
// Threading: free functions over a Sql handle; no state. Errors: courthub::Conflict (409) when
// the hearing cannot take the step its booking is taking (the caller's transaction rolls back).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <courthub/database.hpp>

#include "booking.hpp"
#include "hearing.hpp"

namespace rooms {

// The columns hearing_from_row reads, qualified by the alias `h`.
extern const char* const kHearingColumns;

std::optional<Hearing> hearing_by_id(const courthub::Sql& q, int64_t id);
std::optional<Hearing> hearing_of_booking(const courthub::Sql& q, int64_t booking_id);

// Moves hearing `id` from `from` to `to` if it is still in `from`, stamping `stamp_column`
// (notified_ms, test_passed_ms, started_ms, ended_ms or nullptr) and replacing the note when
// `note` is not empty. Returns false when the hearing was no longer in `from`.
// The change is published (rooms.hearing_changed, hearing_events.hpp) in the same transaction.
bool set_hearing_status(const courthub::Transaction& tx, int64_t id, HearingStatus from, HearingStatus to,
                        const char* stamp_column, int64_t now_ms, const std::string& note);

// Booking `b` has just been checked in (in `tx`): its hearing, if it is one, becomes 进行中.
// Throws Conflict when the hearing is not 已通知 or 测试通过 (nor already 进行中).
void open_hearing_of(const courthub::Transaction& tx, const Booking& b, int64_t now_ms,
                     const std::string& note);
// Booking `b` has just ended (in `tx`): its hearing, if it is one and not final, becomes 已结束.
void end_hearing_of(const courthub::Transaction& tx, const Booking& b, int64_t now_ms,
                    const std::string& note);

}  // namespace rooms
