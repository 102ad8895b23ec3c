// SPDX-License-Identifier: Apache-2.0
// group_json.hpp — groups and shifts as JSON: the settings' YAML keys, the admin API's bodies,
// the database's `body` column and what the pages show are one shape (docs/attendance.md).
//
// Pure: any thread. Errors: the readers add (JSON pointer, English message) problems, with
// `at` (the pointer of the object read) as their prefix, and never throw.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <courthub/json.hpp>

#include "group.hpp"
#include "shift.hpp"

namespace attendance {

using JsonProblems = std::vector<std::pair<std::string, std::string>>;

// {"id","name","court","sections":["08:30-12:00"],"flex_minutes","serious_late_minutes",
//  "absent_late_minutes","on_window_before","off_window_after"}; missing settings take the rules
// doc's defaults. Includes shift_problem(). Unknown keys are problems.
Shift read_shift(const courthub::Json& j, const std::string& at, JsonProblems& problems);
courthub::Json shift_json(const Shift& s);

// {"id","court","name","type","shift","shifts","members":{"departments","users"},"locations",
//  "wifis","outside":{"allowed","approval","remark_required"},"skip_holidays","managed_by"}.
// Department ids may be written as numbers. Includes group_problems(). `managed_by` is read
// when present, else "settings". Unknown keys are problems.
Group read_group(const courthub::Json& j, const std::string& at, JsonProblems& problems);
courthub::Json group_json(const Group& g);

// {"allowed","approval","remark_required"} into `rule` (missing keys keep its values).
void read_outside(const courthub::Json& j, const std::string& at, OutsideRule& rule,
                  JsonProblems& problems);
courthub::Json outside_json(const OutsideRule& rule);

}  // namespace attendance
