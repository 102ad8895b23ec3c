// SPDX-License-Identifier: Apache-2.0
// Placeholder until the rules engineer writes it (see /work/wt/COMMON.md).
#include "commands.hpp"

namespace attendance {

void register_commands(courthub::Registrar&, courthub::Host&, const Settings&) {}

}  // namespace attendance
