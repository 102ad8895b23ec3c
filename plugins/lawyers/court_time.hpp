// SPDX-License-Identifier: Apache-2.0
// Instants as a court writes them in a notice: Beijing time (UTC+8 all year; China keeps no
// daylight saving), "12月08日 09:00".
//
// Threading: pure functions, any thread. Errors: none.
#pragma once

#include <cstdint>
#include <string>

namespace lawyers {

// "12月08日 09:00" for `unix_ms`.
std::string court_day_time(int64_t unix_ms);
// "12月08日 09:00–11:00", or with both days when the span crosses midnight.
std::string court_span(int64_t start_ms, int64_t end_ms);

}  // namespace lawyers
