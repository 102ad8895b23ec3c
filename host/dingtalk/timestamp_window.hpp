// SPDX-License-Identifier: Apache-2.0
// Freshness checks for the timestamps DingTalk puts on callbacks.
//
// All functions are pure: safe to call from any thread concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "host/outcome.hpp"

namespace courthub::dingtalk {

// Event-callback timestamp freshness. The timestamp is an opaque string of ASCII digits:
// 13 digits are milliseconds, 10 digits are seconds (older DingTalk docs and WeCom).
// Returns success when |now_ms - ts| <= window_ms. Otherwise Outcome InvalidArgument with
// exactly one of: "timestamp is not a number" (empty, a non-digit, or another digit count),
// "timestamp is stale" (older than the window), "timestamp is in the future" (newer than it).
// A negative window_ms refuses every timestamp.
Outcome check_timestamp(std::string_view timestamp, int64_t now_ms, int64_t window_ms);

// The building blocks, shared with the robot signature check.

// Parses 1 to 18 ASCII digits (no sign, no spaces) into a non-negative value; std::nullopt
// otherwise. 18 digits cannot overflow int64, and no real timestamp needs more.
std::optional<int64_t> parse_decimal(std::string_view digits);

// True when `ts_ms` is at most `window_ms` away from `now_ms` in either direction; the edge
// itself is inside. Exact for any int64 inputs (no overflow).
bool within_window(int64_t ts_ms, int64_t now_ms, int64_t window_ms);

}  // namespace courthub::dingtalk
