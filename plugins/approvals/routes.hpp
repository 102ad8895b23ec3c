// SPDX-License-Identifier: Apache-2.0
// The mini-app API under /apps/approvals/ (docs/approvals.md lists every route).
#pragma once

#include <courthub/plugin.hpp>

#include "context.hpp"

namespace approvals {

void register_routes(courthub::Registrar& r, Context& ctx);

// Reads an id given as a JSON number or decimal text; 0 when absent or malformed.
int64_t id_from(const Json* v);

}  // namespace approvals
