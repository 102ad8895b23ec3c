// SPDX-License-Identifier: Apache-2.0
// Days from a period (bug 3): a number field with `from_period` (请假天数) is the length of a
// date_range field (请假时间), counted in workdays or calendar days, half days allowed.
//
// Pure: the workday rule comes in as a function. Any thread; nothing is retained. Errors: none
// thrown; problems come back as FieldErrors.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "form_validation.hpp"
#include "model.hpp"
#include "working_time.hpp"

namespace approvals {

// The days in the period [start, end] (texts as a date_range field holds them). Dates alone
// count 1 per day. With times, each day counts the part of it the period covers: nothing when
// that part is empty, 0.5 when it ends at or before 12:00 or starts at or after 12:00, else 1.
// With `workdays` only the days is_workday accepts count. nullopt for texts that are not dates
// of the same format, an end before the start, or a span over 3660 days.
std::optional<double> period_days(std::string_view start, std::string_view end, bool workdays,
                                  const IsWorkday& is_workday);

// What the form's from_period fields come to.
struct PeriodDays {
  Json computed = Json::object();  // {"days": 2.5}: each from_period field whose period is valid
  std::vector<FieldError> errors;  // submitted values that disagree (kRefuse only)
};

// How a submitted value that disagrees is treated.
enum class Disagreement {
  kRefuse,     // a submit: the value is an error naming the computed one
  kOverwrite,  // the approvers preview: the computed value replaces it
};

// Computes every from_period field of `tpl` from `form` and writes the value into `form` when it
// is absent (or, with kOverwrite, different). A period that is missing or malformed computes
// nothing (form validation names it). Message: "请假天数 must be 2.5: computed from 请假时间
// (workdays)".
PeriodDays apply_period_days(const Template& tpl, Json& form, const IsWorkday& is_workday,
                             Disagreement disagreement);

}  // namespace approvals
