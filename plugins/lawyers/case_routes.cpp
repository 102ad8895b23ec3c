// SPDX-License-Identifier: Apache-2.0
// The cases part: the case registry, representations and their guard, the case space, the
// hearings mirror and hearing conflicts.
#include "case_routes.hpp"

#include "routes.hpp"

namespace lawyers {

void register_cases(courthub::Registrar& r, App& app) {
  register_case_staff_routes(r, app);
  register_representation_routes(r, app);
  register_case_portal_routes(r, app);
  register_hearing_routes(r, app);
}

}  // namespace lawyers
