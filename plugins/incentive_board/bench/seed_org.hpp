// SPDX-License-Identifier: Apache-2.0
// The board's Org read straight from directory seed files (courts.yaml, staff.yaml, …), for the
// tools that run without a host: the case generator's command line and the bench.
#pragma once

#include <string>
#include <vector>

#include "org.hpp"

namespace board {

// Reads `courts` (code, name, level, kind) and `people` (id, name, court, roles) from each file,
// other keys are skipped, and builds the Org with org_from, as the plugin does from the host's
// directory. No cross-checks: the host's seed reader does those.
// Threading: reentrant. Errors: throws std::runtime_error naming the file when one cannot be
// read or a court/person entry lacks code/level or id/court (yaml-cpp's message included).
Org org_from_seed(const std::vector<std::string>& files);

}  // namespace board
