// SPDX-License-Identifier: Apache-2.0
// /apps/<plugin>/...: the mini-app REST API of each plugin, authenticated, routed, contained.
#pragma once

#include "host/http/identity.hpp"
#include "host/http/metrics.hpp"
#include "host/http/router.hpp"
#include "host/plugins/plugin_set.hpp"
#include "host/time/clock.hpp"

namespace courthub::http {

// Adds the /apps/ prefix endpoint. /apps/<plugin>/ui/... are the plugin's pages: public static
// files from the folder <plugin>.ui/ beside its .so (host/http/static_files.hpp); /apps/<plugin>/ui
// redirects there. Everything else answers: 401 without valid credentials; 404 for a plugin that
// is not enabled or a path it does not route; 405 for a method it does not route; 400 for a
// JSON body that does not parse; the plugin's own answer otherwise; 500 naming the plugin when
// it fails (the detail goes to the log, not to the caller). Session expiry is judged by `clock`.
// Everything passed in must outlive the router.
void add_apps_endpoint(Router& router, plugins::PluginSet& plugins, const Authenticator& auth,
                       Metrics& metrics, const time::Clock& clock);

}  // namespace courthub::http
