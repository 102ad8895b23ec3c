// SPDX-License-Identifier: Apache-2.0
// Each part's registration: its routes (staff, portal and public), subscriptions and jobs.
// Called once from activate, in this order; each keeps a reference to `app`, which outlives it.
#pragma once

#include <courthub/plugin.hpp>

#include "app.hpp"

namespace lawyers {

void register_identity(courthub::Registrar& r, App& app);  // identity_routes.cpp
void register_cases(courthub::Registrar& r, App& app);     // case_routes.cpp
void register_filings(courthub::Registrar& r, App& app);   // filing_routes.cpp
void register_access(courthub::Registrar& r, App& app);    // access_routes.cpp

}  // namespace lawyers
