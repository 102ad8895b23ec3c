// SPDX-License-Identifier: Apache-2.0
// The 7-day clock: a filing undecided at its due time is flagged overdue and the 立案庭 head
// gets exactly one notice for it, from the hourly job.
#include "filings_fixture.hpp"

namespace lawyers::testing {
namespace {

using OverdueTest = FilingsTest;

size_t overdue_notices(const std::vector<Json>& notices) {
  size_t n = 0;
  for (auto& m : notices)
    if (m["msg"].dump().find("超期") != std::string::npos) ++n;
  return n;
}

TEST_F(OverdueTest, OneNoticePerOverdueFiling) {
  int64_t lawyer = verified_lawyer(0);
  int64_t id = file(lawyer);
  const std::string path = "/filings/" + std::to_string(id);

  h->advance_ms(7 * kDayMs - kHourMs);
  h->run_due_jobs();
  EXPECT_EQ(overdue_notices(notices_to(kFilingHead)), 0u);
  EXPECT_EQ(h->as(kFilingStaff).get(path).json()["overdue"], false);

  h->advance_ms(2 * kHourMs);
  h->run_due_jobs();
  EXPECT_EQ(overdue_notices(notices_to(kFilingHead)), 1u);
  EXPECT_EQ(h->as(kFilingStaff).get(path).json()["overdue"], true);
  EXPECT_EQ(as_lawyer(lawyer).get("/portal" + path).json()["overdue"], true);

  h->advance_ms(5 * kHourMs);
  h->run_due_jobs();
  EXPECT_EQ(overdue_notices(notices_to(kFilingHead)), 1u) << "one notice, not one an hour";
}

TEST_F(OverdueTest, ADecisionStopsTheClockAndAResubmissionRestartsIt) {
  int64_t lawyer = verified_lawyer(0);
  int64_t id = file(lawyer);
  const std::string path = "/filings/" + std::to_string(id);
  ASSERT_EQ(h->as(kFilingStaff).post(path + "/return",
                                     Json::object({{"missing", Json::array({"证据目录"})}})).status,
            200);
  h->advance_ms(8 * kDayMs);
  h->run_due_jobs();
  EXPECT_EQ(overdue_notices(notices_to(kFilingHead)), 0u) << "returned: the lawyer's turn";

  ASSERT_EQ(as_lawyer(lawyer).post("/portal" + path + "/resubmit", filing_form(lawyer)).status, 200);
  h->advance_ms(7 * kDayMs + kHourMs);
  h->run_due_jobs();
  EXPECT_EQ(overdue_notices(notices_to(kFilingHead)), 1u);
}

}  // namespace
}  // namespace lawyers::testing
