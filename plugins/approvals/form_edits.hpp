// SPDX-License-Identifier: Apache-2.0
// Changes to a submitted form: what an approver may change (a step's `editable` fields) and the
// list of changes the operation record keeps ([{field, label, from, to}]).
//
// Pure functions on values; no ownership, any thread, no exceptions.
#pragma once

#include <string>
#include <vector>

#include "form_validation.hpp"
#include "model.hpp"

namespace approvals {

// The problems of an approver's `patch` ({"days": 3}) at a step whose approvers may change
// `editable`: not an object, a field the template lacks, a field not editable there
// ("请假天数 is not editable at this step"). Empty when the patch may be applied.
std::vector<FieldError> check_patch(const Template& tpl, const std::vector<std::string>& editable,
                                    const Json& patch);

// `form` with the patch's members set (a null member removes the field).
Json patched(const Json& form, const Json& patch);

// The fields whose values differ between `before` and `after`, in the template's order, then
// any other key: [{"field", "label", "from", "to"}] with the JSON values (null when absent).
Json form_changes(const Template& tpl, const Json& before, const Json& after);

}  // namespace approvals
