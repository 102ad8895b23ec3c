// SPDX-License-Identifier: Apache-2.0
// The health and metrics endpoints.
#include "host/http/ops_endpoints.hpp"

#include "host/version.hpp"

namespace courthub::http {

void add_ops_endpoints(Router& router, Metrics& metrics, std::function<bool()> ready) {
  metrics.gauge("courthub_build_info", "Build information", [] { return 1.0; },
                {{"version", kVersion}, {"build_type", kBuildType}});
  router.exact("/healthz", "/healthz", [ready](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    bool ok = ready();
    ex.respond_json(ok ? 200 : 503, Json::object({{"status", ok ? "ok" : "starting"},
                                                 {"version", kVersion}}));
  });
  router.exact("/metrics", "/metrics", [&metrics](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    ex.respond(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
  });
}

}  // namespace courthub::http
