// SPDX-License-Identifier: Apache-2.0
// approval_link.hpp — placeholder until the results engineer writes it (see /work/wt/COMMON.md).
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_approval_link(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
