// SPDX-License-Identifier: Apache-2.0
// The identity part's tables.
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> identity_migrations() { return {}; }

}  // namespace lawyers
