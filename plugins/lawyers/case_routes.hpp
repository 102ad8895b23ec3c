// SPDX-License-Identifier: Apache-2.0
// The cases part's registrations, one file each; register_cases (case_routes.cpp) calls them.
// Each keeps a reference to `app`, which outlives it.
#pragma once

#include <courthub/plugin.hpp>

#include "app.hpp"

namespace lawyers {

// Staff: POST/GET /cases, GET /cases/{id}, POST /cases/{id}/assign, /stage (case_staff_routes.cpp).
void register_case_staff_routes(courthub::Registrar& r, App& app);
// Lawyers ask, the court decides (representation_routes.cpp).
void register_representation_routes(courthub::Registrar& r, App& app);
// The lawyer's case space and unavailability (case_portal_routes.cpp).
void register_case_portal_routes(courthub::Registrar& r, App& app);
// rooms' hearing events and GET /conflicts (hearing_routes.cpp).
void register_hearing_routes(courthub::Registrar& r, App& app);

}  // namespace lawyers
