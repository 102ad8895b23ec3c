// SPDX-License-Identifier: Apache-2.0
// The streaming CSV and NDJSON readers: RFC 4180 quoting, line numbers, bad records, headers,
// NDJSON scalars, and that a reader pulls its input a window at a time.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <courthub/error.hpp>

#include "case_reader.hpp"

namespace board {
namespace {

const std::string kHeader =
    "case_id,case_no,court_code,judge_id,dispute_id,category,procedure,filed_on";

struct Read {
  int64_t line;
  std::vector<std::optional<std::string>> values;  // of the asked names
  std::optional<Reject> problem;
};

std::vector<Read> read_all(const std::string& text, CaseFormat format,
                           const std::vector<std::string>& names = {"case_id", "case_no"}) {
  TextStream in(text);
  CaseReader reader(in, format);
  std::vector<Read> out;
  ReadRecord r;
  while (reader.next(r)) {
    Read x{r.line, {}, r.problem};
    if (!r.problem)
      for (auto& n : names) {
        auto v = r.field(n);
        x.values.push_back(v ? std::optional<std::string>(std::string(*v)) : std::nullopt);
      }
    out.push_back(std::move(x));
  }
  return out;
}

std::string invalid_argument_of(const std::string& text) {
  try {
    TextStream in(text);
    CaseReader reader(in, CaseFormat::Csv);
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::InvalidArgument);
    return e.what();
  }
  return "no error";
}

TEST(CaseReaderCsv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  auto rows = read_all(kHeader + "\n" +
                           "\"A,1\",\"say \"\"hi\"\"\",C,J,D,civil,first_instance,2026-01-02\n" +
                           "A2,\"two\nlines\",C,J,D,civil,first_instance,2026-01-02\n",
                       CaseFormat::Csv);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].values[0], "A,1");
  EXPECT_EQ(rows[0].values[1], "say \"hi\"");
  EXPECT_EQ(rows[1].values[1], "two\nlines");
}

TEST(CaseReaderCsv, LineNumbersCountLineBreaksInsideQuotes) {
  auto rows = read_all(kHeader + "\r\n" +                                              // 1
                           "A1,\"x\r\ny\r\nz\",C,J,D,civil,first_instance,2026-01-02\r\n" +  // 2-4
                           "\r\n" +                                                          // 5
                           "A2,n,C,J,D,civil,first_instance,2026-01-02\r\n" +                // 6
                           "A3,\"p\nq\",C,J,D,civil,first_instance,2026-01-02\n" +           // 7-8
                           "A4,n,C,J,D,civil,first_instance,2026-01-02",                     // 9
                       CaseFormat::Csv);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].values[1], "x\r\ny\r\nz");
  EXPECT_EQ(rows[1].line, 6);
  EXPECT_EQ(rows[2].line, 7);
  EXPECT_EQ(rows[3].line, 9);
  EXPECT_EQ(rows[3].values[0], "A4");  // the last record has no line break
}

TEST(CaseReaderCsv, CrlfAndBomAreNotPartOfTheFields) {
  auto rows = read_all("\xEF\xBB\xBF" + kHeader + ",note\r\nA1,N1,C,J,D,civil,first_instance,2026-01-02,x\r\n",
                       CaseFormat::Csv, {"case_id", "note", "filed_on"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].values[0], "A1");  // the BOM did not become part of the first column's name
  EXPECT_EQ(rows[0].values[1], "x");   // nor the CR part of the last field
  EXPECT_EQ(rows[0].values[2], "2026-01-02");
}

TEST(CaseReaderCsv, UnknownColumnsAreIgnoredAndAbsentOnesAreNullopt) {
  auto rows = read_all(kHeader + ",remark,closed_on\nA1,N1,C,J,D,civil,first_instance,2026-01-02,r,\n",
                       CaseFormat::Csv, {"closed_on", "limit_days", "remark"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].values[0], "");            // present but empty
  EXPECT_EQ(rows[0].values[1], std::nullopt);  // no such column
  EXPECT_EQ(rows[0].values[2], "r");
}

TEST(CaseReaderCsv, ARecordOfTheWrongWidthIsRejectedAndReadingGoesOn) {
  auto rows = read_all(kHeader + "\nA1,N1\nA2,N2,C,J,D,civil,first_instance,2026-01-02\n",
                       CaseFormat::Csv);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_TRUE(rows[0].problem);
  EXPECT_EQ(rows[0].problem->line, 2);
  EXPECT_EQ(rows[0].problem->field, "");
  EXPECT_EQ(rows[0].problem->reason, "has 2 fields; the header has 8");
  EXPECT_FALSE(rows[1].problem);
  EXPECT_EQ(rows[1].values[0], "A2");
}

TEST(CaseReaderCsv, TextAfterAClosingQuoteRejectsThatLineOnly) {
  auto rows = read_all(kHeader + "\n\"A1\"x,N1,C,J,D,civil,first_instance,2026-01-02\n" +
                           "A2,N2,C,J,D,civil,first_instance,2026-01-02\n",
                       CaseFormat::Csv);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_TRUE(rows[0].problem);
  EXPECT_EQ(rows[0].problem->line, 2);
  EXPECT_EQ(rows[0].problem->reason, "text after the closing quote of a field");
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[1].values[0], "A2");
}

TEST(CaseReaderCsv, AQuoteNeverClosedIsRejectedAtTheLineItOpened) {
  auto rows = read_all(kHeader + "\nA1,N1,C,J,D,civil,first_instance,2026-01-02\nA2,\"N2\nmore\n",
                       CaseFormat::Csv);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_TRUE(rows[1].problem);
  EXPECT_EQ(rows[1].problem->line, 3);
  EXPECT_EQ(rows[1].problem->reason, "a quoted field is never closed");
}

TEST(CaseReaderCsv, AHeaderWithoutARequiredColumnIsAnErrorNamingIt) {
  std::string message = invalid_argument_of(
      "case_id,case_no,court_code,dispute_id,category,procedure,filed_on\nA1,N,C,D,civil,x,y\n");
  EXPECT_NE(message.find("judge_id"), std::string::npos) << message;
  message = invalid_argument_of("case_id,case_no\n");
  EXPECT_NE(message.find("court_code, judge_id, dispute_id, category, procedure, filed_on"),
            std::string::npos)
      << message;
}

TEST(CaseReaderCsv, EmptyRepeatedOrUnnamedColumnsAreErrors) {
  EXPECT_NE(invalid_argument_of("").find("empty"), std::string::npos);
  EXPECT_NE(invalid_argument_of("\xEF\xBB\xBF\r\n").find("empty"), std::string::npos);
  EXPECT_NE(invalid_argument_of(kHeader + ",case_no\n").find("'case_no' appears twice"),
            std::string::npos);
  EXPECT_NE(invalid_argument_of(kHeader + ",\n").find("column 9 of the header has no name"),
            std::string::npos);
}

TEST(CaseReaderCsv, HeaderNamesAreTrimmed) {
  auto rows = read_all(" case_id , case_no,court_code,judge_id,dispute_id,category,procedure,filed_on\n"
                       "A1,N1,C,J,D,civil,first_instance,2026-01-02\n",
                       CaseFormat::Csv);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].values[0], "A1");
}

TEST(CaseReaderNdjson, ScalarsBecomeTextAndNullIsAbsent) {
  auto rows = read_all(
      R"({"case_id":"A1","appealed":true,"petitions":12,"amount_applied":1.5,"closed_on":null,"x":[1]})"
      "\n",
      CaseFormat::Ndjson, {"case_id", "appealed", "petitions", "amount_applied", "closed_on", "x"});
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_FALSE(rows[0].problem);
  EXPECT_EQ(rows[0].values[0], "A1");
  EXPECT_EQ(rows[0].values[1], "true");
  EXPECT_EQ(rows[0].values[2], "12");
  EXPECT_EQ(rows[0].values[3], "1.5");
  EXPECT_EQ(rows[0].values[4], std::nullopt);
  EXPECT_EQ(rows[0].values[5], std::nullopt);  // unknown keys are ignored, whatever they hold
}

TEST(CaseReaderNdjson, BadLinesAreRejectedWithTheirLineAndReadingGoesOn) {
  auto rows = read_all("\xEF\xBB\xBF{\"case_id\":\"A1\"}\r\n"  // 1
                       "\n"                                   // 2 blank
                       "{\"case_id\": \n"                     // 3 not JSON
                       "[1,2]\n"                              // 4 not an object
                       "{\"case_id\":{\"a\":1}}\n"            // 5 nested
                       "{\"case_id\":\"A6\"}",                // 6
                       CaseFormat::Ndjson, {"case_id"});
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[0].values[0], "A1");
  ASSERT_TRUE(rows[1].problem);
  EXPECT_EQ(rows[1].problem->line, 3);
  EXPECT_EQ(rows[1].problem->field, "");
  EXPECT_EQ(rows[1].problem->reason.rfind("not JSON", 0), 0u) << rows[1].problem->reason;
  ASSERT_TRUE(rows[2].problem);
  EXPECT_EQ(rows[2].problem->line, 4);
  EXPECT_NE(rows[2].problem->reason.find("not a JSON object"), std::string::npos);
  ASSERT_TRUE(rows[3].problem);
  EXPECT_EQ(rows[3].problem->line, 5);
  EXPECT_EQ(rows[3].problem->field, "case_id");
  EXPECT_EQ(rows[4].line, 6);
  EXPECT_EQ(rows[4].values[0], "A6");
}

// A CSV of a million records (~45 MB) made as it is read, counting how much was pulled.
class MillionRecordCsv : public std::streambuf {
 public:
  size_t pulled = 0;

 protected:
  int_type underflow() override {
    if (n_ >= 1000000) return traits_type::eof();
    chunk_ = pulled == 0 ? kHeader + "\n" : std::string();
    for (int i = 0; i < 100; ++i)
      chunk_ += "A" + std::to_string(n_++) + ",N,C,J,D,civil,first_instance,2026-01-02\n";
    pulled += chunk_.size();
    setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
    return traits_type::to_int_type(chunk_[0]);
  }

 private:
  std::string chunk_;
  int64_t n_ = 0;
};

TEST(CaseReaderStreaming, PullsItsInputAWindowAtATime) {
  MillionRecordCsv source;
  std::istream in(&source);
  CaseReader reader(in, CaseFormat::Csv);
  ReadRecord r;
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(reader.next(r));
  EXPECT_EQ(r.line, 10001);
  EXPECT_EQ(*r.field("case_id"), "A9999");
  // 10,000 records are ~450 KB; the reader has pulled no more than one 64 KiB window ahead.
  EXPECT_LT(source.pulled, 10000u * 46 + 70 * 1024) << source.pulled;
}

TEST(CaseFormats, ByMediaTypeAndFileName) {
  EXPECT_EQ(format_of_media_type("text/csv; charset=utf-8"), CaseFormat::Csv);
  EXPECT_EQ(format_of_media_type("Application/X-NDJSON"), CaseFormat::Ndjson);
  EXPECT_EQ(format_of_media_type("application/jsonl"), CaseFormat::Ndjson);
  EXPECT_EQ(format_of_media_type("application/json"), std::nullopt);
  EXPECT_EQ(format_of_file_name("cases-2026.CSV"), CaseFormat::Csv);
  EXPECT_EQ(format_of_file_name("a.ndjson"), CaseFormat::Ndjson);
  EXPECT_EQ(format_of_file_name("a.jsonl"), CaseFormat::Ndjson);
  EXPECT_EQ(format_of_file_name("a.csv.part"), std::nullopt);
  EXPECT_EQ(format_of_file_name("README"), std::nullopt);
}

}  // namespace
}  // namespace board
