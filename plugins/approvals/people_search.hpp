// SPDX-License-Identifier: Apache-2.0
// The person picker's search: people of the directory by name or userid, the caller's court first.
#pragma once

#include <courthub/host.hpp>

#include <string>

namespace approvals {

// {"people": [{user_id, name, title, court_code, court_name, dept_name}]}: people whose name or
// title contains `q` or whose userid starts with it (ASCII case ignored), those of `court_code` first,
// then (only when `q` is not empty) other courts; at most `limit`. An empty `q` lists the court.
// Throws courthub::Error when the directory cannot answer.
courthub::Json search_people(const courthub::Directory& directory, const std::string& court_code,
                             const std::string& q, size_t limit);

}  // namespace approvals
