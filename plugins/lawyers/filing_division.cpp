// SPDX-License-Identifier: Apache-2.0
#include "filing_division.hpp"

namespace lawyers {

namespace {
constexpr std::string_view kDivisionName = "立案庭";
}

std::optional<courthub::Department> filing_division(const App& app, const std::string& court_code) {
  for (auto& d : app.host.directory().departments(court_code))
    if (d.name == kDivisionName) return d;
  return std::nullopt;
}

bool reviews_filings(const App& app, const courthub::Caller& caller, const std::string& court_code) {
  if (caller.kind == courthub::Caller::Kind::Admin) return true;
  if (!caller.is_staff() || caller.court_code != court_code) return false;
  if (caller.has_role("court_admin")) return true;
  auto division = filing_division(app, court_code);
  if (!division) return false;
  if (caller.dept_id == division->id) return true;
  // A 立案庭 may have sections under it (诉讼服务中心 ...): their staff review too.
  auto departments = app.host.directory().departments(court_code);
  std::string at = caller.dept_id;
  for (int depth = 0; depth < 8 && !at.empty(); ++depth) {
    std::string parent;
    for (auto& d : departments)
      if (d.id == at) parent = d.parent_id;
    if (parent == division->id) return true;
    at = parent;
  }
  return false;
}

void require_filing_reviewer(const App& app, const courthub::Caller& caller,
                             const std::string& court_code) {
  if (!reviews_filings(app, caller, court_code))
    throw courthub::PermissionDenied("filings of " + court_code +
                                     " are reviewed by its 立案庭 and its court_admin only");
}

std::string filing_division_head(const App& app, const std::string& court_code) {
  auto division = filing_division(app, court_code);
  return division ? division->head : std::string();
}

}  // namespace lawyers
