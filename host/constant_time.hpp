// SPDX-License-Identifier: Apache-2.0
// Comparing secrets (tokens, MACs, signatures) without leaking where they differ.
#pragma once

#include <openssl/crypto.h>

#include <string_view>

namespace courthub {

// Whether a and b hold the same bytes. The time taken depends on the lengths only, never on
// where the contents differ (OpenSSL's CRYPTO_memcmp). Thread-safe; never fails.
inline bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace courthub
