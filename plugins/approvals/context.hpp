// SPDX-License-Identifier: Apache-2.0
// What every handler works with: the host, the settings, the dispatch queue, the notifications.
#pragma once

#include <courthub/host.hpp>

#include <chrono>
#include <cstdint>

#include "dispatch_queue.hpp"
#include "notifications.hpp"
#include "settings.hpp"

namespace approvals {

struct Context {
  Context(courthub::Host& h, const Settings& s)
      : host(h), settings(s), dispatch(h), notifications(s) {}

  courthub::Host& host;
  const Settings& settings;  // fixed for the life of the plugin instance
  DispatchQueue dispatch;
  Notifications notifications;
};

inline int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace approvals
