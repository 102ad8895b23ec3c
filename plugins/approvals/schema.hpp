// SPDX-License-Identifier: Apache-2.0
// The plugin database's migrations.
#pragma once

#include <courthub/database.hpp>

#include <vector>

namespace approvals {

const std::vector<courthub::Migration>& migrations();

}  // namespace approvals
