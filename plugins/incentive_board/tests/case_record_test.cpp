// SPDX-License-Identifier: Apache-2.0
// parse_case: the schema of the spec's §1 and the validation DECISIONS, one test per rule.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "case_record.hpp"

namespace board {
namespace {

using Fields = std::map<std::string, std::string, std::less<>>;

// A valid first-instance civil case closed by judgment.
Fields valid() {
  return {{"case_id", "C1"},           {"case_no", "(2024)辽0103民初1号"},
          {"court_code", "2101"},      {"judge_id", "j1"},
          {"dispute_id", "D1"},        {"category", "civil"},
          {"procedure", "first_instance"}, {"filed_on", "2024-01-10"},
          {"closed_on", "2024-02-10"}, {"limit_days", "90"},
          {"closing_method", "judgment"}};
}

std::variant<CaseRecord, FieldProblem> parse(const Fields& f) {
  return parse_case([&](std::string_view name) -> std::optional<std::string_view> {
    auto it = f.find(name);
    if (it == f.end()) return std::nullopt;
    return std::string_view(it->second);
  });
}

CaseRecord parsed(const Fields& f) {
  auto r = parse(f);
  if (auto* p = std::get_if<FieldProblem>(&r)) ADD_FAILURE() << p->field << ": " << p->reason;
  return std::holds_alternative<CaseRecord>(r) ? std::get<CaseRecord>(r) : CaseRecord{};
}

// The problem when `field` is set to `value` (erased when value is nullopt) in `base`.
FieldProblem problem_with(Fields base, const std::string& field,
                          std::optional<std::string> value) {
  if (value)
    base[field] = *value;
  else
    base.erase(field);
  auto r = parse(base);
  if (!std::holds_alternative<FieldProblem>(r)) {
    ADD_FAILURE() << field << "=" << value.value_or("<absent>") << " was accepted";
    return {};
  }
  return std::get<FieldProblem>(r);
}

Fields enforcement() {
  Fields f = valid();
  f["category"] = "enforcement";
  f["procedure"] = "enforcement";
  f.erase("limit_days");
  f["closing_method"] = "completed";
  f["amount_applied"] = "1000";
  f["amount_collected"] = "800.5";
  return f;
}

TEST(CaseRecord, ParsesEveryField) {
  Fields f = valid();
  f["category"] = "criminal";
  f["procedure"] = "retrial";
  f["extended_days"] = "30";
  f["deducted_days"] = "7";
  f["closing_method"] = "rejection_ruling";
  f["appealed"] = "true";
  f["appeal_outcome"] = "remanded";
  f["retrial_applied"] = "1";
  f["retrial_outcome"] = "dismissed";
  f["filing_changed"] = "TRUE";
  f["petitions"] = "3";
  f["doc_reviewed"] = "True";
  f["doc_error"] = "1";
  f["amount_applied"] = "12.5";
  f["amount_collected"] = "0.1";
  f["unknown_column"] = "ignored";
  CaseRecord c = parsed(f);
  EXPECT_EQ(c.case_id, "C1");
  EXPECT_EQ(c.case_no, "(2024)辽0103民初1号");
  EXPECT_EQ(c.court_code, "2101");
  EXPECT_EQ(c.judge_id, "j1");
  EXPECT_EQ(c.dispute_id, "D1");
  EXPECT_EQ(c.category, Category::Criminal);
  EXPECT_EQ(c.procedure, Procedure::Retrial);
  EXPECT_EQ(c.filed_on, day_of("2024-01-10"));
  EXPECT_EQ(c.closed_on, day_of("2024-02-10"));
  EXPECT_EQ(c.limit_days, 90);
  EXPECT_EQ(c.extended_days, 30);
  EXPECT_EQ(c.deducted_days, 7);
  EXPECT_EQ(c.closing_method, ClosingMethod::RejectionRuling);
  EXPECT_TRUE(c.appealed);
  EXPECT_EQ(c.appeal_outcome, AppealOutcome::Remanded);
  EXPECT_TRUE(c.retrial_applied);
  EXPECT_EQ(c.retrial_outcome, RetrialOutcome::Dismissed);
  EXPECT_TRUE(c.filing_changed);
  EXPECT_EQ(c.petitions, 3);
  EXPECT_TRUE(c.doc_reviewed);
  EXPECT_TRUE(c.doc_error);
  EXPECT_EQ(c.amount_applied, 12.5);
  EXPECT_EQ(c.amount_collected, 0.1);  // correctly rounded, like strtod in the C locale
  EXPECT_TRUE(c.is_trial());
  EXPECT_TRUE(c.is_closed());
}

TEST(CaseRecord, OptionalFieldsTakeTheirDefaults) {
  Fields f = valid();
  f.erase("closed_on");
  f.erase("closing_method");
  f["appealed"] = "";  // present but empty = default
  CaseRecord c = parsed(f);
  EXPECT_EQ(c.closed_on, kNoDay);
  EXPECT_FALSE(c.is_closed());
  EXPECT_EQ(c.closing_method, ClosingMethod::None);
  EXPECT_EQ(c.extended_days, 0);
  EXPECT_EQ(c.deducted_days, 0);
  EXPECT_FALSE(c.appealed);
  EXPECT_EQ(c.appeal_outcome, AppealOutcome::None);
  EXPECT_FALSE(c.retrial_applied);
  EXPECT_EQ(c.retrial_outcome, RetrialOutcome::None);
  EXPECT_FALSE(c.filing_changed);
  EXPECT_EQ(c.petitions, 0);
  EXPECT_FALSE(c.doc_reviewed);
  EXPECT_FALSE(c.doc_error);
  EXPECT_EQ(c.amount_applied, 0);
  EXPECT_EQ(c.amount_collected, 0);
}

TEST(CaseRecord, TrimsValues) {
  Fields f = valid();
  f["case_id"] = "  C1\t";
  f["category"] = " civil ";
  f["filed_on"] = "2024-01-10 \r";
  f["limit_days"] = " 90";
  CaseRecord c = parsed(f);
  EXPECT_EQ(c.case_id, "C1");
  EXPECT_EQ(c.category, Category::Civil);
  EXPECT_EQ(c.filed_on, day_of("2024-01-10"));
  EXPECT_EQ(c.limit_days, 90);
}

TEST(CaseRecord, RequiredFieldsAbsentOrEmptyAreRejected) {
  for (const char* name : {"case_id", "case_no", "court_code", "judge_id", "dispute_id",
                           "category", "procedure", "filed_on"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(problem_with(valid(), name, std::nullopt), (FieldProblem{name, "is required"}));
    EXPECT_EQ(problem_with(valid(), name, ""), (FieldProblem{name, "is required"}));
    EXPECT_EQ(problem_with(valid(), name, "  "), (FieldProblem{name, "is required"}));
  }
}

TEST(CaseRecord, CategoryAndProcedureMustBeListedWords) {
  EXPECT_EQ(problem_with(valid(), "category", "Civil"),
            (FieldProblem{"category", "must be one of civil, criminal, administrative, "
                                      "enforcement, state_compensation"}));
  EXPECT_EQ(problem_with(valid(), "procedure", "appeal"),
            (FieldProblem{"procedure", "must be one of first_instance, second_instance, retrial, "
                                       "enforcement, pre_litigation"}));
}

TEST(CaseRecord, DatesMustBeValidCalendarDays) {
  for (const char* bad : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-10",
                          "2024/01/10", "20240110", "2024-01-10T00:00", "0000-01-01", "today"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(problem_with(valid(), "filed_on", bad),
              (FieldProblem{"filed_on", "must be a date YYYY-MM-DD"}));
    EXPECT_EQ(problem_with(valid(), "closed_on", bad),
              (FieldProblem{"closed_on", "must be a date YYYY-MM-DD"}));
  }
  Fields leap = valid();
  leap["filed_on"] = "2024-02-29";
  leap["closed_on"] = "2024-03-01";
  EXPECT_EQ(parsed(leap).filed_on, day_of("2024-02-29"));
}

TEST(CaseRecord, ClosedBeforeFiledIsRejectedOnClosedOn) {
  EXPECT_EQ(problem_with(valid(), "closed_on", "2024-01-09"),
            (FieldProblem{"closed_on", "must not be before filed_on"}));
  Fields same_day = valid();
  same_day["closed_on"] = "2024-01-10";
  EXPECT_EQ(parsed(same_day).closed_on, day_of("2024-01-10"));
}

TEST(CaseRecord, LimitDaysIsRequiredForTrialProceduresOnly) {
  for (const char* p : {"first_instance", "second_instance", "retrial"}) {
    Fields f = valid();
    f["procedure"] = p;
    EXPECT_EQ(problem_with(f, "limit_days", std::nullopt),
              (FieldProblem{"limit_days", "is required for trial procedures"}))
        << p;
  }
  EXPECT_EQ(parsed(enforcement()).limit_days, -1);
  Fields pre = valid();
  pre["procedure"] = "pre_litigation";
  pre["closing_method"] = "mediated";
  pre.erase("limit_days");
  EXPECT_EQ(parsed(pre).limit_days, -1);
}

TEST(CaseRecord, IntegersAreDigitsOnly) {
  for (const char* name : {"limit_days", "extended_days", "deducted_days", "petitions"}) {
    SCOPED_TRACE(name);
    for (const char* bad : {"-1", "1.5", "+3", "3x", "1e3", "0x10"})
      EXPECT_EQ(problem_with(valid(), name, bad),
                (FieldProblem{name, "must be a whole number ≥ 0 (digits only)"}))
          << bad;
    EXPECT_EQ(problem_with(valid(), name, "2147483648"),
              (FieldProblem{name, "is too large (at most 2147483647)"}));
  }
  Fields f = valid();
  f["petitions"] = "007";
  f["extended_days"] = "2147483647";
  EXPECT_EQ(parsed(f).petitions, 7);
  EXPECT_EQ(parsed(f).extended_days, 2147483647);
}

TEST(CaseRecord, ClosingMethodIsRequiredWhenClosed) {
  EXPECT_EQ(problem_with(valid(), "closing_method", std::nullopt),
            (FieldProblem{"closing_method", "is required when closed_on is set"}));
  EXPECT_EQ(problem_with(valid(), "closing_method", ""),
            (FieldProblem{"closing_method", "is required when closed_on is set"}));
}

TEST(CaseRecord, ClosingMethodOnAPendingCaseIsRejected) {
  Fields f = valid();
  f.erase("closed_on");
  EXPECT_EQ(problem_with(f, "closing_method", "judgment"),
            (FieldProblem{"closing_method", "must be empty while the case is pending"}));
}

TEST(CaseRecord, ClosingMethodMustBelongToTheProcedure) {
  const std::string trial =
      "must be one of judgment, mediation, withdrawal, dismissal_ruling, rejection_ruling, "
      "transfer, other for a trial procedure";
  for (const char* ok : {"judgment", "mediation", "withdrawal", "dismissal_ruling",
                         "rejection_ruling", "transfer", "other"}) {
    Fields f = valid();
    f["closing_method"] = ok;
    EXPECT_EQ(name_of(parsed(f).closing_method), ok);
  }
  for (const char* bad : {"completed", "mediated", "failed", "terminated", "Judgment", "none"})
    EXPECT_EQ(problem_with(valid(), "closing_method", bad), (FieldProblem{"closing_method", trial}))
        << bad;

  for (const char* ok : {"completed", "terminated", "other"}) {
    Fields f = enforcement();
    f["closing_method"] = ok;
    EXPECT_EQ(name_of(parsed(f).closing_method), ok);
  }
  EXPECT_EQ(problem_with(enforcement(), "closing_method", "judgment"),
            (FieldProblem{"closing_method",
                          "must be one of completed, terminated, other for procedure enforcement"}));

  Fields pre = valid();
  pre["procedure"] = "pre_litigation";
  pre.erase("limit_days");
  for (const char* ok : {"mediated", "failed"}) {
    pre["closing_method"] = ok;
    EXPECT_EQ(name_of(parsed(pre).closing_method), ok);
  }
  EXPECT_EQ(problem_with(pre, "closing_method", "mediation"),
            (FieldProblem{"closing_method",
                          "must be one of mediated, failed for procedure pre_litigation"}));
}

TEST(CaseRecord, BooleansAcceptTrueFalseOneZero) {
  for (const char* name :
       {"appealed", "retrial_applied", "filing_changed", "doc_reviewed", "doc_error"}) {
    SCOPED_TRACE(name);
    for (const char* bad : {"yes", "no", "2", "t", "truee"})
      EXPECT_EQ(problem_with(valid(), name, bad),
                (FieldProblem{name, "must be true, false, 1 or 0"}))
          << bad;
  }
  for (auto [text, value] : {std::pair{"true", true}, {"FALSE", false}, {"1", true},
                             {"0", false}, {"tRuE", true}}) {
    Fields f = valid();
    f["appealed"] = text;
    EXPECT_EQ(parsed(f).appealed, value) << text;
  }
}

TEST(CaseRecord, OutcomesMustBeListedWordsOrEmpty) {
  EXPECT_EQ(problem_with(valid(), "appeal_outcome", "dismissed"),
            (FieldProblem{"appeal_outcome",
                          "must be affirmed, revised, remanded, withdrawn or empty"}));
  EXPECT_EQ(problem_with(valid(), "retrial_outcome", "affirmed"),
            (FieldProblem{"retrial_outcome", "must be revised, remanded, dismissed or empty"}));
  Fields f = valid();
  f["appeal_outcome"] = "";
  f["retrial_outcome"] = "revised";
  EXPECT_EQ(parsed(f).appeal_outcome, AppealOutcome::None);
  EXPECT_EQ(parsed(f).retrial_outcome, RetrialOutcome::Revised);
}

TEST(CaseRecord, AmountsAreRequiredForEnforcement) {
  for (const char* name : {"amount_applied", "amount_collected"}) {
    EXPECT_EQ(problem_with(enforcement(), name, std::nullopt),
              (FieldProblem{name, "is required for procedure enforcement"}));
    EXPECT_EQ(problem_with(enforcement(), name, ""),
              (FieldProblem{name, "is required for procedure enforcement"}));
  }
  CaseRecord c = parsed(enforcement());
  EXPECT_EQ(c.amount_applied, 1000);
  EXPECT_EQ(c.amount_collected, 800.5);
}

TEST(CaseRecord, AmountsAreDecimalsNotBelowZero) {
  for (const char* bad : {"-1", "-0", "1,000", "1.2.3", ".", "inf", "nan", "+5", "12 yuan", "0x1p3",
                          "1e", "e5", "1e+", "1e400", "1.5e2.5"})
    EXPECT_EQ(problem_with(enforcement(), "amount_applied", bad),
              (FieldProblem{"amount_applied", "must be a decimal number ≥ 0"}))
        << bad;
  Fields f = enforcement();
  f["amount_applied"] = "0.5";
  f["amount_collected"] = "000123456789.125";
  EXPECT_EQ(parsed(f).amount_applied, 0.5);
  EXPECT_EQ(parsed(f).amount_collected, 123456789.125);
  // What JSON writers print for large and small numbers, and the short forms.
  for (auto [text, value] : {std::pair{"1e+20", 1e20}, {"1E5", 1e5}, {"2.5e-05", 2.5e-5},
                             {".5", 0.5}, {"5.", 5.0}, {"0", 0.0}})
    EXPECT_EQ(parsed([&] {
                Fields g = enforcement();
                g["amount_applied"] = text;
                return g;
              }()).amount_applied,
              value)
        << text;
  // Outside enforcement the amounts are optional but still checked.
  EXPECT_EQ(problem_with(valid(), "amount_collected", "abc").field, "amount_collected");
}

TEST(CaseRecord, TheFirstProblemOfARecordWins) {
  Fields f = valid();
  f["petitions"] = "many";
  f["category"] = "civilian";
  f["amount_applied"] = "-3";
  EXPECT_EQ(parse(f).index(), 1u);
  EXPECT_EQ(std::get<FieldProblem>(parse(f)).field, "category");
  f["case_no"] = "";
  EXPECT_EQ(std::get<FieldProblem>(parse(f)).field, "case_no");
}

TEST(CaseRecord, NamesAreTheSpecsWireWords) {
  EXPECT_EQ(name_of(Category::StateCompensation), "state_compensation");
  EXPECT_EQ(name_of(Procedure::PreLitigation), "pre_litigation");
  EXPECT_EQ(name_of(ClosingMethod::None), "");
  EXPECT_EQ(name_of(ClosingMethod::DismissalRuling), "dismissal_ruling");
  EXPECT_EQ(name_of(ClosingMethod::Failed), "failed");
  EXPECT_EQ(name_of(AppealOutcome::None), "");
  EXPECT_EQ(name_of(AppealOutcome::Withdrawn), "withdrawn");
  EXPECT_EQ(name_of(RetrialOutcome::Dismissed), "dismissed");
  // Every category and procedure word parses back to itself.
  for (int i = 0; i <= static_cast<int>(Category::StateCompensation); ++i) {
    Fields f = valid();
    f["category"] = std::string(name_of(static_cast<Category>(i)));
    EXPECT_EQ(parsed(f).category, static_cast<Category>(i));
  }
  for (int i = 0; i <= static_cast<int>(Procedure::Retrial); ++i) {
    Fields f = valid();
    f["procedure"] = std::string(name_of(static_cast<Procedure>(i)));
    EXPECT_EQ(parsed(f).procedure, static_cast<Procedure>(i));
  }
}

TEST(CaseRecord, DaysCountFromTheEpoch) {
  EXPECT_EQ(day_of("1970-01-01"), 0);
  EXPECT_EQ(day_of("1970-01-02"), 1);
  EXPECT_EQ(day_of("1969-12-31"), -1);
  EXPECT_EQ(day_of("2025-01-01") - day_of("2024-01-01"), 366);
  EXPECT_EQ(iso_of(day_of("2026-12-05")), "2026-12-05");
  EXPECT_EQ(iso_of(day_of("0001-01-01")), "0001-01-01");
  EXPECT_EQ(iso_of(kNoDay), "");
  EXPECT_THROW(day_of("2026-02-29"), std::invalid_argument);
  EXPECT_FALSE(parse_day("2026-02-29").has_value());
}

}  // namespace
}  // namespace board
