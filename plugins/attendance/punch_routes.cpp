// SPDX-License-Identifier: Apache-2.0
// Placeholder until the punches engineer writes it (see /work/wt/COMMON.md).
#include "punch_routes.hpp"

namespace attendance {

void register_punch_routes(courthub::Registrar&, courthub::Host&, const Settings&) {}

}  // namespace attendance
