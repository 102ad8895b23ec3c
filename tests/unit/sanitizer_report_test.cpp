// SPDX-License-Identifier: Apache-2.0
// The integration fixture's reading of a sanitizer report in the host's stderr.
#include "tests/integration/sanitizer_report.hpp"

#include <gtest/gtest.h>

namespace courthub::it {
namespace {

TEST(SanitizerReport, AnOrdinaryLogHasNone) {
  EXPECT_EQ(sanitizer_report(""), "");
  EXPECT_EQ(sanitizer_report("2026-12-07 INFO http: listening on 127.0.0.1:8080\n"
                             "2026-12-07 ERROR plugin:rooms: command failed: no such room\n"),
            "");
}

TEST(SanitizerReport, EachSanitizersReportIsFoundFromItsLine) {
  std::string before = "2026-12-07 INFO http: listening\n";
  for (std::string report :
       {"==123==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020",
        "==123==ERROR: LeakSanitizer: detected memory leaks",
        "WARNING: ThreadSanitizer: data race (pid=123)",
        "host/x.cpp:12:5: runtime error: signed integer overflow"}) {
    EXPECT_EQ(sanitizer_report(before + report + "\n#0 0x1 in f\n"), report + "\n#0 0x1 in f\n");
  }
}

TEST(SanitizerReport, TheFirstReportWinsAndTheExcerptIsBounded) {
  std::string log = "a\nWARNING: ThreadSanitizer: data race\n==1==ERROR: LeakSanitizer: leak\n";
  EXPECT_EQ(sanitizer_report(log).rfind("WARNING: ThreadSanitizer", 0), 0u);
  EXPECT_EQ(sanitizer_report(log, 10).size(), 10u);
}

}  // namespace
}  // namespace courthub::it
