// SPDX-License-Identifier: Apache-2.0
// Placeholder until the rules engineer writes it (see /work/wt/COMMON.md).
#include "notices.hpp"

namespace attendance {

void register_notices(courthub::Registrar&, courthub::Host&, const Settings&) {}

}  // namespace attendance
