// SPDX-License-Identifier: Apache-2.0
// The lawyer's side of a filing: submit, resubmit after 补正, withdraw, and finding one's own.
//
// Threading: any handler thread; each change is one transaction. Errors: see each function.
#pragma once

#include <courthub/json.hpp>

#include <cstdint>

#include "app.hpp"
#include "filing_store.hpp"
#include "lawyer_session.hpp"

namespace lawyers {

// The lawyer's filing. Errors: NotFound "no filing <id> among yours" for one of another lawyer
// too, so ids are not confirmed.
FilingRow lawyers_filing(const App& app, const Lawyer& lawyer, int64_t id);

// POST /portal/filings: checks the form (every file must be an upload of the lawyer's), stores
// the filing as submitted with its due time, and tells the 立案庭 head in the same
// transaction. Errors: InvalidArgument with fields (an unknown court included).
FilingRow submit_filing(const App& app, const Lawyer& lawyer, const courthub::Json& body);

// POST /portal/filings/{id}/resubmit: the corrected form (same court) of a returned filing;
// due again decision_days on. Errors: as submit_filing; NotFound; Conflict naming the state.
FilingRow resubmit_filing(const App& app, const Lawyer& lawyer, int64_t id,
                          const courthub::Json& body);

// POST /portal/filings/{id}/withdraw. Errors: NotFound; Conflict naming the state.
FilingRow withdraw_filing(const App& app, const Lawyer& lawyer, int64_t id);

}  // namespace lawyers
