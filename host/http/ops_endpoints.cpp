// SPDX-License-Identifier: Apache-2.0
// The health and metrics endpoints.
#include "host/http/ops_endpoints.hpp"

#include "host/version.hpp"

namespace courthub::http {

void add_ops_endpoints(Router& router, Metrics& metrics, std::function<bool()> ready,
                       std::function<Json()> checks) {
  metrics.gauge("courthub_build_info", "Build information", [] { return 1.0; },
                {{"version", kVersion}, {"build_type", kBuildType}});
  router.exact("/healthz", "/healthz", [ready, checks](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    if (!ready()) {
      ex.respond_json(503, Json::object({{"status", "starting"}, {"version", kVersion}}));
      return;
    }
    Json body = Json::object({{"status", "ok"}, {"version", kVersion}});
    const Json named = checks ? checks() : Json::object();
    if (named.is_object() && !named.empty()) {
      for (auto& [name, state] : named.items())
        if (state != "ok") body["status"] = "degraded";
      body["checks"] = named;
    }
    ex.respond_json(200, body);
  });
  router.exact("/metrics", "/metrics", [&metrics](Exchange& ex) {
    if (!allow_methods(ex, {"GET"})) return;
    ex.respond(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
  });
}

}  // namespace courthub::http
