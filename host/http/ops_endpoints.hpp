// SPDX-License-Identifier: Apache-2.0
// GET /healthz (no auth) and GET /metrics (Prometheus text).
#pragma once

#include <functional>

#include "courthub/json.hpp"
#include "host/http/metrics.hpp"
#include "host/http/router.hpp"

namespace courthub::http {

// `ready` tells whether the host finished starting (503 {"status": "starting"} until then, and
// while stopping). `checks` names the connections the host keeps open, each "ok" or what is
// wrong ("down"): any but "ok" makes the status "degraded", still 200 (the host serves HTTP; a
// balancer keeps sending it requests), with the checks in the body.
void add_ops_endpoints(Router& router, Metrics& metrics, std::function<bool()> ready,
                       std::function<Json()> checks = {});

}  // namespace courthub::http
