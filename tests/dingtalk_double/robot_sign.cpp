// SPDX-License-Identifier: Apache-2.0
// The custom-robot 加签 value: Base64(HMAC-SHA256(secret, timestamp "\n" secret)).
#include "tests/dingtalk_double/robot_sign.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace courthub::dingtalk_double {

std::string robot_sign_base64(const std::string& timestamp, const std::string& secret) {
  const std::string message = timestamp + "\n" + secret;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac,
            &mac_len)) {
    throw std::runtime_error("OpenSSL HMAC-SHA256 failed");
  }
  // EVP_EncodeBlock writes no line breaks, as DingTalk expects, and a trailing NUL.
  std::string out(4 * ((mac_len + 2) / 3) + 1, '\0');
  int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(mac_len));
  out.resize(static_cast<size_t>(n));
  return out;
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace courthub::dingtalk_double
