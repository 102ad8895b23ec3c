// SPDX-License-Identifier: Apache-2.0
// App access tokens the double issued, with their expiry; both token APIs share one store.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace courthub::dingtalk_double {

class TokenStore {
 public:
  // A new random token valid until now_ms + ttl_ms. Thread-safe.
  std::string issue(int64_t now_ms, int64_t ttl_ms);

  // True when `token` was issued here and has not expired at now_ms. Thread-safe.
  bool valid(const std::string& token, int64_t now_ms) const;

  // Thread-safe.
  void clear();

 private:
  mutable std::mutex mutex_;
  std::map<std::string, int64_t> expires_at_ms_;
};

}  // namespace courthub::dingtalk_double
