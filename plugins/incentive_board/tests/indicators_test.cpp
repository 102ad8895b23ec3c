// SPDX-License-Identifier: Apache-2.0
// measure() and indicator_value(): every indicator on a small hand-computed table, the spec's
// worked examples, window edges, insufficient samples, E1 without judges, E2's dispute counts.
// Window throughout: [2024-01-01, 2024-12-31]; "before" = 2023-12-31 = from − 1 day.
#include <gtest/gtest.h>

#include "indicators.hpp"

namespace board {
namespace {

courthub::Court court(std::string code) {
  courthub::Court c;
  c.code = std::move(code);
  c.name = "法院" + c.code;
  c.level = "basic";
  c.kind = "ordinary";
  return c;
}

courthub::Person person(std::string id, std::string court_code, bool judge) {
  courthub::Person p;
  p.user_id = std::move(id);
  p.court_code = std::move(court_code);
  if (judge) p.roles = {"judge"};
  return p;
}

class Indicators : public ::testing::Test {
 protected:
  // C1: judges j1, j2 and a clerk p9; C2: judge k1; C3: no judge.
  Org org = org_from({court("C1"), court("C2"), court("C3")},
                     {person("j1", "C1", true), person("j2", "C1", true),
                      person("p9", "C1", false), person("k1", "C2", true)});
  CaseTable table;
  Window window{day_of("2024-01-01"), day_of("2024-12-31")};
  int next_id = 0;

  // A case of court C1, judge j1, its own dispute; closed_on "" = pending. Trial procedures get
  // limit_days 90, closed cases a closing method fitting the procedure.
  CaseRecord make(Procedure p, const char* filed, const char* closed = "") {
    CaseRecord c;
    c.case_id = "K" + std::to_string(++next_id);
    c.case_no = "(2024)辽01民初" + std::to_string(next_id) + "号";
    c.court_code = "C1";
    c.judge_id = "j1";
    c.dispute_id = "D-" + c.case_id;
    c.procedure = p;
    c.category = p == Procedure::Enforcement ? Category::Enforcement : Category::Civil;
    c.filed_on = day_of(filed);
    c.closed_on = *closed ? day_of(closed) : kNoDay;
    if (c.is_trial()) c.limit_days = 90;
    if (c.is_closed())
      c.closing_method = p == Procedure::Enforcement     ? ClosingMethod::Other
                         : p == Procedure::PreLitigation ? ClosingMethod::Failed
                                                         : ClosingMethod::Judgment;
    return c;
  }
  // Adds a case changed by `change`.
  template <class Change>
  void add(Procedure p, const char* filed, const char* closed, Change change) {
    CaseRecord c = make(p, filed, closed);
    change(c);
    table.upsert(c);
  }
  void add(Procedure p, const char* filed, const char* closed = "") {
    table.upsert(make(p, filed, closed));
  }

  Measure court_measure(const char* id, const char* code = "C1") {
    return measure(table, org, window).courts.at(org.court_index(code)).at(indicator_index(id));
  }
  Measure judge_measure(const char* id, const char* user_id) {
    return measure(table, org, window).judges.at(org.judge_index(user_id)).at(indicator_index(id));
  }
  std::optional<double> court_value(const char* id, int64_t min_sample = 1,
                                    const char* code = "C1") {
    return indicator_value(indicator_index(id), court_measure(id, code), min_sample);
  }
};

constexpr auto FI = Procedure::FirstInstance;
constexpr auto SI = Procedure::SecondInstance;
constexpr auto RT = Procedure::Retrial;
constexpr auto EN = Procedure::Enforcement;
constexpr auto PL = Procedure::PreLitigation;

Measure M(double numerator, double denominator, int64_t sample) {
  return Measure{numerator, denominator, sample};
}

TEST(IndicatorCatalogue, ListsTheEighteenInOrder) {
  const char* ids[] = {"A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "C1",
                       "C2", "C3", "C4", "D1", "D2", "D3", "E1", "E2", "E3"};
  for (int i = 0; i < kIndicatorCount; ++i) {
    EXPECT_EQ(kIndicators[i].id, ids[i]);
    EXPECT_EQ(indicator_index(ids[i]), i);
    EXPECT_EQ(kIndicators[i].group, ids[i][0] - 'A');
  }
  EXPECT_EQ(indicator_index("E4"), -1);
  EXPECT_EQ(kIndicators[0].name, "结案率");
  EXPECT_EQ(kIndicators[0].group_name, "审判效率");
  EXPECT_EQ(kIndicators[4].name, "一审判决被改判发回重审率");
  EXPECT_EQ(kIndicators[16].name, "案-件比");
  EXPECT_EQ(kIndicators[15].group_name, "办案负荷");
  EXPECT_EQ(kIndicators[16].group_name, "诉源治理");
  std::string down;
  for (const auto& d : kIndicators)
    if (d.direction == Direction::Down) down += std::string(d.id) + " ";
  EXPECT_EQ(down, "A3 A4 B1 B2 B3 B4 C3 C4 E2 ");
  EXPECT_EQ(kIndicators[2].unit, "days");
  EXPECT_EQ(kIndicators[11].unit, "ratio");
  EXPECT_EQ(kIndicators[15].unit, "cases");
  EXPECT_EQ(kIndicators[16].unit, "ratio");
  EXPECT_EQ(kIndicators[0].unit, "rate");
  EXPECT_EQ(kIndicators[12].unit, "rate");
  for (int i : kJudgeIndicators) EXPECT_NE(std::string("A1A2A3A4B1C1C2E1").find(ids[i]), std::string::npos);
}

// ---- The spec's worked examples (§5)

TEST_F(Indicators, WorkedExampleClosingRate) {
  // 99 cases pending at the start (filed 2023), 93 of them closed in the window; 10 filed in the
  // window and still pending: 93 ÷ (99 + 10) = 0.853211009… (85.32%).
  for (int i = 0; i < 99; ++i) add(FI, "2023-06-01", i < 93 ? "2024-03-01" : "");
  for (int i = 0; i < 10; ++i) add(FI, "2024-02-01");
  EXPECT_EQ(court_measure("A1"), M(93, 109, 109));
  EXPECT_NEAR(*court_value("A1", 10), 0.853211009174312, 1e-15);
}

TEST_F(Indicators, WorkedExampleRevisedOrRemandedRate) {
  // 93 first-instance cases closed, 2 revised or remanded on appeal: 2 ÷ 93 = 0.0215053763…
  for (int i = 0; i < 93; ++i)
    add(FI, "2024-01-05", "2024-02-01", [&](CaseRecord& c) {
      c.appeal_outcome = i == 0 ? AppealOutcome::Revised
                         : i == 1 ? AppealOutcome::Remanded
                                  : AppealOutcome::Affirmed;
    });
  EXPECT_EQ(court_measure("B1"), M(2, 93, 93));
  EXPECT_NEAR(*court_value("B1", 10), 0.0215053763440860, 1e-15);
}

// ---- A: efficiency

TEST_F(Indicators, A1ClosingRateAtTheWindowEdges) {
  add(FI, "2023-06-01");                // pending at from−1: den
  add(FI, "2023-06-01", "2023-12-31");  // closed the day before from: nothing
  add(FI, "2023-06-01", "2024-01-01");  // pending at from−1 (closed_on > from−1), closed on from: num, den
  add(FI, "2024-01-01", "2024-12-31");  // filed on from, closed on to: num, den
  add(FI, "2024-12-31");                // filed on to: den
  add(FI, "2025-01-01", "2025-01-02");  // after the window: nothing
  add(FI, "2023-12-31", "2025-01-05");  // filed the day before, closed after: den (pending at from−1)
  add(FI, "2023-12-31", "2023-12-31");  // filed and closed before: nothing
  add(SI, "2024-03-01", "2024-03-10");  // second instance is T: num, den
  add(RT, "2023-01-01", "2024-06-01");  // retrial is T, pending at from−1: num, den
  add(EN, "2024-02-01", "2024-03-01");  // enforcement is not T
  add(PL, "2024-02-01", "2024-03-01");  // pre_litigation is not T
  add(FI, "2024-02-01", "2024-03-01", [](CaseRecord& c) { c.court_code = "C2"; });  // another court
  // num = 4; den = pending_at(from−1) 4 (rows 1, 3, 7, 10) + filed 3 (rows 4, 5, 9) = 7.
  EXPECT_EQ(court_measure("A1"), M(4, 7, 7));
  EXPECT_DOUBLE_EQ(*court_value("A1"), 4.0 / 7);
}

TEST_F(Indicators, A2ClosedWithinTheLimit) {
  ASSERT_EQ(day_of("2024-03-30") - day_of("2024-01-01"), 89);  // 90 trial days
  add(FI, "2024-01-01", "2024-03-30");  // 90 ≤ 90: within
  add(FI, "2024-01-01", "2024-03-31");  // 91 > 90: not within
  add(SI, "2024-01-01", "2024-03-31", [](CaseRecord& c) { c.extended_days = 1; });  // 91 ≤ 91
  add(RT, "2024-01-01", "2024-04-05", [](CaseRecord& c) { c.deducted_days = 6; });  // 96−6 = 90
  add(FI, "2024-01-01", "2024-04-05", [](CaseRecord& c) { c.deducted_days = 5; });  // 91: not
  add(FI, "2024-01-01");                                // pending: not closed(T)
  add(FI, "2023-09-01", "2023-12-31");                  // closed before the window
  add(EN, "2024-01-01", "2024-01-02");                  // not T
  // num = 3, den = |closed(T)| = 5.
  EXPECT_EQ(court_measure("A2"), M(3, 5, 5));
}

TEST_F(Indicators, A3MeanTrialDays) {
  add(FI, "2024-01-01", "2024-03-30");                                             // 90
  add(SI, "2024-01-01", "2024-03-31", [](CaseRecord& c) { c.extended_days = 9; });  // 91
  add(RT, "2024-01-01", "2024-04-05", [](CaseRecord& c) { c.deducted_days = 6; });  // 96 − 6 = 90
  add(FI, "2024-05-05", "2024-05-05");                                             // same day: 1
  add(FI, "2023-12-01", "2024-01-01");                                             // 31 + 1 = 32
  add(FI, "2024-01-01");                                                           // pending
  add(EN, "2024-01-01", "2024-12-01");                                             // not T
  // Σ = 90 + 91 + 90 + 1 + 32 = 304 over 5 closed(T): 60.8 days; sample = 5.
  EXPECT_EQ(court_measure("A3"), M(304, 5, 5));
  EXPECT_DOUBLE_EQ(*court_value("A3"), 60.8);
}

TEST_F(Indicators, A4PendingOverTwelveMonths) {
  add(FI, "2023-12-31");                // to − filed = 366 ≥ 365: old
  add(FI, "2024-01-01");                // to − filed = 365: old (boundary)
  add(SI, "2024-01-02");                // 364: not old
  add(RT, "2023-01-01", "2025-01-10");  // closed after to = pending at to: old
  add(FI, "2023-01-01", "2024-12-31");  // closed on to: not pending
  add(FI, "2025-01-01");                // filed after to: not pending at to
  add(EN, "2022-01-01");                // not T
  // num = 3 (rows 1, 2, 4), den = |pending_at(T, to)| = 4.
  EXPECT_EQ(court_measure("A4"), M(3, 4, 4));
}

// ---- B: quality

TEST_F(Indicators, B1FirstInstanceRevisedOrRemanded) {
  auto outcome = [](AppealOutcome o) { return [o](CaseRecord& c) { c.appeal_outcome = o; }; };
  add(FI, "2024-01-01", "2024-02-01", outcome(AppealOutcome::Revised));   // num
  add(FI, "2024-01-01", "2024-02-01", outcome(AppealOutcome::Remanded));  // num
  add(FI, "2024-01-01", "2024-02-01", outcome(AppealOutcome::Affirmed));
  add(FI, "2024-01-01", "2024-02-01", outcome(AppealOutcome::Withdrawn));
  add(FI, "2024-01-01", "2024-02-01");
  add(SI, "2024-01-01", "2024-02-01", outcome(AppealOutcome::Revised));   // not F
  add(FI, "2024-01-01", "", outcome(AppealOutcome::Revised));             // pending
  add(FI, "2023-01-01", "2023-12-31", outcome(AppealOutcome::Revised));   // closed before
  // num = 2, den = |closed(F)| = 5.
  EXPECT_EQ(court_measure("B1"), M(2, 5, 5));
}

TEST_F(Indicators, B2EffectiveCasesRevisedOrRemandedOnRetrial) {
  auto outcome = [](RetrialOutcome o) { return [o](CaseRecord& c) { c.retrial_outcome = o; }; };
  add(FI, "2024-01-01", "2024-02-01", outcome(RetrialOutcome::Revised));    // num
  add(SI, "2024-01-01", "2024-02-01", outcome(RetrialOutcome::Remanded));   // num
  add(RT, "2024-01-01", "2024-02-01", outcome(RetrialOutcome::Dismissed));
  add(FI, "2024-01-01", "2024-02-01");
  add(EN, "2024-01-01", "2024-02-01", outcome(RetrialOutcome::Revised));    // not T
  add(FI, "2024-01-01", "", outcome(RetrialOutcome::Revised));              // pending
  // num = 2, den = |closed(T)| = 4.
  EXPECT_EQ(court_measure("B2"), M(2, 4, 4));
}

TEST_F(Indicators, B3FilingChangedOverRulingsLiterally) {
  auto closing = [](ClosingMethod m, bool changed) {
    return [=](CaseRecord& c) {
      c.closing_method = m;
      c.filing_changed = changed;
    };
  };
  add(FI, "2024-01-01", "2024-02-01", closing(ClosingMethod::DismissalRuling, true));  // num, den
  add(SI, "2024-01-01", "2024-02-01", closing(ClosingMethod::RejectionRuling, false)); // den
  add(RT, "2024-01-01", "2024-02-01", closing(ClosingMethod::RejectionRuling, false)); // den
  // The numerator is not restricted to the rulings (the formula's literal reading): num.
  add(FI, "2024-01-01", "2024-02-01", closing(ClosingMethod::Judgment, true));
  add(FI, "2024-01-01", "", [](CaseRecord& c) { c.filing_changed = true; });           // pending
  add(FI, "2023-01-01", "2023-02-01", closing(ClosingMethod::DismissalRuling, true));  // before
  // num = 2, den = 3.
  EXPECT_EQ(court_measure("B3"), M(2, 3, 3));
}

TEST_F(Indicators, B4DocumentErrors) {
  auto doc = [](bool reviewed, bool error) {
    return [=](CaseRecord& c) {
      c.doc_reviewed = reviewed;
      c.doc_error = error;
    };
  };
  add(FI, "2024-01-01", "2024-02-01", doc(true, true));   // num, den
  add(SI, "2024-01-01", "2024-02-01", doc(true, false));  // den
  add(RT, "2024-01-01", "2024-02-01", doc(true, false));  // den
  add(FI, "2024-01-01", "2024-02-01", doc(false, true));  // not reviewed: neither
  add(FI, "2024-01-01", "", doc(true, true));             // pending
  add(EN, "2024-01-01", "2024-02-01", doc(true, true));   // not T
  // num = 1, den = 3.
  EXPECT_EQ(court_measure("B4"), M(1, 3, 3));
}

// ---- C: effect

TEST_F(Indicators, C1AcceptanceIsOneMinusAppealedOrRetrialApplied) {
  auto flags = [](bool appealed, bool retrial) {
    return [=](CaseRecord& c) {
      c.appealed = appealed;
      c.retrial_applied = retrial;
    };
  };
  add(FI, "2024-01-01", "2024-02-01", flags(true, false));  // num
  add(FI, "2024-01-01", "2024-02-01", flags(false, true));  // num
  add(FI, "2024-01-01", "2024-02-01", flags(true, true));   // num, once
  add(FI, "2024-01-01", "2024-02-01", flags(false, false));
  add(SI, "2024-01-01", "2024-02-01", flags(true, true));   // not F
  add(FI, "2024-01-01", "", flags(true, false));            // pending
  // num = 3, den = 4; value = 1 − 3/4 = 0.25.
  EXPECT_EQ(court_measure("C1"), M(3, 4, 4));
  EXPECT_DOUBLE_EQ(*court_value("C1"), 0.25);
}

TEST_F(Indicators, C2CivilMediationAndWithdrawal) {
  auto closing = [](ClosingMethod m, Category cat = Category::Civil) {
    return [=](CaseRecord& c) {
      c.closing_method = m;
      c.category = cat;
    };
  };
  add(FI, "2024-01-01", "2024-02-01", closing(ClosingMethod::Mediation));   // num
  add(FI, "2024-01-01", "2024-02-01", closing(ClosingMethod::Withdrawal));  // num
  add(FI, "2024-01-01", "2024-02-01", closing(ClosingMethod::Judgment));    // den
  add(FI, "2024-01-01", "2024-02-01", closing(ClosingMethod::Transfer));    // den
  add(FI, "2024-01-01", "2024-02-01",
      closing(ClosingMethod::Mediation, Category::Criminal));              // not civil
  add(SI, "2024-01-01", "2024-02-01", closing(ClosingMethod::Mediation));   // not F
  add(FI, "2024-01-01");                                                    // pending
  // num = 2, den = 4.
  EXPECT_EQ(court_measure("C2"), M(2, 4, 4));
}

TEST_F(Indicators, C3RetrialApplications) {
  auto applied = [](CaseRecord& c) { c.retrial_applied = true; };
  add(FI, "2024-01-01", "2024-02-01", applied);  // num
  add(SI, "2024-01-01", "2024-02-01", applied);  // num
  add(RT, "2024-01-01", "2024-02-01");
  add(EN, "2024-01-01", "2024-02-01", applied);  // not T
  add(FI, "2024-01-01", "", applied);            // pending
  // num = 2, den = 3.
  EXPECT_EQ(court_measure("C3"), M(2, 3, 3));
}

TEST_F(Indicators, C4PetitionsPerClosedTrialCase) {
  auto petitions = [](int n) { return [n](CaseRecord& c) { c.petitions = n; }; };
  add(FI, "2024-01-01", "2024-02-01", petitions(3));
  add(SI, "2024-01-01", "2024-02-01", petitions(0));
  add(RT, "2024-01-01", "2024-02-01", petitions(2));
  add(FI, "2024-01-01", "", petitions(5));             // pending
  add(EN, "2024-01-01", "2024-02-01", petitions(7));   // not T
  // num = Σ petitions = 5, den = |closed(T)| = 3, sample = 3 cases.
  EXPECT_EQ(court_measure("C4"), M(5, 3, 3));
}

// ---- D: enforcement

TEST_F(Indicators, D1CollectedOverAppliedWithCasesAsTheSample) {
  auto amounts = [](double applied, double collected) {
    return [=](CaseRecord& c) {
      c.amount_applied = applied;
      c.amount_collected = collected;
    };
  };
  add(EN, "2024-01-01", "2024-02-01", amounts(1000, 800.5));
  add(EN, "2024-01-01", "2024-02-01", amounts(500, 0));
  add(EN, "2024-01-01", "2024-02-01", amounts(0, 0));
  add(EN, "2024-01-01", "", amounts(1000, 1000));        // pending
  add(FI, "2024-01-01", "2024-02-01", amounts(999, 999)); // not E
  // num = 800.5, den = 1500, sample = |closed(E)| = 3 (not the amount).
  EXPECT_EQ(court_measure("D1"), M(800.5, 1500, 3));
  EXPECT_EQ(court_value("D1", 4), std::nullopt);
  EXPECT_DOUBLE_EQ(*court_value("D1", 3), 800.5 / 1500);
}

TEST_F(Indicators, D1WithNothingAppliedIsInsufficient) {
  for (int i = 0; i < 12; ++i) add(EN, "2024-01-01", "2024-02-01");  // amounts 0
  EXPECT_EQ(court_measure("D1"), M(0, 0, 12));
  EXPECT_EQ(court_value("D1", 10), std::nullopt);
}

TEST_F(Indicators, D2Completed) {
  auto closing = [](ClosingMethod m) { return [m](CaseRecord& c) { c.closing_method = m; }; };
  add(EN, "2024-01-01", "2024-02-01", closing(ClosingMethod::Completed));  // num
  add(EN, "2024-01-01", "2024-02-01", closing(ClosingMethod::Terminated));
  add(EN, "2024-01-01", "2024-02-01", closing(ClosingMethod::Other));
  add(EN, "2023-01-01", "2023-12-31", closing(ClosingMethod::Completed));  // before
  add(EN, "2024-01-01");                                                  // pending
  // num = 1, den = 3.
  EXPECT_EQ(court_measure("D2"), M(1, 3, 3));
}

TEST_F(Indicators, D3ClosedWithin180DaysPlusExtension) {
  ASSERT_EQ(day_of("2024-06-28") - day_of("2024-01-01"), 179);  // 180 days
  add(EN, "2024-01-01", "2024-06-28");                                                // 180: within
  add(EN, "2024-01-01", "2024-06-29");                                                // 181: not
  add(EN, "2024-01-01", "2024-06-29", [](CaseRecord& c) { c.extended_days = 1; });    // 181 ≤ 181
  add(EN, "2024-01-01", "2024-07-09", [](CaseRecord& c) { c.deducted_days = 11; });   // 191−11
  add(EN, "2024-01-01", "2024-07-09", [](CaseRecord& c) { c.limit_days = 400; });     // limit unused
  add(FI, "2024-01-01", "2024-01-05");                                                // not E
  // num = 3, den = 5.
  EXPECT_EQ(court_measure("D3"), M(3, 5, 5));
}

// ---- E: load and sources

TEST_F(Indicators, E1ClosedTrialAndEnforcementCasesPerJudge) {
  add(FI, "2024-01-01", "2024-02-01");                                             // j1
  add(SI, "2024-01-01", "2024-02-01", [](CaseRecord& c) { c.judge_id = "j2"; });
  add(EN, "2024-01-01", "2024-02-01", [](CaseRecord& c) { c.judge_id = "p9"; });  // no judge: court
  add(PL, "2024-01-01", "2024-02-01");                                             // P: not counted
  add(FI, "2024-01-01");                                                           // pending
  add(RT, "2023-01-01", "2023-02-01");                                             // before
  add(EN, "2024-01-01", "2024-02-01", [](CaseRecord& c) { c.court_code = "C2"; }); // C2, by j1
  // C1: 3 closed ÷ 2 judges (j1, j2; p9 has no judge role) = 1.5, sample = 2 (judges).
  EXPECT_EQ(court_measure("E1"), M(3, 2, 2));
  // E1 has no minimum sample.
  EXPECT_DOUBLE_EQ(*court_value("E1", 10), 1.5);
  // C2: 1 ÷ 1 judge.
  EXPECT_EQ(court_measure("E1", "C2"), M(1, 1, 1));
  // A judge: the judge's own closed(T ∪ E), in any court, denominator 1.
  EXPECT_EQ(judge_measure("E1", "j1"), M(2, 1, 1));
  EXPECT_EQ(judge_measure("E1", "j2"), M(1, 1, 1));
  EXPECT_EQ(judge_measure("E1", "k1"), M(0, 1, 1));
}

TEST_F(Indicators, E1WithoutJudgesIsInsufficient) {
  add(FI, "2024-01-01", "2024-02-01", [](CaseRecord& c) { c.court_code = "C3"; });
  EXPECT_EQ(court_measure("E1", "C3"), M(1, 0, 0));
  EXPECT_EQ(court_value("E1", 1, "C3"), std::nullopt);
}

TEST_F(Indicators, E2CountsEveryCaseOfTheDisputesInAnyCourtAndDateButPreLitigation) {
  auto in = [](const char* dispute, const char* court_code = "C1") {
    return [=](CaseRecord& c) {
      c.dispute_id = dispute;
      c.court_code = court_code;
    };
  };
  // D1: filed in C1 in the window; also an appeal in C2, an enforcement after the window, a
  // pre-litigation case (not counted) → 3 cases.
  add(FI, "2024-03-01", "2024-05-01", in("D1"));
  add(SI, "2024-09-01", "", in("D1", "C2"));
  add(EN, "2025-02-01", "", in("D1"));
  add(PL, "2023-12-01", "2024-01-15", in("D1"));
  // D2: two cases of C1 in the window (D2 counted once in |D|) → 2 cases.
  add(FI, "2024-05-01", "", in("D2"));
  add(SI, "2024-08-01", "", in("D2"));
  // D3: first instance before the window, enforcement in it → 2 cases.
  add(FI, "2023-05-01", "2023-08-01", in("D3"));
  add(EN, "2024-02-01", "", in("D3"));
  // D4: C1 has only a pre-litigation case of it (does not make D4 one of C1's); C2 has a first
  // instance → 1 case.
  add(PL, "2024-03-01", "", in("D4"));
  add(FI, "2024-04-01", "", in("D4", "C2"));
  // D5: only before the window → not in D.
  add(FI, "2023-01-01", "", in("D5"));
  // C1: D = {D1, D2, D3}: (3 + 2 + 2) ÷ 3 = 7/3, sample = 3 disputes.
  EXPECT_EQ(court_measure("E2"), M(7, 3, 3));
  // C2: D = {D1, D4}: (3 + 1) ÷ 2.
  EXPECT_EQ(court_measure("E2", "C2"), M(4, 2, 2));
  // C3: no case → insufficient.
  EXPECT_EQ(court_measure("E2", "C3"), M(0, 0, 0));
  EXPECT_EQ(court_value("E2", 1, "C3"), std::nullopt);
}

TEST_F(Indicators, E3PreLitigationMediated) {
  auto closing = [](ClosingMethod m) { return [m](CaseRecord& c) { c.closing_method = m; }; };
  add(PL, "2024-01-01", "2024-02-01", closing(ClosingMethod::Mediated));  // num
  add(PL, "2024-01-01", "2024-02-01", closing(ClosingMethod::Mediated));  // num
  add(PL, "2024-01-01", "2024-02-01", closing(ClosingMethod::Failed));
  add(PL, "2024-01-01");                                                  // pending
  add(PL, "2023-01-01", "2023-02-01", closing(ClosingMethod::Mediated));  // before
  // num = 2, den = 3.
  EXPECT_EQ(court_measure("E3"), M(2, 3, 3));
}

// ---- Judges, other courts, insufficient samples

TEST_F(Indicators, JudgesCountTheirOwnCasesOnly) {
  add(FI, "2024-01-01", "2024-02-01", [](CaseRecord& c) { c.appealed = true; });
  add(FI, "2024-01-01", "2024-02-01", [](CaseRecord& c) {
    c.judge_id = "j2";
    c.retrial_outcome = RetrialOutcome::Revised;  // B2: not a judge indicator
  });
  add(FI, "2023-06-01", "", [](CaseRecord& c) { c.judge_id = "p9"; });  // not a judge
  auto m = measure(table, org, window);
  ASSERT_EQ(m.judges.size(), 3u);
  const Measures& j1 = m.judges[org.judge_index("j1")];
  const Measures& j2 = m.judges[org.judge_index("j2")];
  EXPECT_EQ(j1[indicator_index("A1")], M(1, 1, 1));
  EXPECT_EQ(j1[indicator_index("C1")], M(1, 1, 1));
  EXPECT_EQ(j2[indicator_index("C1")], M(0, 1, 1));
  EXPECT_EQ(j2[indicator_index("B2")], M(0, 0, 0));  // only kJudgeIndicators are filled
  // The court counts all three, p9's pending case too.
  EXPECT_EQ(court_measure("A1"), M(2, 3, 3));
  EXPECT_EQ(court_measure("B2"), M(1, 2, 2));
}

TEST_F(Indicators, CasesOfCourtsOutsideTheOrgCountForNoCourt) {
  add(FI, "2024-01-01", "2024-02-01", [](CaseRecord& c) {
    c.court_code = "ZZ";
    c.judge_id = "nobody";
  });
  auto m = measure(table, org, window);
  for (const auto& court : m.courts) EXPECT_EQ(court[0], M(0, 0, 0));
}

TEST_F(Indicators, InsufficientBelowTheMinimumSampleOrWithoutDenominator) {
  EXPECT_EQ(indicator_value(0, M(9, 10, 10), 10), 0.9);   // sample = min: a value
  EXPECT_EQ(indicator_value(0, M(8, 9, 9), 10), std::nullopt);
  EXPECT_EQ(indicator_value(0, M(0, 0, 0), 0), std::nullopt);  // zero denominator, no minimum
  EXPECT_EQ(indicator_value(8, M(1, 4, 4), 1), 0.75);     // C1 = 1 − n/d
  EXPECT_EQ(indicator_value(8, M(0, 0, 0), 1), std::nullopt);
  EXPECT_EQ(indicator_value(kE1, M(30, 2, 2), 10), 15.0);  // E1 ignores the minimum
  EXPECT_EQ(indicator_value(kE1, M(30, 0, 0), 0), std::nullopt);
  EXPECT_EQ(indicator_value(12, M(5, 10, 9), 10), std::nullopt);  // D1: sample is cases

  // Through measure(): 7 cases in A1's denominator.
  for (int i = 0; i < 7; ++i) add(FI, "2024-02-01", i < 3 ? "2024-03-01" : "");
  EXPECT_EQ(court_value("A1", 8), std::nullopt);
  EXPECT_DOUBLE_EQ(*court_value("A1", 7), 3.0 / 7);
  EXPECT_EQ(court_value("A4", 1), std::optional<double>(0.0));  // 4 pending, none old
  EXPECT_EQ(court_value("B3", 1), std::nullopt);                  // no ruling: 0 denominator
}

TEST_F(Indicators, AnEmptyTableMeasuresZeroEverywhere) {
  auto m = measure(table, org, window);
  ASSERT_EQ(m.courts.size(), 3u);
  for (int i = 0; i < kIndicatorCount; ++i) {
    if (i == kE1) continue;
    EXPECT_EQ(m.courts[0][i], M(0, 0, 0)) << kIndicators[i].id;
  }
  EXPECT_EQ(m.courts[0][kE1], M(0, 2, 2));
}

}  // namespace
}  // namespace board
