// SPDX-License-Identifier: Apache-2.0
// Reads the directory seed (courts, departments, people) from YAML files and validates it whole.
#pragma once

#include <string>
#include <vector>

#include "host/directory/model.hpp"
#include "host/outcome.hpp"

namespace courthub::directory {

// Reads and cross-checks the seed spread over `files`, in order (typically courts.yaml, then
// staff.yaml; the format is in docs/directory.md). Each file is a mapping whose keys may be
// `courts`, `departments` and `people` (each a sequence), plus `province` and `note`, which are
// ignored. References may point into another file: checks run once everything is read.
//
// On success every Court.dept_id holds the id of that court's root department (the one whose
// parent is null), and the seed order of each list is kept.
//
// Errors: one Outcome with code InvalidArgument whose message lists every problem found, one per
// line, each as "<file>:<line>: <what is wrong>" (line 1-based; after the first 100, a count of
// the rest). Problems: unreadable file or YAML syntax; unknown top-level key or entry field;
// missing or wrongly typed field; unknown level or role; duplicate court code, department id or
// user id; a court's parent court, a department's court or parent department, a person's court
// or department that is unknown or in another court; a head or leader who is not a person of
// that court; a leader on a department that is not a top-level division; a court with no root
// department or with two; departments whose parents form a cycle. When a file cannot be opened
// or parsed, only file-level problems are reported: references into it would all be noise.
//
// Thread-safety: reentrant; it shares nothing between calls.
Expected<Seed> read_seed(const std::vector<std::string>& files);

}  // namespace courthub::directory
