// SPDX-License-Identifier: Apache-2.0
// commands.hpp — placeholder until the rules engineer writes it (see /work/wt/COMMON.md).
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_commands(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
