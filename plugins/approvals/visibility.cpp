// SPDX-License-Identifier: Apache-2.0
// Visibility rules: originator, approvers, CC, the court's court_admin and president, the
// operator.
#include "visibility.hpp"

namespace approvals {

bool Viewer::is_court_admin_of(std::string_view court) const {
  if (kind != Kind::kStaff || court.empty() || court != court_code) return false;
  for (auto& r : roles)
    if (r == "court_admin") return true;
  return false;
}

bool Viewer::oversees(std::string_view court) const {
  if (is_court_admin_of(court)) return true;
  if (kind != Kind::kStaff || court.empty() || court != court_code) return false;
  for (auto& r : roles)
    if (r == kPresident) return true;
  return false;
}

Viewer Viewer::of(const courthub::Caller& caller) {
  Viewer v;
  switch (caller.kind) {
    case courthub::Caller::Kind::Staff: v.kind = Kind::kStaff; break;
    case courthub::Caller::Kind::Admin: v.kind = Kind::kOperator; break;
    case courthub::Caller::Kind::System: v.kind = Kind::kSystem; break;
    default: v.kind = Kind::kAnonymous; break;
  }
  v.user_id = caller.user_id;
  v.name = caller.name.empty() ? caller.user_id : caller.name;
  v.court_code = caller.court_code;
  v.dept_id = caller.dept_id;
  v.roles = caller.roles;
  return v;
}

bool may_view(const Viewer& viewer, std::string_view instance_court, const Involvement& how) {
  if (viewer.sees_everything()) return true;
  if (!viewer.is_staff()) return false;
  return how.originator || how.approver || how.copied ||
         viewer.oversees(instance_court);
}

bool may_cancel(const Viewer& viewer, std::string_view instance_court) {
  return viewer.sees_everything() || viewer.oversees(instance_court);
}

bool may_list_court(const Viewer& viewer, std::string_view court) {
  return viewer.sees_everything() || viewer.oversees(court);
}

bool may_start(const Template& tpl, const Originator& who) {
  if (!tpl.start_roles.empty()) {
    bool any = false;
    for (auto& r : tpl.start_roles) any = any || who.has_role(r);
    if (!any) return false;
  }
  if (!tpl.start_courts.empty()) {
    bool any = false;
    for (auto& c : tpl.start_courts) {
      if (!c.empty() && c.back() == '*')
        any = any || who.court_code.compare(0, c.size() - 1, c, 0, c.size() - 1) == 0;
      else
        any = any || who.court_code == c;
    }
    if (!any) return false;
  }
  return true;
}

}  // namespace approvals
