// SPDX-License-Identifier: Apache-2.0
// Mini-app session tokens: HS256 JWTs the host issues after a DingTalk login.
//
// Threading: immutable after construction; issue and verify from any thread.
// Errors: verify returns Unauthenticated-style failures as PermissionDenied with a short reason
// ("expired", "bad signature"); never the token or the secret.
#pragma once

#include <Poco/Crypto/OpenSSLInitializer.h>

#include <cstdint>
#include <string>

#include "host/outcome.hpp"

namespace courthub::http {

struct Session {
  std::string user_id;
  int64_t issued_at = 0;   // Unix seconds
  int64_t expires_at = 0;  // Unix seconds
};

class SessionTokens {
 public:
  SessionTokens(std::string secret, int64_t ttl_seconds)
      : secret_(std::move(secret)), ttl_seconds_(ttl_seconds) {}

  std::string issue(const std::string& user_id, int64_t now_seconds) const;
  Expected<Session> verify(const std::string& token, int64_t now_seconds) const;
  int64_t ttl_seconds() const { return ttl_seconds_; }

 private:
  // Poco's HMAC engines take and drop a reference on OpenSSL's initialisation; if the count ever
  // falls to zero while another thread takes one, Poco tears down mutexes in use (a crash under
  // concurrent logins). Holding a reference for our lifetime keeps the count above zero.
  Poco::Crypto::OpenSSLInitializer openssl_;
  std::string secret_;
  int64_t ttl_seconds_;
};

}  // namespace courthub::http
