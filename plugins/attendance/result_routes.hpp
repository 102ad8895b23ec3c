// SPDX-License-Identifier: Apache-2.0
// result_routes.hpp — results out: GET /me, GET /results, GET /departments/{dept_id}/day,
// GET /summary, GET /summary.csv and DingTalk's POST /attendance/list (docs/attendance.md
// "Results"). Everything is computed on read through Timesheet.
//
// Who sees what: a person's results — the person, the head or leader of their department or of
// any ancestor department, their court's court_admin or president, the operator. A department —
// its (or an ancestor's) head or leader, the court_admin, the president, the operator.
//
// Threading: any handler thread. Errors: 400 naming the parameter, 403, 404 for unknown people
// and departments.
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_result_routes(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
