// SPDX-License-Identifier: Apache-2.0
// A filing's states and moves, its 7-day clock, its form and its 案号.
#include <gtest/gtest.h>

#include <courthub/error.hpp>

#include "case_number_assignment.hpp"
#include "filing.hpp"

namespace lawyers {
namespace {

using courthub::Json;

constexpr int64_t kDay = 24LL * 3600 * 1000;

courthub::Status status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const courthub::Error& e) {
    return e.status();
  }
  return courthub::Status::Ok;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const courthub::Error& e) {
    return e.what();
  }
  return {};
}

TEST(FilingStates, TheCourtDecidesOnlyWhatAwaitsReview) {
  EXPECT_EQ(next_filing_state(1, FilingState::Submitted, FilingMove::Accept), FilingState::Accepted);
  EXPECT_EQ(next_filing_state(1, FilingState::Submitted, FilingMove::Return), FilingState::Returned);
  EXPECT_EQ(next_filing_state(1, FilingState::Submitted, FilingMove::Refuse), FilingState::Refused);
  for (auto s : {FilingState::Returned, FilingState::Accepted, FilingState::Refused,
                 FilingState::Withdrawn})
    for (auto m : {FilingMove::Accept, FilingMove::Return, FilingMove::Refuse})
      EXPECT_EQ(status_of([&] { next_filing_state(1, s, m); }), courthub::Status::Conflict);
}

TEST(FilingStates, TheLawyerResubmitsOnlyAReturnedFilingAndWithdrawsAnOpenOne) {
  EXPECT_EQ(next_filing_state(1, FilingState::Returned, FilingMove::Resubmit),
            FilingState::Submitted);
  EXPECT_EQ(status_of([] { next_filing_state(1, FilingState::Submitted, FilingMove::Resubmit); }),
            courthub::Status::Conflict);
  EXPECT_EQ(next_filing_state(1, FilingState::Submitted, FilingMove::Withdraw),
            FilingState::Withdrawn);
  EXPECT_EQ(next_filing_state(1, FilingState::Returned, FilingMove::Withdraw),
            FilingState::Withdrawn);
  EXPECT_EQ(status_of([] { next_filing_state(1, FilingState::Accepted, FilingMove::Withdraw); }),
            courthub::Status::Conflict);
}

TEST(FilingStates, ARefusalNamesTheState) {
  std::string m = message_of([] { next_filing_state(7, FilingState::Accepted, FilingMove::Refuse); });
  EXPECT_NE(m.find("filing 7 is accepted (已立案)"), std::string::npos) << m;
}

TEST(FilingStates, CodesAndLabelsGoBothWays) {
  for (auto s : {FilingState::Submitted, FilingState::Returned, FilingState::Accepted,
                 FilingState::Refused, FilingState::Withdrawn})
    EXPECT_EQ(parse_filing_state(filing_state_code(s)), s);
  EXPECT_EQ(filing_state_label(FilingState::Returned), "待补正");
  EXPECT_FALSE(parse_filing_state("pending"));
}

TEST(FilingClock, DueSevenCalendarDaysAfterTheSubmission) {
  const int64_t submitted = 1'796'000'000'000;  // any instant
  EXPECT_EQ(filing_due_ms(submitted, 7), submitted + 7 * kDay);
  EXPECT_EQ(filing_due_ms(submitted, 1), submitted + kDay);
}

TEST(FilingClock, OverdueOnlyWhileAwaitingReviewFromTheDueInstantOn) {
  const int64_t due = 1'796'000'000'000;
  EXPECT_FALSE(filing_overdue(FilingState::Submitted, due, due - 1));
  EXPECT_TRUE(filing_overdue(FilingState::Submitted, due, due));
  EXPECT_TRUE(filing_overdue(FilingState::Submitted, due, due + 30 * kDay));
  for (auto s : {FilingState::Returned, FilingState::Accepted, FilingState::Refused,
                 FilingState::Withdrawn})
    EXPECT_FALSE(filing_overdue(s, due, due + kDay));
}

TEST(CaseNumbers, TypeCodesOfTheFourCaseTypes) {
  EXPECT_EQ(case_type_code("民事"), "民初");
  EXPECT_EQ(case_type_code("行政"), "行初");
  EXPECT_EQ(case_type_code("执行"), "执");
  EXPECT_EQ(case_type_code("刑事自诉"), "刑初");
  EXPECT_EQ(case_type_code("刑事"), "");
}

TEST(CaseNumbers, FormattedAsCourtsWriteThem) {
  EXPECT_EQ(format_case_number(2026, "辽0102", "民初", 12), "（2026）辽0102民初12号");
  EXPECT_EQ(format_case_number(2027, "辽01", "执", 1), "（2027）辽01执1号");
}

TEST(CaseNumbers, TheSerialOfANumberOfTheSameCourtYearAndType) {
  EXPECT_EQ(case_serial_of("（2026）辽0102民初12号", 2026, "辽0102", "民初"), 12);
  EXPECT_FALSE(case_serial_of("（2025）辽0102民初12号", 2026, "辽0102", "民初"));
  EXPECT_FALSE(case_serial_of("（2026）辽0103民初12号", 2026, "辽0102", "民初"));
  EXPECT_FALSE(case_serial_of("（2026）辽0102行初12号", 2026, "辽0102", "民初"));
  EXPECT_FALSE(case_serial_of("（2026）辽0102民初号", 2026, "辽0102", "民初"));
  EXPECT_FALSE(case_serial_of("（2026）辽0102民初012号", 2026, "辽0102", "民初"));
}

TEST(CaseNumbers, TheShapeOfAGivenNumber) {
  EXPECT_TRUE(looks_like_case_number("（2026）辽0102民初12号"));
  EXPECT_TRUE(looks_like_case_number("（2026）辽01执恢3号"));
  EXPECT_FALSE(looks_like_case_number("(2026)辽0102民初12号"));  // half-width parentheses
  EXPECT_FALSE(looks_like_case_number("（2026）12号"));
  EXPECT_FALSE(looks_like_case_number("（26）辽0102民初12号"));
  EXPECT_FALSE(looks_like_case_number("（2026）辽0102民初12"));
}

Json valid_form() {
  const std::string a(64, 'a'), b(64, 'b'), c(64, 'c'), d(64, 'd');
  return Json::object(
      {{"court", "LN-BC-SY-01"},
       {"case_type", "民事"},
       {"cause", "民间借贷纠纷"},
       {"plaintiffs", Json::array({Json::object({{"name", "张三"}, {"kind", "自然人"}})})},
       {"defendants", Json::array({Json::object({{"name", "某公司"}, {"kind", "法人"}})})},
       {"claims", "判令被告偿还借款 10 万元"},
       {"facts", "2025 年被告向原告借款……"},
       {"documents",
        Json::object({{"complaint", Json::array({a})},
                      {"identity", Json::array({b})},
                      {"authority", Json::array({c})}})},
       {"evidence", Json::array({Json::object(
                        {{"name", "借条"}, {"purpose", "证明借款事实"}, {"files", Json::array({d})}})})}});
}

TEST(FilingForm, AValidFormListsEveryFileItReferences) {
  FilingForm f = read_filing_form(valid_form());
  EXPECT_EQ(f.case_type, "民事");
  auto refs = file_references(f);
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(refs[0].field, "documents/complaint/0");
  EXPECT_EQ(refs[3].field, "evidence/0/files/0");
  EXPECT_EQ(refs[3].sha256, std::string(64, 'd'));
}

TEST(FilingForm, EveryProblemIsNamedByItsField) {
  Json body = valid_form();
  body["case_type"] = "刑事";
  body["plaintiffs"][0]["kind"] = "公司";
  body["documents"].erase("complaint");
  body["documents"].erase("authority");  // may wait for 补正
  body["documents"]["identity"] = Json::array({"not-a-hash"});
  body["evidence"][0]["files"] = Json::array();
  try {
    read_filing_form(body);
    FAIL() << "a bad form was accepted";
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::InvalidArgument);
    const Json& fields = e.details()["fields"];
    EXPECT_TRUE(fields.contains("case_type")) << fields.dump();
    EXPECT_TRUE(fields.contains("plaintiffs/0/kind")) << fields.dump();
    EXPECT_TRUE(fields.contains("documents/complaint")) << fields.dump();
    EXPECT_FALSE(fields.contains("documents/authority")) << fields.dump();
    EXPECT_TRUE(fields.contains("documents/identity/0")) << fields.dump();
    EXPECT_TRUE(fields.contains("evidence/0/files")) << fields.dump();
    EXPECT_FALSE(fields.contains("cause")) << fields.dump();
  }
}

TEST(FilingForm, PartiesAreRequiredOnBothSides) {
  Json body = valid_form();
  body["defendants"] = Json::array();
  body.erase("plaintiffs");
  try {
    read_filing_form(body);
    FAIL();
  } catch (const courthub::Error& e) {
    EXPECT_TRUE(e.details()["fields"].contains("plaintiffs"));
    EXPECT_TRUE(e.details()["fields"].contains("defendants"));
  }
}

}  // namespace
}  // namespace lawyers
