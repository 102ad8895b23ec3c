// SPDX-License-Identifier: Apache-2.0
// Parsing and naming case records (stub; the implementation follows).
#include "case_record.hpp"

#include <stdexcept>

namespace board {

bool CaseRecord::is_trial() const {
  return procedure == Procedure::FirstInstance || procedure == Procedure::SecondInstance ||
         procedure == Procedure::Retrial;
}

std::variant<CaseRecord, FieldProblem> parse_case(const FieldLookup&) {
  return FieldProblem{"case_id", "not implemented yet"};
}
std::string_view name_of(Category) { return ""; }
std::string_view name_of(Procedure) { return ""; }
std::string_view name_of(ClosingMethod) { return ""; }
std::string_view name_of(AppealOutcome) { return ""; }
std::string_view name_of(RetrialOutcome) { return ""; }
Day day_of(std::string_view iso) { throw std::invalid_argument(std::string(iso)); }
std::string iso_of(Day) { return ""; }
std::optional<Day> parse_day(std::string_view) { return std::nullopt; }

}  // namespace board
