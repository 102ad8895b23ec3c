// SPDX-License-Identifier: Apache-2.0
// routes.hpp — the one place that registers everything the plugin answers: the parts' routes,
// events, robot commands and jobs.
//
// Threading: called once from activate(); the handlers it registers run on any host thread.
// Ownership: `settings` must outlive the registrations (the plugin class owns it).
// Errors: throws courthub::Error when the host refuses a registration.
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_everything(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
