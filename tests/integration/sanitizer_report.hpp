// SPDX-License-Identifier: Apache-2.0
// Finds a sanitizer's report in a process's stderr (ASan, LSan, UBSan, TSan: docs/testing.md),
// so an integration test fails when the host it started reported one, even at exit.
// Pure function; no errors.
#pragma once

#include <string>
#include <string_view>

namespace courthub::it {

// The log from the first report on (at most `max_chars` of it), or "" when there is none.
inline std::string sanitizer_report(std::string_view log, size_t max_chars = 8000) {
  size_t first = std::string_view::npos;
  for (std::string_view marker : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                                  "WARNING: ThreadSanitizer", ": runtime error: "}) {
    size_t at = log.find(marker);
    if (at < first) first = at;
  }
  if (first == std::string_view::npos) return {};
  size_t line_start = log.rfind('\n', first);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  return std::string(log.substr(line_start, max_chars));
}

}  // namespace courthub::it
