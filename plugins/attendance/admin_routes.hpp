// SPDX-License-Identifier: Apache-2.0
// admin_routes.hpp — the court admin's API for attendance groups, shifts and duty rosters
// (docs/attendance.md "Admin API"): GET/POST /admin/groups, PUT/DELETE /admin/groups/{id},
// GET/POST /admin/shifts, PUT /admin/shifts/{id}, GET/PUT /admin/groups/{id}/roster.
//
// Who: the court_admin of the group's (shift's) court, and the operator; everyone else 403.
// Threading: handlers run on any host thread; each reads or writes in its own transaction.
// Errors: 400 with {"fields":[{"field","message"}]} naming every bad field, 403, 404, 409 for a
// taken id or a person/department already in another group (details name them).
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_admin_routes(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
