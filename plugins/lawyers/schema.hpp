// SPDX-License-Identifier: Apache-2.0
// The plugin's migrations, in version order. Each part owns a block of versions and lists its
// own in <part>_schema.cpp: identity 10-19, cases 20-29, filings and appointments 30-39, access
// and service 40-49. SQL follows the portable subset (docs/lawyers.md, "Storage").
#pragma once

#include <courthub/database.hpp>

#include <vector>

namespace lawyers {

std::vector<courthub::Migration> identity_migrations();
std::vector<courthub::Migration> case_migrations();
std::vector<courthub::Migration> filing_migrations();
std::vector<courthub::Migration> access_migrations();

// Every part's migrations, ascending.
std::vector<courthub::Migration> migrations();

}  // namespace lawyers
