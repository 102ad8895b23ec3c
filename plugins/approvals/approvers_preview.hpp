// SPDX-License-Identifier: Apache-2.0
// The approvers preview: who a form being filled in would go to, before it is submitted.
//
// Resolves the template's chain with the same ApprovalChain a submit uses, on the form as it
// stands: fields that are missing or not valid yet count as empty, which is how conditions treat
// an empty field at submit (only `empty`, `ne` and `not_in` hold). The answer names the fields
// the conditions read that are still empty (`waiting_for`), so the page can say the chain may
// still change. Nothing is written.
#pragma once

#include "model.hpp"
#include "org.hpp"
#include "working_time.hpp"

namespace approvals {

// from_period fields are filled in with the value a submit would require (replacing a
// disagreeing one), on the work calendar `is_workday`, and listed in "computed": {"days": 2.5}.
// {"steps": [{label, mode, conditional, choice?, people: [{user_id, name, title}],
//             skipped: null | "condition" | "empty", needs_choice}],
//  "cc": [{user_id, name, title, at: "start" | "finish" | "both"}],
//  "waiting_for": [{name, label}], "errors": [{field: "approvers.<key>", message}],
//  "computed": {"<field>": <days>}}
// `form` must be an object (else InvalidArgument); `choices` is the submit's `approvers` (or
// null). Directory questions go through `org` (wrap it in an OrgCache).
Json preview_approvers(const Template& tpl, const Originator& originator, const Json& form,
                       const Json& choices, Org& org, const IsWorkday& is_workday);

}  // namespace approvals
