// SPDX-License-Identifier: Apache-2.0
// The WHERE clause of a court desk's list (filings, appointments): by court and state, each
// optional, with its bound parameters. Statements stay in the stores; only this part is shared.
#pragma once

#include <courthub/database.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawyers {

struct RowFilter {
  std::string where;                      // "WHERE 1 = 1 AND court_code = ? AND state = ?"
  std::vector<courthub::Value> params;
};

// Rows of `court` (any court when empty) in `state` (any state when nullopt); the table must
// have court_code and state columns.
inline RowFilter court_and_state(const std::string& court,
                                 std::optional<std::string_view> state) {
  RowFilter f{"WHERE 1 = 1", {}};
  if (!court.empty()) {
    f.where += " AND court_code = ?";
    f.params.emplace_back(court);
  }
  if (state) {
    f.where += " AND state = ?";
    f.params.emplace_back(std::string(*state));
  }
  return f;
}

}  // namespace lawyers
