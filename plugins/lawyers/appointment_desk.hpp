// SPDX-License-Identifier: Apache-2.0
// What each side does with an appointment (联系法官): the lawyer asks for a case they represent,
// accepts the court's proposal, cancels, writes; the case's judge or clerk accepts, proposes
// another time, declines, writes. Every note and message is kept; the judge and clerk get a
// work notice for each request and each word from the lawyer.
//
// Threading: any handler thread; each change is one transaction. Errors: NotFound for an
// appointment the caller may not see (a lawyer's: "no appointment <id> among yours"),
// PermissionDenied for staff not of the case, Conflict naming the state for a move it does not
// allow (appointment.hpp), InvalidArgument with fields for a bad body.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include <optional>
#include <vector>

#include "app.hpp"
#include "appointment_store.hpp"
#include "lawyer_session.hpp"

namespace lawyers {

// --- the lawyer ---
AppointmentRow request_appointment(const App& app, const Lawyer& lawyer,
                                   const courthub::Json& body);
AppointmentRow lawyers_appointment(const App& app, const Lawyer& lawyer, int64_t id);
AppointmentRow accept_proposal(const App& app, const Lawyer& lawyer, int64_t id);
// {reason?}: kept as the lawyer's message.
AppointmentRow cancel_appointment(const App& app, const Lawyer& lawyer, int64_t id,
                                  const courthub::Json& body);
AppointmentRow lawyer_writes(const App& app, const Lawyer& lawyer, int64_t id,
                             const courthub::Json& body);

// --- the court ---
// The appointments of cases `caller` works on (judge, clerk; a court_admin's court; all for
// ADMIN), in `state` when given.
std::vector<AppointmentRow> court_appointments(const App& app, const courthub::Caller& caller,
                                               std::optional<AppointmentState> state);
AppointmentRow courts_appointment(const App& app, const courthub::Caller& caller, int64_t id);
// {note?}
AppointmentRow court_accepts(const App& app, const courthub::Caller& caller, int64_t id,
                             const courthub::Json& body);
// {start_ms, end_ms, note?}
AppointmentRow court_proposes(const App& app, const courthub::Caller& caller, int64_t id,
                              const courthub::Json& body);
// {reason}
AppointmentRow court_declines(const App& app, const courthub::Caller& caller, int64_t id,
                              const courthub::Json& body);
AppointmentRow court_writes(const App& app, const courthub::Caller& caller, int64_t id,
                            const courthub::Json& body);

}  // namespace lawyers
