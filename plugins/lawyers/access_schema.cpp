// SPDX-License-Identifier: Apache-2.0
// The access part's tables.
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> access_migrations() { return {}; }

}  // namespace lawyers
