// SPDX-License-Identifier: Apache-2.0
// The `filings:` settings: wrong values are refused by pointer at load.
#include <gtest/gtest.h>
#include <courthub/testing.hpp>

namespace {

using courthub::Json;

std::string refusal(Json filings) {
  courthub::testing::HarnessOptions o;
  o.settings = Json::object({{"filings", filings}});
  try {
    courthub::testing::PluginHarness h(LAWYERS_PLUGIN_FILE, o);
  } catch (const courthub::Error& e) {
    return e.what();
  }
  return {};
}

TEST(FilingSettings, WrongValuesAreNamedByPointer) {
  EXPECT_NE(refusal(Json::object({{"decision_days", 0}})).find("/filings/decision_days"),
            std::string::npos);
  EXPECT_NE(refusal(Json::object({{"max_file_bytes", "10MB"}})).find("/filings/max_file_bytes"),
            std::string::npos);
  EXPECT_NE(refusal(Json::object({{"case_codes", Json::object({{"LN-BC-SY-01", 102}})}}))
                .find("/filings/case_codes/LN-BC-SY-01"),
            std::string::npos);
  EXPECT_NE(refusal(Json::object({{"decision_dayz", 7}})).find("allowed keys"), std::string::npos);
}

}  // namespace
