// SPDX-License-Identifier: Apache-2.0
// schema.hpp — the plugin database's migrations, in order (schema.cpp says what each table is).
// Threading: a pure function. Errors: none.
#pragma once

#include <vector>

#include <courthub/database.hpp>

namespace attendance {

std::vector<courthub::Migration> migrations();

}  // namespace attendance
