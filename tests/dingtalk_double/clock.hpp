// SPDX-License-Identifier: Apache-2.0
// The double's notion of "now", injectable so tests can step over expiry windows without sleeping.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace courthub::dingtalk_double {

// Milliseconds since the Unix epoch. Must be callable from any thread.
using Clock = std::function<int64_t()>;

// Thread-safe.
inline int64_t system_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace courthub::dingtalk_double
