// SPDX-License-Identifier: Apache-2.0
// The appointments' routes (联系法官): /portal/appointments... for the lawyer,
// /appointments... for the case's judge and clerk. Registered by register_filings.
#pragma once

#include <courthub/plugin.hpp>

#include "app.hpp"

namespace lawyers {

void register_appointment_routes(courthub::Registrar& r, App& app);

}  // namespace lawyers
