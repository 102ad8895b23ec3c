// SPDX-License-Identifier: Apache-2.0
// /admin/*: operator endpoints behind the admin token, each action written to the audit log.
#pragma once

#include <functional>
#include <string>

#include "courthub/json.hpp"
#include "host/http/app_catalog.hpp"
#include "host/http/identity.hpp"
#include "host/http/router.hpp"
#include "host/jobs/inbox.hpp"
#include "host/jobs/outbox.hpp"
#include "host/plugins/scheduler.hpp"
#include "host/plugins/plugin_set.hpp"
#include "host/storage/audit_log.hpp"
#include "host/time/clock.hpp"

namespace courthub::http {

struct AdminTargets {
  plugins::PluginSet* plugins = nullptr;
  storage::AuditLog* audit = nullptr;
  jobs::Inbox* inbox = nullptr;
  jobs::Outbox* outbox = nullptr;
  plugins::Scheduler* scheduler = nullptr;
  // Dates the runs started from POST /admin/jobs/run.
  const time::Clock* clock = nullptr;
  // The same clock when it is a test clock (COURTHUB_TEST_CLOCK_MS): then POST /admin/clock
  // moves it. nullptr in production, and that endpoint does not exist.
  time::ManualClock* test_clock = nullptr;
  // Re-reads the configuration; the result says what changed, or why it was refused
  // ({"ok": false, "errors": [...]}).
  std::function<Json(const std::string& actor)> reload;
  // The plugins' pages as the 工作台 lists them (GET /admin/apps: the console's 导入 panel).
  const AppCatalog* apps = nullptr;
};

// GET /admin/plugins, GET /admin/apps (the tiles of GET /me/apps, for the console: its 导入 panel
// offers each declared import), POST /admin/reload, GET /admin/audit, GET /admin/inbox,
// GET /admin/inbox/dead, POST /admin/inbox/replay, GET /admin/outbox, GET /admin/outbox/dead,
// POST /admin/outbox/replay, GET /admin/jobs, POST /admin/jobs/run, and with a test clock
// POST /admin/clock. Each takes the admin token or, except /admin/clock, a staff session whose
// roles contain court_admin (audited as that user); a staff session without the role gets 403,
// any other caller 401, and nothing is done.
void add_admin_endpoints(Router& router, const Authenticator& auth, AdminTargets targets);

// The JSON form of the plugin set's status, as /admin/plugins shows it.
Json plugins_json(const plugins::PluginSet& plugins);

}  // namespace courthub::http
