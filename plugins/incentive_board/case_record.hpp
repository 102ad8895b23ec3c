// SPDX-License-Identifier: Apache-2.0
// One case (件) as the board imports it: the record, its wire words, and the schema check of
// docs/incentive-indicators.md §1 plus the plugin's validation DECISIONS (docs/incentive_board.md).
//
// Threading: everything here is a value type or a pure function; safe from any thread.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace board {

// Days since 1970-01-01 (the count of a std::chrono::sys_days).
using Day = int32_t;
// closed_on of a pending case.
inline constexpr Day kNoDay = INT32_MIN;

enum class Category : uint8_t { Civil, Criminal, Administrative, Enforcement, StateCompensation };
enum class Procedure : uint8_t { FirstInstance, SecondInstance, Retrial, Enforcement, PreLitigation };
enum class ClosingMethod : uint8_t {
  None,  // pending
  // trial procedures
  Judgment, Mediation, Withdrawal, DismissalRuling, RejectionRuling, Transfer,
  Other,  // trial procedures and enforcement
  // enforcement
  Completed, Terminated,
  // pre_litigation
  Mediated, Failed
};
enum class AppealOutcome : uint8_t { None, Affirmed, Revised, Remanded, Withdrawn };
enum class RetrialOutcome : uint8_t { None, Revised, Remanded, Dismissed };

struct CaseRecord {
  std::string case_id, case_no, court_code, judge_id, dispute_id;
  Category category = Category::Civil;
  Procedure procedure = Procedure::FirstInstance;
  Day filed_on = 0;
  Day closed_on = kNoDay;
  int32_t limit_days = -1;  // -1 = absent (allowed only outside trial procedures)
  int32_t extended_days = 0, deducted_days = 0;
  ClosingMethod closing_method = ClosingMethod::None;
  bool appealed = false;
  AppealOutcome appeal_outcome = AppealOutcome::None;
  bool retrial_applied = false;
  RetrialOutcome retrial_outcome = RetrialOutcome::None;
  bool filing_changed = false;
  int32_t petitions = 0;
  bool doc_reviewed = false, doc_error = false;
  double amount_applied = 0, amount_collected = 0;

  // first_instance, second_instance or retrial.
  bool is_trial() const;
  bool is_closed() const { return closed_on != kNoDay; }
  bool operator==(const CaseRecord&) const = default;
};

// What is wrong with a record: the field's name and a plain-English reason, e.g.
// {"filed_on", "must be a date YYYY-MM-DD"}.
struct FieldProblem {
  std::string field, reason;
  bool operator==(const FieldProblem&) const = default;
};

// One record's fields by name: nullopt = column/key absent; "" = present but empty. NDJSON readers
// turn JSON scalars into text first (true -> "true", 12 -> "12", 1.5 -> "1.5", null -> absent).
// parse_case uses each returned view before its next call, so a view may die with that call.
using FieldLookup = std::function<std::optional<std::string_view>(std::string_view name)>;

// Validates one record against the schema and builds it.
// Arguments: `field` is called at most once per name of kCaseFields, in that order (fewer when a
//   problem is found); it is not retained.
// Returns: the record, or the first problem in kCaseFields order (a check that involves two fields
//   is reported on the later one: closed_on < filed_on on closed_on, a missing limit_days on
//   limit_days, a closing_method that does not fit the procedure on closing_method).
// Values are trimmed of ASCII white space first. Does NOT check that the court or the judge exist
// (the importer does, with the Org).
// Errors: none thrown (std::bad_alloc aside); `field` may throw, which propagates.
std::variant<CaseRecord, FieldProblem> parse_case(const FieldLookup& field);

// The schema's fields, in the spec's order (also the CSV header the exporters write).
inline constexpr std::array<std::string_view, 23> kCaseFields = {
    "case_id",        "case_no",         "court_code",      "judge_id",       "dispute_id",
    "category",       "procedure",       "filed_on",        "closed_on",      "limit_days",
    "extended_days",  "deducted_days",   "closing_method",  "appealed",       "appeal_outcome",
    "retrial_applied", "retrial_outcome", "filing_changed", "petitions",      "doc_reviewed",
    "doc_error",      "amount_applied",  "amount_collected"};

// The spec's wire words ("civil", "first_instance", "dismissal_ruling", ...). The None values of
// ClosingMethod, AppealOutcome and RetrialOutcome give "". Returns views of static storage.
std::string_view name_of(Category c);
std::string_view name_of(Procedure p);
std::string_view name_of(ClosingMethod m);
std::string_view name_of(AppealOutcome o);
std::string_view name_of(RetrialOutcome o);

// The day of "YYYY-MM-DD" (a valid calendar date).
// Errors: throws std::invalid_argument naming the text otherwise. Meant for tests and fixed
// inputs; parse_case reports bad dates as a FieldProblem instead.
Day day_of(std::string_view iso);
// "2026-12-05"; kNoDay gives "".
std::string iso_of(Day d);
// The day of "YYYY-MM-DD", or nullopt when it is not a valid calendar date. No exceptions.
std::optional<Day> parse_day(std::string_view iso);

}  // namespace board
