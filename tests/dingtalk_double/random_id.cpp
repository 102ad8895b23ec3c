// SPDX-License-Identifier: Apache-2.0
// Unguessable identifiers: a guessable token would let a test pass against a broken client.
#include "tests/dingtalk_double/random_id.hpp"

#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace courthub::dingtalk_double {

std::string random_hex(size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (unsigned char b : raw) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0x0F];
  }
  return out;
}

}  // namespace courthub::dingtalk_double
