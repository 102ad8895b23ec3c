// SPDX-License-Identifier: Apache-2.0
// AdminTokenGuard: the back-off, its log lines, metric and audit at the edge.
#include "host/http/admin_token_guard.hpp"

#include <algorithm>

#include "host/log.hpp"

namespace courthub::http {

AdminTokenGuard::AdminTokenGuard(const time::Clock& clock, Metrics& metrics,
                                 storage::AuditLog* audit, BackoffLimits limits,
                                 storage::Database* shared)
    : backoff_(clock, limits, shared), metrics_(metrics), audit_(audit) {
  metrics_.describe("courthub_admin_auth_failures_total", "counter",
                    "Requests refused because their admin token was wrong");
  metrics_.count("courthub_admin_auth_failures_total", {}, 0);
}

bool AdminTokenGuard::is_token_attempt(const std::string& bearer) {
  return !bearer.empty() && std::count(bearer.begin(), bearer.end(), '.') != 2;
}

bool AdminTokenGuard::admit(Exchange& ex) {
  if (!is_token_attempt(ex.bearer_token())) return true;
  const int64_t wait = backoff_.wait_ms(address_without_port(ex.remote_address()));
  if (wait == 0) return true;
  const int64_t seconds = (wait + 999) / 1000;
  Json body = Json::object(
      {{"error", Json::object({{"code", "too_many_requests"},
                               {"message", "too many wrong admin tokens from this address: try "
                                           "again in " + std::to_string(seconds) + " s"}})},
       {"request_id", ex.request_id()}});
  ex.respond(429, "application/json; charset=utf-8", json::dump(body),
             {{"Retry-After", std::to_string(seconds)}});
  return false;
}

void AdminTokenGuard::succeeded(const Exchange& ex) {
  backoff_.succeeded(address_without_port(ex.remote_address()));
}

void AdminTokenGuard::refused(const Exchange& ex, const std::string& what) {
  const std::string address = address_without_port(ex.remote_address());
  const bool attempt = is_token_attempt(ex.bearer_token());
  FailureVerdict v = backoff_.failed(address, attempt);
  if (attempt) metrics_.count("courthub_admin_auth_failures_total", {});
  if (v.log) {
    std::string line = "refused " + ex.method() + " " + ex.path() + " from " + address + ": " + what;
    if (v.unlogged > 0) {
      line += " (and " + std::to_string(v.unlogged) +
              " more refusals from this address since the previous line)";
    }
    log::warn("admin", line);
  }
  if (v.entered_backoff) {
    const std::string detail = std::to_string(v.failures) + " wrong admin tokens; each further "
                               "attempt waits, from " + std::to_string(v.wait_ms) + " ms doubling";
    log::warn("admin", address + " sent " + detail);
    if (audit_) (void)audit_->record("admin@" + address, "admin.auth_backoff", address, detail, "refused");
  }
}

}  // namespace courthub::http
