// SPDX-License-Identifier: Apache-2.0
// Freshness checks for the timestamps DingTalk puts on callbacks.

#include "host/dingtalk/timestamp_window.hpp"

namespace courthub::dingtalk {

std::optional<int64_t> parse_decimal(std::string_view digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool within_window(int64_t ts_ms, int64_t now_ms, int64_t window_ms) {
  // 128-bit so that extreme clocks or windows cannot wrap around into "fresh".
  __int128 diff = static_cast<__int128>(now_ms) - ts_ms;
  if (diff < 0) diff = -diff;
  return diff <= window_ms;
}

Outcome check_timestamp(std::string_view timestamp, int64_t now_ms, int64_t window_ms) {
  std::optional<int64_t> value = parse_decimal(timestamp);
  if (!value || (timestamp.size() != 13 && timestamp.size() != 10)) {
    return Outcome::invalid("timestamp is not a number");
  }
  int64_t ts_ms = timestamp.size() == 10 ? *value * 1000 : *value;
  if (within_window(ts_ms, now_ms, window_ms)) return Outcome::success();
  if (ts_ms < now_ms || window_ms < 0) return Outcome::invalid("timestamp is stale");
  return Outcome::invalid("timestamp is in the future");
}

}  // namespace courthub::dingtalk
