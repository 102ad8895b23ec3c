// SPDX-License-Identifier: Apache-2.0
// Who may see a person's attendance.
#include "person_access.hpp"

#include <set>

namespace attendance {

using courthub::Caller;

bool may_view_person(const courthub::Host& host, const Caller& caller,
                     const courthub::Person& person) {
  if (caller.kind == Caller::Kind::Admin) return true;
  if (!caller.is_staff() || caller.user_id.empty()) return false;
  if (caller.user_id == person.user_id) return true;
  if (caller.court_code != person.court_code) return false;
  if (caller.has_role("court_admin") || caller.has_role("president")) return true;
  // A head (庭长) or leader (分管院领导) of the department or one above it.
  const auto departments = host.directory().departments(person.court_code);
  std::set<std::string> seen;
  std::string at = person.dept_id;
  while (!at.empty() && seen.insert(at).second) {
    const courthub::Department* d = nullptr;
    for (auto& x : departments)
      if (x.id == at) d = &x;
    if (!d) break;
    if (d->head == caller.user_id || d->leader == caller.user_id) return true;
    at = d->parent_id;
  }
  return false;
}

bool administers_court(const Caller& caller, const std::string& court) {
  if (caller.kind == Caller::Kind::Admin) return true;
  return caller.is_staff() && caller.has_role("court_admin") && caller.court_code == court;
}

}  // namespace attendance
