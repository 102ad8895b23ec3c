// SPDX-License-Identifier: Apache-2.0
// SessionTokens over Poco::JWT (HS256 only: "alg":"none" and RS/ES tokens are refused).
#include "host/http/session_token.hpp"

#include <Poco/JWT/JWTException.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>

namespace courthub::http {
namespace {
constexpr const char* kIssuer = "courthub";
constexpr const char* kPluginClaim = "plg";
}  // namespace

std::string SessionTokens::issue(const std::string& user_id, std::string_view audience,
                                 int64_t now, std::string_view plugin) const {
  Poco::JWT::Token token;
  token.setType("JWT");
  token.setIssuer(kIssuer);
  token.setAudience(std::string(audience));
  token.setSubject(user_id);
  token.setIssuedAt(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(now)));
  token.setExpiration(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(now + ttl_seconds_)));
  if (!plugin.empty()) token.payload().set(kPluginClaim, std::string(plugin));
  Poco::JWT::Signer signer(secret_);
  return signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
}

Expected<std::string> SessionTokens::issue_outside(const std::string& plugin,
                                                  std::string_view audience,
                                                  const std::string& subject, int64_t now) const {
  if (!is_outside_audience(audience)) {
    return Outcome::invalid("plugins issue sessions for outside users only (audience \"" +
                            std::string(kLawyerAudience) + "\"), not \"" +
                            std::string(audience) + "\"");
  }
  return issue(subject, audience, now, plugin);
}

Expected<Session> SessionTokens::verify(const std::string& jwt, std::string_view audience,
                                        int64_t now) const {
  if (jwt.empty()) return Outcome::failure(Status::PermissionDenied, "missing session token");
  Session s;
  {
    std::lock_guard lock(mu_);
    auto it = verified_.find(jwt);
    if (it != verified_.end()) s = it->second;
  }
  if (s.user_id.empty()) {
    auto checked = check(jwt);
    if (!checked) return checked;
    s = *checked;
    std::lock_guard lock(mu_);
    if (verified_.size() >= kCacheSize) {
      std::erase_if(verified_, [now](const auto& e) { return e.second.expires_at <= now; });
      if (verified_.size() >= kCacheSize) verified_.clear();
    }
    verified_.emplace(jwt, s);
  }
  // Checked on every call, remembered tokens included: the cache is shared by all audiences.
  if (s.audience != audience) {
    return Outcome::failure(Status::PermissionDenied,
                            "session token is for another audience (" + s.audience + ")");
  }
  if (s.expires_at <= now) {
    return Outcome::failure(Status::PermissionDenied, "session token has expired; log in again");
  }
  if (s.issued_at > now + kClockSkewSeconds) {
    return Outcome::failure(Status::PermissionDenied, "session token is issued in the future");
  }
  if (s.not_before > now + kClockSkewSeconds) {
    return Outcome::failure(Status::PermissionDenied, "session token is not valid yet");
  }
  return s;
}

Expected<Session> SessionTokens::check(const std::string& jwt) const {
  Poco::JWT::Token token;
  try {
    Poco::JWT::Signer signer(secret_);  // accepts HS256 only by default
    if (!signer.tryVerify(jwt, token)) {
      return Outcome::failure(Status::PermissionDenied, "session token signature is not valid");
    }
  } catch (const Poco::Exception&) {
    return Outcome::failure(Status::PermissionDenied, "session token is malformed");
  }
  if (token.getIssuer() != kIssuer) {
    return Outcome::failure(Status::PermissionDenied, "session token has the wrong issuer");
  }
  // Exactly one audience: a token naming several would open each of their doors.
  std::vector<std::string> audiences = token.getAudience();
  if (audiences.size() != 1 || audiences.front().empty()) {
    return Outcome::failure(Status::PermissionDenied, "session token names no single audience");
  }
  Session s;
  s.user_id = token.getSubject();
  s.audience = audiences.front();
  s.issued_at = token.getIssuedAt().epochTime();
  s.expires_at = token.getExpiration().epochTime();
  if (token.payload().has(Poco::JWT::Token::CLAIM_NOT_BEFORE))
    s.not_before = token.getNotBefore().epochTime();
  if (token.payload().has(kPluginClaim)) s.plugin = token.payload().getValue<std::string>(kPluginClaim);
  if (s.user_id.empty()) {
    return Outcome::failure(Status::PermissionDenied, "session token names no user");
  }
  return s;
}

}  // namespace courthub::http
