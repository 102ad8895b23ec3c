// SPDX-License-Identifier: Apache-2.0
// punch_routes.hpp — the punches' HTTP API under /apps/attendance (docs/attendance.md):
//   POST /punches          the caller's check-in at the host's time → 201 {"punch","day"}
//   GET  /punches          ?user_id=&date= (default: the caller, today) → {"punches":[punch]}
//   POST /machine-records  attendance-machine records (court_admin, operator) → {"accepted",
//                          "duplicates"}
//
// Threading: handlers run on any handler thread, concurrently; they keep no state.
// Errors: 400 naming the field, 403, 404 (unknown person), 409 {"error":{"code":"not_in_group"|
// "outside_not_allowed","message":<Chinese>}}.
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_punch_routes(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
