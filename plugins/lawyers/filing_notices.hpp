// SPDX-License-Identifier: Apache-2.0
// Work notices to the 立案庭 head: a filing is waiting (new or corrected), or its decision is
// overdue. Action cards that open the court's review page at the filing.
//
// Threading: any handler thread. Errors: courthub::Error from the host.
#pragma once

#include <courthub/database.hpp>

#include <string>

#include "app.hpp"
#include "filing_store.hpp"

namespace lawyers {

// The action card for the 立案庭 head; `overdue` picks the overdue wording. No errors.
courthub::Message filing_notice(const App& app, const FilingRow& f, const std::string& court_name,
                                const std::string& lawyer_name, bool overdue);

// Queues, inside `tx`, the notice that `f` (just submitted or resubmitted) waits for review.
// Nothing when the court has no 立案庭 head (logged).
void notify_filing_waiting(const App& app, const courthub::Transaction& tx, const FilingRow& f,
                           const std::string& lawyer_name);

// The hourly job: one notice per overdue filing and submission, to its court's 立案庭 head.
// Returns how many were queued.
int send_overdue_notices(App& app);

}  // namespace lawyers
