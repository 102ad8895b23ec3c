// SPDX-License-Identifier: Apache-2.0
// The filings part's tables.
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> filing_migrations() { return {}; }

}  // namespace lawyers
