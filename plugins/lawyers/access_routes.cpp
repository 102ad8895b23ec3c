// SPDX-License-Identifier: Apache-2.0
#include "routes.hpp"

namespace lawyers {

void register_access(courthub::Registrar&, App&) {}

}  // namespace lawyers
