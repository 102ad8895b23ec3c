// SPDX-License-Identifier: Apache-2.0
// The high court's administration of lawyers (staff routes under /lawyers): who may do it, the
// list, verify, suspend, reinstate, password reset. Each change is audited; suspend and reset
// end the lawyer's earlier sessions.
//
// Threading: any handler thread. Errors: PermissionDenied (403) for anyone but a court_admin of
// a court whose level is `high`, or the operator; NotFound for an unknown lawyer; Conflict
// (409) for a change the lawyer's state or the registry does not allow, saying why.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include <cstdint>
#include <string>

#include "app.hpp"

namespace lawyers {

void require_lawyer_admin(const App& app, const courthub::Caller& caller);

// {items: [LawyerView + updated_ms]} with `registry` as the registry says now; `state` one of
// pending | verified | suspended or empty; `q` part of a name, licence number or firm.
courthub::Json list_lawyers(const App& app, const std::string& state, const std::string& q);

// Each returns the LawyerView after the change.
courthub::Json verify_lawyer(const App& app, const courthub::Caller& by, int64_t id);
courthub::Json suspend_lawyer(const App& app, const courthub::Caller& by, int64_t id,
                              const std::string& reason);
courthub::Json reinstate_lawyer(const App& app, const courthub::Caller& by, int64_t id,
                                const std::string& reason);
// The new temporary password, shown once; the lawyer signs in with it and changes it.
std::string reset_password(const App& app, const courthub::Caller& by, int64_t id);

}  // namespace lawyers
