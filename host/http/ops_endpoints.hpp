// SPDX-License-Identifier: Apache-2.0
// GET /healthz (no auth) and GET /metrics (Prometheus text).
#pragma once

#include <functional>

#include "host/http/metrics.hpp"
#include "host/http/router.hpp"

namespace courthub::http {

// `ready` tells whether the host finished starting (503 until then, and while stopping).
void add_ops_endpoints(Router& router, Metrics& metrics, std::function<bool()> ready);

}  // namespace courthub::http
