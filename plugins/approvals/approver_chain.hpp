// SPDX-License-Identifier: Apache-2.0
// ApprovalChain: a template's steps, branches and CC resolved to people for one submission.
//
// Resolution happens once, when the instance starts (DingTalk's 流程预测): later directory
// changes do not move work that is already routed. Rules, in order:
//   - steps whose `when` is false drop out; of a branch group the first matching branch counts;
//   - each step becomes people through the directory (see RecipientKind);
//   - the originator never approves their own request, so a step can end up empty: it is kept
//     in the plan for the record and skipped (审批人为空时自动通过). A person in several steps
//     stays in each; InstanceMachine skips them once they have agreed (DingTalk's 去重, by deed).
#pragma once

#include <vector>

#include "form_validation.hpp"
#include "model.hpp"
#include "org.hpp"

namespace approvals {

struct ResolvedChain {
  Plan plan;
  std::vector<Approver> cc_start;
  std::vector<Approver> cc_finish;
  std::vector<FieldError> errors;  // the originator's choices ("approvers.<key>") that are wrong

  // For the approvers preview: every step the chain reached, in order — the plan step it became,
  // or 0 when its `when` left it out. Of a branch group only the chosen branch is reached.
  // `spec` points into the template, which outlives the chain.
  struct ReachedStep {
    const RecipientSpec* spec = nullptr;
    int plan_step = 0;
  };
  std::vector<ReachedStep> reached;
  // The form fields the evaluated conditions read (steps, branches, CC), each once.
  std::vector<std::string> condition_fields;
};

class ApprovalChain {
 public:
  ApprovalChain(const Template& tpl, const Originator& originator, Org& org)
      : tpl_(tpl), originator_(originator), org_(org) {}

  // `form` is already valid; `choices` is the submit's {"<key>": ["userid", ...]} (or null).
  ResolvedChain resolve(const Json& form, const Json& choices);

  // The display name of a step of this kind ("第2级主管", "分管院领导", "院长").
  static std::string default_label(const RecipientSpec& spec);

 private:
  std::vector<Approver> people(const RecipientSpec& spec);
  std::vector<Approver> chosen(const RecipientSpec& spec, const Json& choices,
                               std::vector<FieldError>& errors);
  std::vector<Approver> cc_people(const RecipientSpec& spec);

  const Template& tpl_;
  const Originator& originator_;
  Org& org_;
};

// The Chinese name of a role, for labels and messages.
std::string role_label(std::string_view role);

}  // namespace approvals
