// SPDX-License-Identifier: Apache-2.0
// What every handler of the lawyers plugin gets: the host and the settings read at configure.
//
// Ownership: the plugin object owns both and outlives every handler. Threading: both are
// read-only after activate, so handlers share them freely; all state lives in the database.
#pragma once

#include <courthub/host.hpp>

#include "settings.hpp"

namespace lawyers {

struct App {
  courthub::Host& host;
  const Settings& settings;
};

}  // namespace lawyers
