// SPDX-License-Identifier: Apache-2.0
// FilingView: a filing as the lawyer and the 立案庭 see it (the CONTRACT's shape).
// Threading: any handler thread. Errors: courthub::Error from the host (directory, database).
#pragma once

#include <courthub/json.hpp>

#include "app.hpp"
#include "filing_store.hpp"

namespace lawyers {

// `for_court` adds who filed it (lawyer {id, name, firm, licence_no}) for the review pages.
courthub::Json filing_view(const App& app, const FilingRow& f, bool for_court);

}  // namespace lawyers
