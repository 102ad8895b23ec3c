// SPDX-License-Identifier: Apache-2.0
// The 立案庭's side of a filing: accept (a case is opened with its 案号, in the same
// transaction), return for correction (补正) with what is missing, or refuse with a reason.
//
// Threading: any handler thread; each decision is one transaction. Errors: see each function.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/json.hpp>

#include <cstdint>

#include "app.hpp"
#include "filing_store.hpp"

namespace lawyers {

// The filing if `caller` reviews filings of its court. Errors: NotFound for an unknown id;
// PermissionDenied for anyone else (filing_division.hpp).
FilingRow reviewable_filing(const App& app, const courthub::Caller& caller, int64_t id);

struct Acceptance {
  int64_t case_id = 0;
  std::string case_number;
};

// POST /filings/{id}/accept {case_number?, judge?, clerk?}: the filing becomes accepted and a
// case is opened through open_case (the filer represents it), both or neither. Errors: as
// reviewable_filing; Conflict naming the state, or when the court already has that number;
// InvalidArgument with fields for a bad number, a judge or clerk not of that court, or a court
// without 案号代字 and no number given.
Acceptance accept_filing(const App& app, const courthub::Caller& caller, int64_t id,
                         const courthub::Json& body);

// POST /filings/{id}/return {missing: [..], note}. Errors: as reviewable_filing; Conflict;
// InvalidArgument with fields when nothing is said missing.
FilingRow return_filing(const App& app, const courthub::Caller& caller, int64_t id,
                        const courthub::Json& body);

// POST /filings/{id}/refuse {reason}. Errors: as reviewable_filing; Conflict; InvalidArgument
// with fields without a reason.
FilingRow refuse_filing(const App& app, const courthub::Caller& caller, int64_t id,
                        const courthub::Json& body);

}  // namespace lawyers
