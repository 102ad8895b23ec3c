// SPDX-License-Identifier: Apache-2.0
// schema.hpp — the plugin database's migrations, in order.
//
// Versions 1–9 are the cases and imports (schema.cpp); 10–19 belong to the history tables of the
// boards; 20 and up are free. Threading: a pure function. Errors: none.
#pragma once

#include <vector>

#include <courthub/database.hpp>

namespace board {

std::vector<courthub::Migration> migrations();

}  // namespace board
