// SPDX-License-Identifier: Apache-2.0
// The plugin database's migrations, in order.
#pragma once

#include <vector>

#include <courthub/database.hpp>

namespace rooms {

std::vector<courthub::Migration> migrations();

}  // namespace rooms
