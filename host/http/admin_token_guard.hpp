// SPDX-License-Identifier: Apache-2.0
// The admin token's guard at the HTTP edge: refuses an address in back-off (429 + Retry-After)
// before its token is even compared, and records each refusal: the back-off, the metric
// courthub_admin_auth_failures_total, a WARN line at most once a minute per address (saying how
// many were left out), and the audit action admin.auth_backoff when an address starts waiting.
//
// An admin-token attempt is a bearer that is not shaped like a session token (a JWT: three
// dot-separated parts). Sessions are signed and cannot be guessed, and a court's staff share one
// address behind NAT: their expired sessions must not lock the address out.
// Threading: any thread (AdminTokenBackoff and AuditLog are thread-safe).
#pragma once

#include <string>

#include "host/http/admin_token_backoff.hpp"
#include "host/http/exchange.hpp"
#include "host/http/metrics.hpp"
#include "host/storage/audit_log.hpp"

namespace courthub::http {

class AdminTokenGuard {
 public:
  // `clock`, `metrics`, `audit` (may be null: nothing audited) and `shared` (may be null: this
  // host counts alone; see AdminTokenBackoff) must outlive the guard.
  AdminTokenGuard(const time::Clock& clock, Metrics& metrics, storage::AuditLog* audit,
                  BackoffLimits limits = {}, storage::Database* shared = nullptr);

  // Whether `bearer` is an attempt at the admin token (see above).
  static bool is_token_attempt(const std::string& bearer);

  // False (and 429 answered with Retry-After in whole seconds) when ex's address must wait.
  bool admit(Exchange& ex);
  // The admin token was right: the address starts afresh.
  void succeeded(const Exchange& ex);
  // `ex` is refused (the caller answers it). Counts towards the back-off only when its bearer
  // was a token attempt; `what` ends the log line ("missing or wrong admin token").
  void refused(const Exchange& ex, const std::string& what);

 private:
  AdminTokenBackoff backoff_;
  Metrics& metrics_;
  storage::AuditLog* audit_;
};

}  // namespace courthub::http
