// SPDX-License-Identifier: Apache-2.0
// When two engagements of one lawyer clash (排期避让): the arithmetic, without a database.
// Intervals are half-open [start_ms, end_ms): a hearing ending at 10:00 and one starting at 10:00
// at the same court do not clash. Between courts the lawyer needs `travel_buffer_ms` on each side.
//
// Threading: pure functions, any thread. Errors: none.
#pragma once

#include <cstdint>
#include <string>

namespace lawyers {

struct Engagement {
  int64_t start_ms = 0, end_ms = 0;
  std::string court;  // court code; empty for the lawyer's own unavailability (no travel)
};

// Whether `other` keeps the lawyer from attending `hearing`: a plain overlap at the same court
// (or for an unavailability, which has no court), an overlap after widening `other` by
// `travel_buffer_ms` on each side when the courts differ.
bool clashes(const Engagement& hearing, const Engagement& other, int64_t travel_buffer_ms);

}  // namespace lawyers
