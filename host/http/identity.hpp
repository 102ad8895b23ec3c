// SPDX-License-Identifier: Apache-2.0
// Who is calling: the admin token or a mini-app session token, resolved against the directory.
//
// Every /apps request carries one of them; the plugin receives the resulting ch_caller.
// Threading: immutable after construction; authenticate() from any thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "courthub/plugin_abi.h"
#include "host/directory/directory.hpp"
#include "host/http/session_token.hpp"
#include "host/outcome.hpp"

namespace courthub::http {

class AdminTokenGuard;

// The directory role that opens the admin console and /admin/* (besides the admin token).
inline constexpr std::string_view kConsoleRole = "court_admin";
bool opens_console(const std::vector<std::string>& roles);

// Owns the strings that a ch_caller views.
struct Identity {
  uint32_t kind = CH_CALLER_ANONYMOUS;
  std::string user_id, name, court_code, dept_id, title;
  std::vector<std::string> roles;
  std::string audience;           // OUTSIDER only
  int64_t session_issued_at = 0;  // OUTSIDER only

  // The ABI view; valid while this Identity lives and is not modified.
  const ch_caller& caller();
  static Identity of(const directory::Person& p);
  static Identity admin();
  static Identity system();
  // An outside user of a portal: `subject` as the plugin named them, their session's audience
  // and issue time.
  static Identity outsider(std::string subject, std::string audience, int64_t issued_at);

 private:
  std::vector<ch_str> role_views_;
  ch_caller caller_{};
};

// Whether `who` may reach a route registered for `route_audience` ("" = a staff route, else a
// portal's audience): the edge's rule, also applied by the test harness. Staff routes refuse
// outside users; portal routes take only outside users of their audience. Errors:
// PermissionDenied saying why (answer 401).
Outcome admits(std::string_view route_audience, const Identity& who);

class Authenticator {
 public:
  // Accepts session tokens of `audience` only (kStaffAudience for the staff mini-app's /apps).
  Authenticator(std::string admin_token, const SessionTokens* sessions, std::string_view audience,
                const directory::Directory* directory)
      : admin_token_(std::move(admin_token)),
        sessions_(sessions),
        audience_(audience),
        directory_(directory) {}

  bool is_admin(const std::string& bearer) const;
  // The back-off on admin-token guesses the endpoints consult (admin_token_guard.hpp); set once
  // before serving, null when none. Not owned.
  void set_admin_guard(AdminTokenGuard* guard) { guard_ = guard; }
  AdminTokenGuard* admin_guard() const { return guard_; }
  // The admin token gives an ADMIN caller; a valid session token of this audience naming a
  // person still in the directory gives that STAFF caller. Errors: PermissionDenied saying why
  // (answer 401); a token of another audience is refused.
  Expected<Identity> authenticate(const std::string& bearer, int64_t now_seconds) const;
  // For a portal route of `plugin`: only a valid session of `audience` that `plugin` issued
  // gives an OUTSIDER caller. Errors: PermissionDenied saying why (answer 401): no token, the
  // admin token, a staff session, another audience's or another plugin's session.
  Expected<Identity> authenticate_outsider(const std::string& bearer, std::string_view audience,
                                           std::string_view plugin, int64_t now_seconds) const;

 private:
  std::string admin_token_;
  const SessionTokens* sessions_;
  std::string audience_;
  const directory::Directory* directory_;
  AdminTokenGuard* guard_ = nullptr;
};

}  // namespace courthub::http
