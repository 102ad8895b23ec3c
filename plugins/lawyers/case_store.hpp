// SPDX-License-Identifier: Apache-2.0
// The case registry's rows: reading a case, opening one, assigning it, and moving its stage
// (forward only, each stage stamped once with when and by whom).
//
// Threading: free functions over a Sql handle (a transaction or the database); no state.
// Errors: see each function.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "case_access.hpp"

namespace lawyers {

std::optional<CaseRef> find_case(const courthub::Sql& q, int64_t id);
// By court and normalised number (case_number.hpp's text).
std::optional<CaseRef> find_case_by_number(const courthub::Sql& q, const std::string& court,
                                           const std::string& case_number);

// When each reached stage was reached, by stage; stages not reached are absent.
std::vector<std::pair<CaseStage, int64_t>> reached_stages(const courthub::Sql& q, int64_t case_id);

// Moves the case to `to` when that is forward of its stage, stamping `to` with `at_ms` and `by`.
// Stages it skips stay unstamped: the progress shows no time nobody saw. Returns whether it moved.
bool advance_stage(const courthub::Sql& tx, int64_t case_id, CaseStage to, int64_t at_ms,
                   const std::string& by);

// Sets the judge and clerk (分案); a case still at 立案 reaches 分案.
void assign_case(const courthub::Sql& tx, int64_t case_id, const std::string& judge,
                 const std::string& clerk, int64_t at_ms, const std::string& by);

// Inserts a case at 立案 (or 分案 when it has a judge), recording `by`. Errors: Conflict when the
// court already has that case number.
int64_t insert_case(const courthub::Sql& tx, const NewCase& c, const std::string& by);

}  // namespace lawyers
