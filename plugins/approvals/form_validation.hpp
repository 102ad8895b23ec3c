// SPDX-License-Identifier: Apache-2.0
// Checks a submitted form against its template and names every field that is wrong.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"
#include "org.hpp"

namespace approvals {

// One problem with a submitted value. `field` is the form key, with row and column for tables
// ("items[2].amount"); `message` starts with the field's label so a person can read it alone.
struct FieldError {
  std::string field;
  std::string message;
};

// Every problem in `form` (a JSON object) at once: missing required fields, values of the wrong
// type, rules broken, unknown keys. Person and department values are checked in `org`
// (departments of the originator's court).
std::vector<FieldError> validate_form(const Template& tpl, const Json& form,
                                      const Originator& originator, Org& org);

// The errors as the HTTP API returns them: [{"field": ..., "message": ...}].
Json field_errors_json(const std::vector<FieldError>& errors);

}  // namespace approvals
