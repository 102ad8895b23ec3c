// SPDX-License-Identifier: Apache-2.0
// Who may see a case (cases part): the representation guard for lawyers, the case's own staff
// for the court side. Every case-scoped route starts here.
//
// Threading: any handler thread. Errors: see each function.
#pragma once

#include <courthub/calls.hpp>
#include <courthub/database.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"
#include "lawyer_session.hpp"

namespace lawyers {

// Stages, in order: filed 立案, assigned 分案, scheduled 排期, heard 开庭, decided 宣判,
// served 送达, archived 归档.
enum class CaseStage { Filed, Assigned, Scheduled, Heard, Decided, Served, Archived };

struct CaseRef {
  int64_t id = 0;
  std::string court_code, case_number, cause, case_type;
  std::string judge, clerk;  // userids, may be empty before 分案
  CaseStage stage = CaseStage::Filed;
};

// The case if `lawyer` holds a CONFIRMED representation of it. Errors: NotFound "no case <id>
// among yours" otherwise — the same answer when the case does not exist, so ids are not
// confirmed to anyone who guesses them.
CaseRef require_represented_case(const App& app, const Lawyer& lawyer, int64_t case_id);

// The case if `caller` is its judge or clerk, a court_admin of its court, or ADMIN.
// Errors: NotFound for an unknown case, PermissionDenied otherwise.
CaseRef require_case_staff(const App& app, const courthub::Caller& caller, int64_t case_id);

// The lawyers holding a confirmed representation of the case, by id ascending.
std::vector<int64_t> confirmed_lawyers(const courthub::Database& db, int64_t case_id);
// The same inside a transaction.
std::vector<int64_t> confirmed_lawyers(const courthub::Sql& q, int64_t case_id);

// Whether `caller` is the case's judge or clerk, a court_admin of its court, or ADMIN.
bool is_case_staff(const courthub::Caller& caller, const CaseRef& c);

// Whether `caller` works in the 立案庭 of `court` (a member of that court's department named
// 立案庭), is a court_admin of that court, or is ADMIN: who opens cases and assigns them (分案).
bool is_filing_office(const App& app, const courthub::Caller& caller, const std::string& court);

// A case the court opens (filings' accept): stage 立案; when `filer` is set, the filer's
// representation is recorded confirmed (the 立案庭 checked the authority documents).
struct NewCase {
  std::string court_code, case_number, cause, case_type, judge, clerk;
  int64_t filer = 0;        // lawyer id, 0 = none
  std::string party;        // whom the filer represents
  std::string party_role;   // 原告 ...
  int64_t at_ms = 0;
};
// Inside the caller's transaction. Errors: Conflict when the court already has that number.
int64_t open_case(courthub::Sql& tx, const NewCase& c);

}  // namespace lawyers
