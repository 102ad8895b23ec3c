// SPDX-License-Identifier: Apache-2.0
// The synthetic case generator: deterministic per seed, every record importable, and aggregates
// in the published ranges (court-domain.md §1.2) over a 128-court province.
#include "synthetic_cases.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace board {
namespace {

constexpr Day kToday = 20792;  // 2026-12-05

// A province shaped like the demo's: 1 high court, 14 intermediate courts with 8 basic courts
// each (the last with 6), 2 special courts; 2 to 40 judges per court plus other staff.
Org province() {
  std::vector<courthub::Court> courts;
  std::vector<courthub::Person> people;
  auto add_court = [&](std::string code, std::string level, std::string kind, int judges) {
    courthub::Court c;
    c.code = code;
    c.name = code;
    c.level = level;
    c.kind = kind;
    courts.push_back(c);
    for (int j = 0; j < judges + 2; ++j) {
      courthub::Person p;
      p.user_id = code + "-" + std::to_string(100 + j);
      p.name = p.user_id;
      p.court_code = code;
      p.roles = {j < judges ? "judge" : "clerk"};
      people.push_back(p);
    }
  };
  add_court("LN-HC", "high", "ordinary", 30);
  add_court("LN-IC-HS", "intermediate", "maritime", 8);
  add_court("LN-IC-TL", "intermediate", "railway", 6);
  int basic = 0;
  for (int i = 0; i < 14; ++i) {
    std::string city = "C" + std::to_string(10 + i);
    add_court("LN-IC-" + city, "intermediate", "ordinary", 20 + 2 * i);
    for (int b = 0; b < 8 && basic < 111; ++b, ++basic)
      add_court("LN-BC-" + city + "-" + std::to_string(10 + b), "basic", "ordinary",
                2 + (basic * 7) % 39);
  }
  return org_from(courts, people);
}

const Org& shared_province() {
  static const Org org = province();
  return org;
}

std::vector<CaseRecord> generate(const Org& org, int64_t count, uint64_t seed) {
  std::vector<CaseRecord> out;
  generate_cases(org, {count, seed, kToday}, [&](const CaseRecord& c) { out.push_back(c); });
  return out;
}

const std::vector<CaseRecord>& fifty_thousand() {
  static const std::vector<CaseRecord> cases = generate(shared_province(), 50'000, 7);
  return cases;
}

// RFC 4180 fields of one line (no line breaks inside fields here).
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        fields.back() += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      fields.emplace_back();
    } else {
      fields.back() += ch;
    }
  }
  return fields;
}

// The record back from its CSV row, through parse_case and a header-keyed field lookup.
std::variant<CaseRecord, FieldProblem> round_trip(const CaseRecord& c) {
  std::ostringstream out;
  write_csv_header(out);
  write_csv(out, c);
  std::istringstream in(out.str());
  std::string header_line, row_line;
  std::getline(in, header_line);
  std::getline(in, row_line);
  auto header = split_csv(header_line);
  auto row = split_csv(row_line);
  EXPECT_EQ(header.size(), row.size()) << row_line;
  return parse_case([&](std::string_view name) -> std::optional<std::string_view> {
    for (size_t i = 0; i < header.size() && i < row.size(); ++i)
      if (header[i] == name) return std::string_view(row[i]);
    return std::nullopt;
  });
}

std::string as_csv(const std::vector<CaseRecord>& cases) {
  std::ostringstream out;
  for (const auto& c : cases) write_csv(out, c);
  return out.str();
}

bool trial_days_within(const CaseRecord& c) {
  return c.closed_on - c.filed_on + 1 - c.deducted_days <= c.limit_days + c.extended_days;
}

TEST(SyntheticCases, TheSameSeedGivesTheSameRecordsAndAnotherSeedOthers) {
  const Org& org = shared_province();
  auto a = generate(org, 5'000, 42);
  auto b = generate(org, 5'000, 42);
  auto c = generate(org, 5'000, 43);
  ASSERT_EQ(a.size(), 5'000u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(as_csv(a), as_csv(b));
  ASSERT_EQ(c.size(), 5'000u);
  size_t same_court = 0;
  for (size_t i = 0; i < a.size(); ++i) same_court += a[i].court_code == c[i].court_code;
  EXPECT_LT(same_court, a.size() / 2);  // not the same stream with other ids
  EXPECT_NE(a.front().case_id, c.front().case_id);
}

TEST(SyntheticCases, IdsFollowFilingDatesOverFourHundredDays) {
  const auto& cases = fifty_thousand();
  auto mean_filed = [&](size_t from, size_t to) {
    double sum = 0;
    for (size_t i = from; i < to; ++i) sum += cases[i].filed_on;
    return sum / static_cast<double>(to - from);
  };
  const size_t tenth = cases.size() / 10;
  EXPECT_LT(mean_filed(0, tenth), kToday - 300);
  EXPECT_GT(mean_filed(cases.size() - tenth, cases.size()), kToday - 60);
  EXPECT_LT(cases.front().case_id, cases.back().case_id);  // ids sort as made
  Day earliest = kToday;
  for (const auto& c : cases) earliest = std::min(earliest, c.filed_on);
  EXPECT_LE(earliest, kToday - 365);  // a previous year exists
}

TEST(SyntheticCases, EmitsExactlyTheCountWithUniqueIds) {
  EXPECT_TRUE(generate(shared_province(), 0, 1).empty());
  EXPECT_TRUE(generate(shared_province(), -5, 1).empty());
  EXPECT_TRUE(generate(Org{}, 10, 1).empty());
  auto cases = generate(shared_province(), 12'345, 9);
  ASSERT_EQ(cases.size(), 12'345u);
  std::set<std::string> ids;
  for (const auto& c : cases) ids.insert(c.case_id);
  EXPECT_EQ(ids.size(), cases.size());
}

TEST(SyntheticCases, EveryRecordSurvivesTheCsvAndParseCaseAndNamesItsCourtsPeople) {
  const Org& org = shared_province();
  for (const auto& c : generate(org, 20'000, 11)) {
    auto parsed = round_trip(c);
    if (auto* problem = std::get_if<FieldProblem>(&parsed)) {
      FAIL() << c.case_id << ": " << problem->field << " " << problem->reason;
    }
    ASSERT_EQ(std::get<CaseRecord>(parsed), c) << c.case_id;
    ASSERT_GE(org.court_index(c.court_code), 0) << c.court_code;
    ASSERT_TRUE(org.is_person(c.judge_id)) << c.judge_id;
    int judge = org.judge_index(c.judge_id);
    ASSERT_GE(judge, 0) << c.judge_id << " is not a judge";
    ASSERT_EQ(org.judges[static_cast<size_t>(judge)].court_code, c.court_code);
    ASSERT_LE(c.filed_on, kToday);
    if (c.is_closed()) {
      ASSERT_LE(c.closed_on, kToday);
    }
  }
}

TEST(SyntheticCases, CsvQuotesFieldsThatNeedIt) {
  CaseRecord c = generate(shared_province(), 1, 3).front();
  c.case_no = "(2026)辽01, \"甲\"号";
  std::ostringstream out;
  write_csv(out, c);
  EXPECT_NE(out.str().find("\"(2026)辽01, \"\"甲\"\"号\""), std::string::npos) << out.str();
  auto parsed = round_trip(c);
  ASSERT_TRUE(std::holds_alternative<CaseRecord>(parsed));
  EXPECT_EQ(std::get<CaseRecord>(parsed).case_no, c.case_no);
}

TEST(SyntheticCases, CsvHeaderIsTheSchema) {
  std::ostringstream out;
  write_csv_header(out);
  std::string expected;
  for (auto name : kCaseFields) expected += std::string(expected.empty() ? "" : ",") + std::string(name);
  EXPECT_EQ(out.str(), expected + "\n");
}

TEST(SyntheticCases, AggregatesAreInThePublishedRanges) {
  const auto& cases = fifty_thousand();
  const Day from = kToday - 364;  // the last 365 days
  int64_t trial_closed = 0, trial_filed = 0, pending_at_start = 0, within = 0, pending = 0,
          long_pending = 0, first_closed = 0, revised = 0, appealed = 0, civil = 0,
          mediated = 0, enforcement = 0, second_instance = 0, second_at_intermediate = 0,
          pre_litigation = 0, petitions = 0, reviewed = 0;
  double applied = 0, collected = 0;
  const Org& org = shared_province();
  for (const auto& c : cases) {
    bool closed_in = c.is_closed() && c.closed_on >= from;
    if (c.procedure == Procedure::Enforcement) {
      ++enforcement;
      if (closed_in) {
        applied += c.amount_applied;
        collected += c.amount_collected;
      }
    }
    pre_litigation += c.procedure == Procedure::PreLitigation;
    if (c.procedure == Procedure::SecondInstance) {
      ++second_instance;
      second_at_intermediate +=
          org.courts[static_cast<size_t>(org.court_index(c.court_code))].level == "intermediate";
    }
    if (!c.is_trial()) continue;
    trial_filed += c.filed_on >= from;
    pending_at_start += c.filed_on < from && (!c.is_closed() || c.closed_on >= from);
    if (!c.is_closed()) {
      ++pending;
      long_pending += kToday - c.filed_on >= 365;
    }
    if (!closed_in) continue;
    ++trial_closed;
    within += trial_days_within(c);
    petitions += c.petitions;
    reviewed += c.doc_reviewed;
    if (c.procedure != Procedure::FirstInstance) continue;
    ++first_closed;
    appealed += c.appealed;
    revised += c.appeal_outcome == AppealOutcome::Revised ||
               c.appeal_outcome == AppealOutcome::Remanded;
    if (c.category == Category::Civil) {
      ++civil;
      mediated += c.closing_method == ClosingMethod::Mediation ||
                  c.closing_method == ClosingMethod::Withdrawal;
    }
  }
  const double n = static_cast<double>(cases.size());
  auto rate = [](int64_t a, int64_t b) { return static_cast<double>(a) / static_cast<double>(b); };
  EXPECT_NEAR(rate(trial_closed, pending_at_start + trial_filed), 0.92, 0.03);   // 结案率 ≈ 93%
  EXPECT_NEAR(rate(within, trial_closed), 0.975, 0.015);                         // 审限内 96–99%
  EXPECT_NEAR(rate(appealed, first_closed), 0.095, 0.02);                        // 上诉率 ≈ 9.5%
  EXPECT_NEAR(rate(revised, first_closed), 0.018, 0.006);                        // 发改率 1.4–2.2%
  EXPECT_NEAR(rate(mediated, civil), 0.235, 0.04);                               // 调撤率 19–27%
  EXPECT_NEAR(enforcement / n, 0.30, 0.04);                                      // 执行 ≈ 30%
  EXPECT_NEAR(collected / applied, 0.50, 0.12);                                  // 到位率 40–60%
  EXPECT_GT(pre_litigation / n, 0.03);
  EXPECT_GT(second_instance, 0);
  EXPECT_GT(rate(second_at_intermediate, second_instance), 0.8);  // appeals go up one level
  EXPECT_GT(long_pending, 0);
  EXPECT_LT(rate(long_pending, pending), 0.15);
  EXPECT_LT(rate(petitions, trial_closed), 0.02);                               // rare
  EXPECT_NEAR(rate(reviewed, trial_closed), 0.06, 0.01);                        // a sample
}

TEST(SyntheticCases, EveryCourtHasCasesAndBasicCourtsCarryMost) {
  const Org& org = shared_province();
  std::map<std::string, int64_t> per_court;
  for (const auto& c : fifty_thousand()) ++per_court[c.court_code];
  EXPECT_EQ(per_court.size(), org.courts.size());
  int64_t basic = 0, high = 0;
  for (const auto& court : org.courts) {
    if (court.group == PeerGroup::Basic) basic += per_court[court.code];
    if (court.group == PeerGroup::High) high += per_court[court.code];
  }
  EXPECT_GT(basic, 50'000 * 7 / 10);
  EXPECT_LT(high, 50'000 / 100);
}

TEST(SyntheticCases, DisputesAreSharedAcrossProceduresAndCourts) {
  std::map<std::string, std::vector<const CaseRecord*>> disputes;
  for (const auto& c : fifty_thousand()) disputes[c.dispute_id].push_back(&c);
  int64_t several = 0, across_courts = 0, three_or_more = 0;
  for (const auto& [id, members] : disputes) {
    if (members.size() < 2) continue;
    ++several;
    three_or_more += members.size() >= 3;
    std::set<std::string> courts;
    for (const auto* c : members) courts.insert(c->court_code);
    across_courts += courts.size() > 1;
    EXPECT_LE(members.size(), 5u) << id;
  }
  EXPECT_GT(several, static_cast<int64_t>(disputes.size() / 10));
  EXPECT_GT(across_courts, 1'000);
  EXPECT_GT(three_or_more, 100);
}

TEST(SyntheticCases, CourtsDifferInQuality) {
  // Within-limit rates of the basic courts spread out, so the board has tiers.
  std::map<std::string, std::pair<int64_t, int64_t>> per_court;  // within, closed
  for (const auto& c : fifty_thousand()) {
    if (!c.is_trial() || !c.is_closed()) continue;
    auto& [within, closed] = per_court[c.court_code];
    within += trial_days_within(c);
    ++closed;
  }
  double lowest = 1, highest = 0;
  for (const auto& [code, counts] : per_court) {
    if (counts.second < 200) continue;
    double rate = static_cast<double>(counts.first) / static_cast<double>(counts.second);
    lowest = std::min(lowest, rate);
    highest = std::max(highest, rate);
  }
  EXPECT_GT(highest - lowest, 0.015);
}

TEST(SyntheticCases, ACourtWithoutJudgesUsesItsPeopleAndOneWithNobodyGetsNoCases) {
  std::vector<courthub::Court> courts = {{"X-BC-A-1", "甲", "basic", "ordinary", "", "", ""},
                                         {"X-BC-A-2", "乙", "basic", "ordinary", "", "", ""},
                                         {"X-IC-A", "丙", "intermediate", "ordinary", "", "", ""}};
  std::vector<courthub::Person> people = {
      {"X-BC-A-1-01", "书记员", "X-BC-A-1", "", "书记员", {"clerk"}, ""},
      {"X-IC-A-01", "法官", "X-IC-A", "", "审判员", {"judge"}, ""}};
  Org org = org_from(courts, people);
  auto cases = generate(org, 2'000, 4);
  ASSERT_EQ(cases.size(), 2'000u);
  std::set<std::string> courts_seen;
  for (const auto& c : cases) {
    courts_seen.insert(c.court_code);
    if (c.court_code == "X-BC-A-1") {
      EXPECT_EQ(c.judge_id, "X-BC-A-1-01");
    } else {
      EXPECT_EQ(c.judge_id, "X-IC-A-01");
    }
  }
  EXPECT_EQ(courts_seen, (std::set<std::string>{"X-BC-A-1", "X-IC-A"}));
}

}  // namespace
}  // namespace board
