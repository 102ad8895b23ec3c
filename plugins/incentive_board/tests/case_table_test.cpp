// SPDX-License-Identifier: Apache-2.0
// CaseTable: upsert by case_id, find, every field kept and replaced, interned columns, memory.
#include <gtest/gtest.h>

#include <string>

#include "case_table.hpp"

namespace board {
namespace {

CaseRecord first_case() {
  CaseRecord c;
  c.case_id = "C0000001";
  c.case_no = "(2024)辽0103民初1号";
  c.court_code = "2101";
  c.judge_id = "j1";
  c.dispute_id = "D1";
  c.category = Category::Civil;
  c.procedure = Procedure::FirstInstance;
  c.filed_on = day_of("2024-01-10");
  c.closed_on = day_of("2024-03-01");
  c.limit_days = 90;
  c.extended_days = 0;
  c.deducted_days = 0;
  c.closing_method = ClosingMethod::Judgment;
  return c;
}

// first_case() with every field changed (same case_id).
CaseRecord every_field_changed() {
  CaseRecord c;
  c.case_id = "C0000001";
  c.case_no = "不按格式的案号";
  c.court_code = "2102";
  c.judge_id = "judge-two";
  c.dispute_id = "dispute without number";
  c.category = Category::StateCompensation;
  c.procedure = Procedure::Enforcement;
  c.filed_on = day_of("2023-12-31");
  c.closed_on = kNoDay;
  c.limit_days = 70000;             // beyond 16 bits
  c.extended_days = 2147483647;     // beyond 16 bits
  c.deducted_days = 65534;          // the first value that does not fit the 16-bit column
  c.closing_method = ClosingMethod::Terminated;
  c.appealed = true;
  c.appeal_outcome = AppealOutcome::Withdrawn;
  c.retrial_applied = true;
  c.retrial_outcome = RetrialOutcome::Remanded;
  c.filing_changed = true;
  c.petitions = 65533;              // the last value that fits
  c.doc_reviewed = true;
  c.doc_error = true;
  c.amount_applied = 1234567.89;
  c.amount_collected = 0.01;
  return c;
}

TEST(CaseTable, InsertsAndFindsACase) {
  CaseTable t;
  EXPECT_EQ(t.upsert(first_case()), CaseTable::Upsert::Inserted);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_TRUE(t.contains("C0000001"));
  EXPECT_EQ(t.find("C0000001"), first_case());
  EXPECT_FALSE(t.contains("C0000002"));
  EXPECT_FALSE(t.find("C1").has_value());
  EXPECT_FALSE(t.find("").has_value());
}

TEST(CaseTable, UpsertReplacesEveryField) {
  CaseTable t;
  t.upsert(first_case());
  EXPECT_EQ(t.upsert(every_field_changed()), CaseTable::Upsert::Updated);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(t.find("C0000001"), every_field_changed());
  // And back: overflowed integers, amounts, flags and outcomes return to the first values.
  EXPECT_EQ(t.upsert(first_case()), CaseTable::Upsert::Updated);
  EXPECT_EQ(t.find("C0000001"), first_case());
}

TEST(CaseTable, EachFieldAloneIsReplaced) {
  // One update per field, so a field that is not written on update would show.
  CaseTable t;
  CaseRecord c = first_case();
  t.upsert(c);
  auto check = [&](auto change) {
    change(c);
    EXPECT_EQ(t.upsert(c), CaseTable::Upsert::Updated);
    EXPECT_EQ(t.find(c.case_id), c);
  };
  check([](CaseRecord& r) { r.case_no = "(2025)辽0103民初77号"; });
  check([](CaseRecord& r) { r.court_code = "2199"; });
  check([](CaseRecord& r) { r.judge_id = "j9"; });
  check([](CaseRecord& r) { r.dispute_id = "D9"; });
  check([](CaseRecord& r) { r.category = Category::Administrative; });
  check([](CaseRecord& r) { r.procedure = Procedure::SecondInstance; });
  check([](CaseRecord& r) { r.filed_on = day_of("2024-01-01"); });
  check([](CaseRecord& r) { r.closed_on = day_of("2024-05-05"); });
  check([](CaseRecord& r) { r.limit_days = -1; });
  check([](CaseRecord& r) { r.extended_days = 15; });
  check([](CaseRecord& r) { r.deducted_days = 4; });
  check([](CaseRecord& r) { r.closing_method = ClosingMethod::Mediation; });
  check([](CaseRecord& r) { r.appealed = true; });
  check([](CaseRecord& r) { r.appeal_outcome = AppealOutcome::Revised; });
  check([](CaseRecord& r) { r.retrial_applied = true; });
  check([](CaseRecord& r) { r.retrial_outcome = RetrialOutcome::Revised; });
  check([](CaseRecord& r) { r.filing_changed = true; });
  check([](CaseRecord& r) { r.petitions = 2; });
  check([](CaseRecord& r) { r.doc_reviewed = true; });
  check([](CaseRecord& r) { r.doc_error = true; });
  check([](CaseRecord& r) { r.amount_applied = 10; });
  check([](CaseRecord& r) { r.amount_collected = 5; });
  check([](CaseRecord& r) { r.amount_applied = 0; r.amount_collected = 0; });
  check([](CaseRecord& r) { r.appealed = false; r.doc_error = false; });
}

TEST(CaseTable, ColumnsInternCourtsJudgesAndDisputes) {
  CaseTable t;
  CaseRecord a = first_case();
  CaseRecord b = first_case();
  b.case_id = "C0000002";
  b.judge_id = "j2";
  CaseRecord c = first_case();
  c.case_id = "C0000003";
  c.court_code = "2102";
  c.dispute_id = "D2";
  t.upsert(a);
  t.upsert(b);
  t.upsert(c);
  EXPECT_EQ(t.court_of(0), t.court_of(1));
  EXPECT_NE(t.court_of(0), t.court_of(2));
  EXPECT_EQ(t.court_codes()[t.court_of(2)], "2102");
  EXPECT_NE(t.judge_of(0), t.judge_of(1));
  EXPECT_EQ(t.judge_ids()[t.judge_of(1)], "j2");
  EXPECT_EQ(t.dispute_of(0), t.dispute_of(1));
  EXPECT_EQ(t.dispute_count(), 2u);
  EXPECT_EQ(t.dispute_id(t.dispute_of(2)), "D2");
  EXPECT_EQ(t.record(2), c);
  // An update keeps the case's row.
  c.closed_on = kNoDay;
  c.closing_method = ClosingMethod::None;
  t.upsert(c);
  EXPECT_EQ(t.closed_on(2), kNoDay);
  EXPECT_EQ(t.record(2).case_id, "C0000003");
}

TEST(CaseTable, ClearEmptiesTheTable) {
  CaseTable t;
  t.upsert(first_case());
  t.clear();
  EXPECT_EQ(t.size(), 0u);
  EXPECT_FALSE(t.contains("C0000001"));
  EXPECT_EQ(t.upsert(first_case()), CaseTable::Upsert::Inserted);
}

// Realistic ids: case numbers per court and year, ~1.3 cases per dispute, a quarter enforcement.
CaseRecord synthetic(int i) {
  CaseRecord c = first_case();
  int court = i % 128;
  c.case_id = "LN" + std::to_string(20240000000LL + i);
  c.case_no = "(2024)辽" + std::to_string(100 + court) + "民初" + std::to_string(i / 128 + 1) + "号";
  c.court_code = "21" + std::to_string(court);
  c.judge_id = "judge" + std::to_string(i % 5000);
  c.dispute_id = "D" + std::to_string(i - i % 4 + (i % 4 == 3 ? 1 : 0));
  c.filed_on = day_of("2024-01-01") + i % 366;
  if (i % 4 == 0) {
    c.procedure = Procedure::Enforcement;
    c.amount_applied = 1000.0 + i;
    c.amount_collected = 500.5;
  }
  return c;
}

TEST(CaseTable, ManyCasesStayFindableAndCompact) {
  CaseTable t;
  const int n = 200000;
  t.reserve(n);
  for (int i = 0; i < n; ++i) ASSERT_EQ(t.upsert(synthetic(i)), CaseTable::Upsert::Inserted);
  EXPECT_EQ(t.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; i += 997) ASSERT_EQ(t.find(synthetic(i).case_id), synthetic(i)) << i;
  EXPECT_FALSE(t.contains("LN" + std::to_string(20240000000LL + n)));
  // 2,000,000 such cases must stay well under 200 MB with the indexes: about 77 bytes a case at
  // 2,000,000 (155 MB); here the fixed part (5,000 judges, dictionaries) weighs more.
  EXPECT_LT(t.bytes() / n, 90u) << t.bytes();
}

}  // namespace
}  // namespace board
