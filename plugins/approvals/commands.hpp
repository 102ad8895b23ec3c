// SPDX-License-Identifier: Apache-2.0
// Robot commands (approvals, approve, refuse, approval) and the task card's buttons.
#pragma once

#include <courthub/plugin.hpp>

#include "context.hpp"

namespace approvals {

void register_commands(courthub::Registrar& r, Context& ctx);
void register_card_actions(courthub::Registrar& r, Context& ctx);

}  // namespace approvals
