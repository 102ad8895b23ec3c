// SPDX-License-Identifier: Apache-2.0
// Overlap with a travel buffer between courts.
#include "conflict_rules.hpp"

namespace lawyers {

bool clashes(const Engagement& hearing, const Engagement& other, int64_t travel_buffer_ms) {
  bool travels = !other.court.empty() && other.court != hearing.court;
  int64_t buffer = travels ? travel_buffer_ms : 0;
  return hearing.start_ms < other.end_ms + buffer && other.start_ms - buffer < hearing.end_ms;
}

}  // namespace lawyers
