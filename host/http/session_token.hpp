// SPDX-License-Identifier: Apache-2.0
// Session tokens: HS256 JWTs the host issues after a login, each for one audience.
//
// The audience says whose pages a token opens: "staff" for the staff mini-app (minted by
// /auth/dingtalk), "lawyer" for the lawyers' portal. A token is accepted only by a verify() for
// its own audience, so a lawyer's token never opens the staff side and the reverse.
//
// Threading: issue and verify from any thread. verify remembers the tokens it has checked (by
// their exact text, up to kCacheSize of them), so a mini-app's every request does not recompute
// the HMAC; expiry is still checked on every call.
// Errors: verify returns Unauthenticated-style failures as PermissionDenied with a short reason
// ("expired", "bad signature", "not valid yet"); never the token or the secret.
//
// Time claims: `exp` must be after now; `iat` and `nbf`, when present, may be at most
// kClockSkewSeconds after now (hosts' clocks differ a little, never by a year: a token issued
// or valid only in the future is refused, however well it is signed).
#pragma once

#include <Poco/Crypto/OpenSSLInitializer.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "host/outcome.hpp"
#include "host/plugins/audiences.hpp"

namespace courthub::http {

// The audiences the host issues tokens for.
inline constexpr std::string_view kStaffAudience = "staff";    // DingTalk login, staff mini-app
using plugins::kLawyerAudience;  // the lawyers' portal (outside audiences: plugins/audiences.hpp)
using plugins::is_outside_audience;

struct Session {
  std::string user_id;
  std::string audience;
  int64_t issued_at = 0;   // Unix seconds
  int64_t expires_at = 0;  // Unix seconds
  int64_t not_before = 0;  // Unix seconds; 0 when the token has no `nbf`
  std::string plugin;      // the plugin that asked for an outside user's session; "" for staff
};

class SessionTokens {
 public:
  SessionTokens(std::string secret, int64_t ttl_seconds)
      : secret_(std::move(secret)), ttl_seconds_(ttl_seconds) {}

  // A token naming `user_id`, for `audience` (kStaffAudience, ...), valid for ttl_seconds().
  // `plugin` (claim `plg`) names the plugin an outside user's session belongs to: such a token
  // opens that plugin's portal routes only.
  std::string issue(const std::string& user_id, std::string_view audience, int64_t now_seconds,
                    std::string_view plugin = {}) const;
  // An outside user's session for `plugin`'s portal (Host::issue_session). Errors:
  // InvalidArgument unless `audience` is an outside one (staff sign in through DingTalk).
  Expected<std::string> issue_outside(const std::string& plugin, std::string_view audience,
                                      const std::string& subject, int64_t now_seconds) const;
  // The session a token carries, if it is signed by this host, unexpired and for `audience`.
  // Errors: PermissionDenied with the reason (a token for another audience says so).
  Expected<Session> verify(const std::string& token, std::string_view audience,
                           int64_t now_seconds) const;
  int64_t ttl_seconds() const { return ttl_seconds_; }

  static constexpr size_t kCacheSize = 8192;
  static constexpr int64_t kClockSkewSeconds = 300;

 private:
  Expected<Session> check(const std::string& token) const;  // signature and claims, no clock

  // Poco's HMAC engines take and drop a reference on OpenSSL's initialisation; if the count ever
  // falls to zero while another thread takes one, Poco tears down mutexes in use (a crash under
  // concurrent logins). Holding a reference for our lifetime keeps the count above zero.
  Poco::Crypto::OpenSSLInitializer openssl_;
  std::string secret_;
  int64_t ttl_seconds_;
  mutable std::mutex mu_;  // guards verified_
  mutable std::unordered_map<std::string, Session> verified_;
};

}  // namespace courthub::http
