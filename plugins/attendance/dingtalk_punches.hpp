// SPDX-License-Identifier: Apache-2.0
// dingtalk_punches.hpp — placeholder until the punches engineer writes it (see /work/wt/COMMON.md).
#pragma once

#include <courthub/plugin.hpp>

#include "attendance_settings.hpp"

namespace attendance {

void register_dingtalk_punches(courthub::Registrar& r, courthub::Host& host, const Settings& settings);

}  // namespace attendance
