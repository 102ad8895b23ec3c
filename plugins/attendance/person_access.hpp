// SPDX-License-Identifier: Apache-2.0
// person_access.hpp — who may see and run a court's attendance (docs/attendance.md
// "Permissions"), and the department tree those answers walk.
//
// A person's punches and results: the person, the head or leader (庭长 / 分管院领导) of their
// department or of any department above it, their court's court_admin or president, and the
// operator (the admin token). A department's: its heads and leaders and those above, the court's
// court_admin or president, the operator. A court's groups, shifts, rosters and machine records:
// its court_admin and the operator.
//
// Threading: any handler thread. Errors: courthub::Error from the directory.
#pragma once

#include <map>
#include <set>
#include <string>

#include <courthub/calls.hpp>
#include <courthub/host.hpp>

namespace attendance {

// One court's departments, read once from the directory, to walk up and down.
class DeptTree {
 public:
  DeptTree(const courthub::Directory& directory, const std::string& court);
  const courthub::Department* find(const std::string& id) const;  // nullptr if unknown
  // Whether `user` is the head or leader of `dept_id` or of a department above it.
  bool heads(const std::string& user, std::string dept_id) const;
  // `dept_id` and every department below it.
  std::set<std::string> subtree(const std::string& dept_id) const;
  const std::map<std::string, courthub::Department>& all() const { return by_id_; }

 private:
  std::map<std::string, courthub::Department> by_id_;
};

bool is_operator(const courthub::Caller& caller);
// The court's court_admin or president (they see the whole court's attendance).
bool runs_court(const courthub::Caller& caller, const std::string& court);

bool may_view_person(const courthub::Host& host, const courthub::Caller& caller,
                     const courthub::Person& person);
bool may_view_department(const courthub::Caller& caller, const DeptTree& tree,
                         const courthub::Department& department);

// The court_admin of `court` or the operator: may import machine records and edit the court's
// groups, shifts and rosters. Nobody else.
bool administers_court(const courthub::Caller& caller, const std::string& court);

}  // namespace attendance
