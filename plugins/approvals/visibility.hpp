// SPDX-License-Identifier: Apache-2.0
// Who may see, start and cancel what.
//
// People see the instances they originated, hold (or held) a task in, or were copied on. The
// court's 综合管理员 (court_admin) and its 院长 (president) see every instance of the court and may
// cancel running ones;
// the operator (admin token) sees and may cancel everything. Only the assignee acts on a task.
#pragma once

#include <courthub/calls.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "org.hpp"

namespace approvals {

struct Viewer {
  enum class Kind { kAnonymous, kStaff, kOperator, kSystem };
  Kind kind = Kind::kAnonymous;
  std::string user_id;
  std::string name;
  std::string court_code;
  std::string dept_id;
  std::vector<std::string> roles;

  bool is_staff() const { return kind == Kind::kStaff; }
  bool sees_everything() const { return kind == Kind::kOperator || kind == Kind::kSystem; }
  bool is_court_admin_of(std::string_view court) const;
  // The court's court_admin or its president (院长): both see and may cancel the court's
  // approvals (rooms treats presidents as admins the same way).
  bool oversees(std::string_view court) const;
  Originator as_originator() const { return {user_id, name, court_code, dept_id, roles}; }

  static Viewer of(const courthub::Caller& caller);
};

// How a person is involved in one instance.
struct Involvement {
  bool originator = false;
  bool approver = false;  // has or had a task in it, whatever its status
  bool copied = false;    // on its CC list
};

bool may_view(const Viewer& viewer, std::string_view instance_court, const Involvement& how);
bool may_cancel(const Viewer& viewer, std::string_view instance_court);
// Whether the viewer may list all instances of `court` (GET /instances?court=).
bool may_list_court(const Viewer& viewer, std::string_view court);
// Whether a person may start instances of the template (its may_start roles and courts).
bool may_start(const Template& tpl, const Originator& who);

}  // namespace approvals
