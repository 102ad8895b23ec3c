// SPDX-License-Identifier: Apache-2.0
// App access tokens the double issued, with their expiry.
#include "tests/dingtalk_double/token_store.hpp"

#include "tests/dingtalk_double/random_id.hpp"

namespace courthub::dingtalk_double {

std::string TokenStore::issue(int64_t now_ms, int64_t ttl_ms) {
  std::string token = random_hex(16);
  std::lock_guard lock(mutex_);
  // Expired tokens are dropped here so a long-running demo double does not grow without bound.
  std::erase_if(expires_at_ms_, [&](const auto& kv) { return kv.second <= now_ms; });
  expires_at_ms_[token] = now_ms + ttl_ms;
  return token;
}

bool TokenStore::valid(const std::string& token, int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  auto it = expires_at_ms_.find(token);
  return it != expires_at_ms_.end() && now_ms < it->second;
}

void TokenStore::clear() {
  std::lock_guard lock(mutex_);
  expires_at_ms_.clear();
}

}  // namespace courthub::dingtalk_double
