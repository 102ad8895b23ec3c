// SPDX-License-Identifier: Apache-2.0
// Who may see and run a court's attendance; the department tree (person_access.hpp).
#include "person_access.hpp"

namespace attendance {

using courthub::Caller;

DeptTree::DeptTree(const courthub::Directory& directory, const std::string& court) {
  for (auto& d : directory.departments(court)) by_id_.emplace(d.id, d);
}

const courthub::Department* DeptTree::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

bool DeptTree::heads(const std::string& user, std::string dept_id) const {
  // Bounded: a directory with a cycle in its parents must not hang a request.
  for (size_t depth = 0; depth <= by_id_.size() && !dept_id.empty(); ++depth) {
    const auto* d = find(dept_id);
    if (!d) return false;
    if (d->head == user || d->leader == user) return true;
    dept_id = d->parent_id;
  }
  return false;
}

std::set<std::string> DeptTree::subtree(const std::string& dept_id) const {
  std::set<std::string> out{dept_id};
  for (bool grew = true; grew;) {
    grew = false;
    for (auto& [id, d] : by_id_)
      if (!out.count(id) && out.count(d.parent_id)) grew = out.insert(id).second;
  }
  return out;
}

bool is_operator(const Caller& caller) { return caller.kind == Caller::Kind::Admin; }

bool runs_court(const Caller& caller, const std::string& court) {
  return caller.is_staff() && caller.court_code == court &&
         (caller.has_role("court_admin") || caller.has_role("president"));
}

bool may_view_person(const courthub::Host& host, const Caller& caller,
                     const courthub::Person& person) {
  if (is_operator(caller)) return true;
  if (!caller.is_staff() || caller.user_id.empty()) return false;
  if (caller.user_id == person.user_id || runs_court(caller, person.court_code)) return true;
  if (caller.court_code != person.court_code) return false;
  return DeptTree(host.directory(), person.court_code).heads(caller.user_id, person.dept_id);
}

bool may_view_department(const Caller& caller, const DeptTree& tree,
                         const courthub::Department& department) {
  if (is_operator(caller) || runs_court(caller, department.court_code)) return true;
  return caller.is_staff() && !caller.user_id.empty() && tree.heads(caller.user_id, department.id);
}

bool administers_court(const Caller& caller, const std::string& court) {
  if (is_operator(caller)) return true;
  return caller.is_staff() && caller.has_role("court_admin") && caller.court_code == court;
}

}  // namespace attendance
