// SPDX-License-Identifier: Apache-2.0
// admin_routes.hpp — placeholder until the groups engineer writes it (see /work/wt/COMMON.md).
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_admin_routes(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
