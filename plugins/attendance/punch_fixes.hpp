// SPDX-License-Identifier: Apache-2.0
// punch_fixes.hpp — POST /punch-fixes: a person asks for a 补卡 of one of their own checks. The
// month's cap (settings.punch_fix_per_month, agreed + pending) is checked here; the request is
// stored and the approvals plugin asked to open a `punch_fix` instance in the same transaction.
//
// Threading: any handler thread. Errors: 400 naming the field, 403 for a non-staff caller, 409
// with a Chinese message when the cap is reached or the day has no such check.
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_punch_fixes(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
