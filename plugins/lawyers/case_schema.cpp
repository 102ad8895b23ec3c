// SPDX-License-Identifier: Apache-2.0
// The cases part's tables.
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> case_migrations() { return {}; }

}  // namespace lawyers
