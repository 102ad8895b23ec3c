// SPDX-License-Identifier: Apache-2.0
// The court's 立案庭 (case-filing division) as the directory knows it: who reviews a court's
// filings and who hears that one is waiting or overdue.
// Threading: any handler thread. Errors: see each function.
#pragma once

#include <courthub/calls.hpp>

#include <optional>
#include <string>

#include "app.hpp"

namespace lawyers {

// The department named 立案庭 of `court_code`, if the court has one. Errors: host errors only.
std::optional<courthub::Department> filing_division(const App& app, const std::string& court_code);

// Whether `caller` reviews filings of `court_code`: staff of its 立案庭 (department or one below
// it), its court_admin, or the operator (ADMIN). Errors: host errors only.
bool reviews_filings(const App& app, const courthub::Caller& caller, const std::string& court_code);

// Errors: PermissionDenied naming the court unless reviews_filings.
void require_filing_reviewer(const App& app, const courthub::Caller& caller,
                             const std::string& court_code);

// The userid of the 立案庭's head, "" when the court has no 立案庭 or it has no head.
std::string filing_division_head(const App& app, const std::string& court_code);

}  // namespace lawyers
