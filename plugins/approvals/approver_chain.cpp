// SPDX-License-Identifier: Apache-2.0
// Approver chain resolution: conditions, branches, the directory, de-duplication.
#include "approver_chain.hpp"

#include "condition.hpp"

namespace json = courthub::json;

namespace approvals {
namespace {

Approver approver_of(const courthub::Person& p) { return {p.user_id, p.name}; }

void add_unique(std::vector<Approver>& to, const Approver& a) {
  for (auto& x : to)
    if (x.user_id == a.user_id) return;
  to.push_back(a);
}

// The originator's department and the chain of its ancestors, nearest first.
std::vector<const courthub::Department*> department_path(
    const std::vector<courthub::Department>& all, const std::string& dept_id) {
  std::vector<const courthub::Department*> path;
  std::string id = dept_id;
  while (!id.empty() && path.size() < 32) {
    const courthub::Department* found = nullptr;
    for (auto& d : all)
      if (d.id == id) found = &d;
    if (!found) break;
    path.push_back(found);
    id = found->parent_id;
  }
  return path;
}

}  // namespace

std::string role_label(std::string_view role) {
  if (role == "president") return "院长";
  if (role == "vice_president") return "副院长";
  if (role == "division_head") return "庭长";
  if (role == "division_leader") return "分管院领导";
  if (role == "deputy_division_head") return "副庭长";
  if (role == "judge") return "审判员";
  if (role == "assistant_judge") return "法官助理";
  if (role == "clerk") return "书记员";
  if (role == "court_admin") return "综合管理员";
  if (role == "staff") return "科员";
  return std::string(role);
}

std::string ApprovalChain::default_label(const RecipientSpec& spec) {
  switch (spec.kind) {
    case RecipientKind::kSupervisor:
      return spec.level == 1 ? "直属主管" : "第" + std::to_string(spec.level) + "级主管";
    case RecipientKind::kRole: return role_label(spec.role);
    case RecipientKind::kOriginatorChoice: return "发起人自选";
    case RecipientKind::kPerson: return "指定成员";
  }
  return "";
}

std::vector<Approver> ApprovalChain::people(const RecipientSpec& spec) {
  std::vector<Approver> out;
  switch (spec.kind) {
    case RecipientKind::kPerson:
      for (auto& id : spec.users) {
        // A configured person who has left is skipped like any vacancy; the name comes from
        // the directory so the plan reads well.
        if (auto p = org_.person(id)) add_unique(out, approver_of(*p));
      }
      break;
    case RecipientKind::kSupervisor: {
      auto chain = org_.supervisors(originator_.user_id);
      if (spec.level >= 1 && static_cast<size_t>(spec.level) <= chain.size())
        out.push_back(approver_of(chain[spec.level - 1]));
      break;
    }
    case RecipientKind::kRole: {
      if (spec.role == kDivisionHead || spec.role == kDivisionLeader) {
        auto departments = org_.departments(originator_.court_code);
        auto path = department_path(departments, originator_.dept_id);
        std::string who;
        if (spec.role == kDivisionHead) {
          if (!path.empty()) who = path.front()->head;
        } else if (path.size() >= 2) {
          // path.back() is the court's root; the one below it is the top-level division.
          who = path[path.size() - 2]->leader;
        }
        if (!who.empty())
          if (auto p = org_.person(who)) out.push_back(approver_of(*p));
        break;
      }
      for (auto& p : org_.people_with_role(originator_.court_code, spec.role))
        add_unique(out, approver_of(p));
      break;
    }
    case RecipientKind::kOriginatorChoice:
      break;
  }
  return out;
}

std::vector<Approver> ApprovalChain::chosen(const RecipientSpec& spec, const Json& choices,
                                            std::vector<FieldError>& errors) {
  std::string field = "approvers." + spec.key;
  std::string label = spec.label.empty() ? default_label(spec) : spec.label;
  const Json* picked = choices.is_object() ? json::find(choices, spec.key) : nullptr;
  std::vector<std::string> ids;
  if (picked && picked->is_string() && !picked->get<std::string>().empty()) {
    ids.push_back(picked->get<std::string>());
  } else if (picked && picked->is_array()) {
    for (auto& v : *picked) {
      if (!v.is_string() || v.get<std::string>().empty()) {
        errors.push_back({field, label + " must be a list of userids"});
        return {};
      }
      ids.push_back(v.get<std::string>());
    }
  } else if (picked && !picked->is_null()) {
    errors.push_back({field, label + " must be a userid or a list of userids"});
    return {};
  }
  if (ids.empty()) {
    errors.push_back({field, label + " is required: choose who approves this step"});
    return {};
  }
  if (spec.mode == StepMode::kSingle && ids.size() > 1) {
    errors.push_back({field, label + " takes exactly one person"});
    return {};
  }
  std::vector<Approver> out;
  for (auto& id : ids) {
    if (id == originator_.user_id) {
      errors.push_back({field, label + ": you cannot approve your own request"});
      continue;
    }
    auto p = org_.person(id);
    if (!p) {
      errors.push_back({field, label + ": no person '" + id + "' in the directory"});
      continue;
    }
    add_unique(out, approver_of(*p));
  }
  return out;
}

std::vector<Approver> ApprovalChain::cc_people(const RecipientSpec& spec) {
  std::vector<Approver> out;
  for (auto& a : people(spec))
    if (a.user_id != originator_.user_id) add_unique(out, a);
  return out;
}

ResolvedChain ApprovalChain::resolve(const Json& form, const Json& choices) {
  ResolvedChain out;
  // Which steps apply, in order.
  std::vector<const RecipientSpec*> steps;
  auto evaluate = [&](const std::optional<Condition>& when) {
    if (!when) return true;
    read_fields(*when, out.condition_fields);
    return holds(*when, form);
  };
  auto reach = [&](const RecipientSpec& s) {
    bool applies = evaluate(s.when);
    out.reached.push_back({&s, applies ? static_cast<int>(steps.size()) + 1 : 0});
    if (applies) steps.push_back(&s);
  };
  for (auto& item : tpl_.chain) {
    if (item.step) {
      reach(*item.step);
      continue;
    }
    for (auto& branch : item.branches) {
      if (!evaluate(branch.when)) continue;
      for (auto& s : branch.steps) reach(s);
      break;
    }
  }

  // Choices for keys the template does not have are a client mistake worth naming.
  if (choices.is_object()) {
    auto declared = tpl_.choice_steps();
    for (auto& [key, _] : choices.items()) {
      bool known = false;
      for (auto* s : declared) known = known || s->key == key;
      if (!known)
        out.errors.push_back({"approvers." + key, "this template has no approver choice '" +
                                                      key + "'"});
    }
  } else if (!choices.is_null()) {
    out.errors.push_back({"approvers", "approvers must be an object {\"<key>\": [userids]}"});
  }

  // Someone in several steps stays in each: the instance skips them only once they have agreed
  // (InstanceMachine), so a person listed in an earlier 或签 who did not act is still asked.
  int next_id = 1;
  for (auto* spec : steps) {
    PlanStep step;
    step.id = next_id++;
    step.label = spec->label.empty() ? default_label(*spec) : spec->label;
    step.mode = spec->mode;
    step.editable = spec->editable;
    auto candidates = spec->kind == RecipientKind::kOriginatorChoice
                          ? chosen(*spec, choices, out.errors)
                          : people(*spec);
    for (auto& a : candidates) {
      if (a.user_id == originator_.user_id) continue;
      step.approvers.push_back(a);
    }
    // A single step that found several people (two presidents) lets the first decide.
    if (step.mode == StepMode::kSingle && step.approvers.size() > 1) step.mode = StepMode::kOr;
    out.plan.push_back(std::move(step));
  }

  for (auto& spec : tpl_.cc) {
    if (!evaluate(spec.when)) continue;
    for (auto& a : cc_people(spec)) {
      if (spec.at != CcAt::kFinish) add_unique(out.cc_start, a);
      if (spec.at != CcAt::kStart) add_unique(out.cc_finish, a);
    }
  }
  return out;
}

}  // namespace approvals
