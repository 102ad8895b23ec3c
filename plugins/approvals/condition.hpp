// SPDX-License-Identifier: Apache-2.0
// Conditions on form values: parsed and checked against a template's fields, then evaluated.
//
//   when: {field: days, op: gt, value: 3}
//   when: {any: [{field: seal, op: contains, value: 院章}, {field: copies, op: gte, value: 10}]}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model.hpp"
#include "settings.hpp"

namespace approvals {

// Reads a condition at `pointer`, appending problems (unknown field, an operator the field's type
// cannot answer, a value of the wrong type or not among a select's options).
std::optional<Condition> parse_condition(const Json& node, const std::string& pointer,
                                         const std::vector<FieldSpec>& fields,
                                         std::vector<SettingsProblem>& problems);

// Whether the condition holds for a validated form. A field that is absent or empty satisfies
// only `empty`, `ne` and `not_in`.
bool holds(const Condition& condition, const Json& form);

// Appends the fields the condition reads to `fields`, skipping those already there.
void read_fields(const Condition& condition, std::vector<std::string>& fields);

}  // namespace approvals
