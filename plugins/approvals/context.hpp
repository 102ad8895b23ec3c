// SPDX-License-Identifier: Apache-2.0
// What every handler works with: the host, the settings, the notifications.
#pragma once

#include <courthub/host.hpp>

#include <cstdint>

#include "notifications.hpp"
#include "settings.hpp"

namespace approvals {

struct Context {
  Context(courthub::Host& h, const Settings& s)
      : host(h), settings(s), notifications(s) {}

  // The host's clock (tests set it): never the system clock.
  int64_t now_ms() const { return host.now_ms(); }

  courthub::Host& host;
  const Settings& settings;  // fixed for the life of the plugin instance
  Notifications notifications;
};

}  // namespace approvals
