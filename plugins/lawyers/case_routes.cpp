// SPDX-License-Identifier: Apache-2.0
#include "routes.hpp"

namespace lawyers {

void register_cases(courthub::Registrar&, App&) {}

}  // namespace lawyers
