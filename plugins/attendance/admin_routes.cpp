// SPDX-License-Identifier: Apache-2.0
// Placeholder until the groups engineer writes it (see /work/wt/COMMON.md).
#include "admin_routes.hpp"

namespace attendance {

void register_admin_routes(courthub::Registrar&, courthub::Host&, const Settings&) {}

}  // namespace attendance
