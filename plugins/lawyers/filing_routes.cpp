// SPDX-License-Identifier: Apache-2.0
#include "routes.hpp"

namespace lawyers {

void register_filings(courthub::Registrar&, App&) {}

}  // namespace lawyers
