// SPDX-License-Identifier: Apache-2.0
// DingTalk robot HMAC signatures: inbound HTTP-mode check and outbound webhook 加签.

#include "host/dingtalk/robot_signature.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "host/dingtalk/base64.hpp"
#include "host/dingtalk/callback_crypto.hpp"
#include "host/dingtalk/timestamp_window.hpp"

namespace courthub::dingtalk {
namespace {

// "1 h" for the documented window; other windows in the largest exact unit, so the message
// still says what was enforced.
std::string describe_window(int64_t window_ms) {
  struct Unit {
    int64_t ms;
    const char* name;
  };
  for (Unit unit : {Unit{3'600'000, " h"}, Unit{60'000, " min"}, Unit{1'000, " s"}}) {
    if (window_ms > 0 && window_ms % unit.ms == 0) {
      return std::to_string(window_ms / unit.ms) + unit.name;
    }
  }
  return std::to_string(window_ms) + " ms";
}

}  // namespace

std::string robot_sign(std::string_view timestamp, std::string_view secret) {
  std::string message;
  message.reserve(timestamp.size() + 1 + secret.size());
  message.append(timestamp).append("\n").append(secret);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac,
           &mac_len) == nullptr) {
    return {};
  }
  return base64_encode(std::string_view(reinterpret_cast<const char*>(mac), mac_len));
}

Outcome verify_robot_request(std::string_view timestamp, std::string_view sign,
                             std::string_view app_secret, int64_t now_ms, int64_t window_ms) {
  std::optional<int64_t> ts_ms = parse_decimal(timestamp);
  if (!ts_ms) return Outcome::failure(Status::PermissionDenied, "robot timestamp is not a number");
  if (!within_window(*ts_ms, now_ms, window_ms)) {
    return Outcome::failure(Status::PermissionDenied, "robot timestamp outside the " +
                                                          describe_window(window_ms) + " window");
  }
  std::string expected = robot_sign(timestamp, app_secret);
  // An empty expected value means HMAC failed; never let it match an empty header.
  if (expected.empty() || !constant_time_equal(expected, sign)) {
    return Outcome::failure(Status::PermissionDenied, "robot sign mismatch");
  }
  return Outcome::success();
}

std::string signed_robot_webhook(std::string_view webhook, std::string_view secret,
                                 int64_t now_ms) {
  std::string url(webhook);
  if (secret.empty()) return url;
  std::string timestamp = std::to_string(now_ms);
  if (url.find('?') == std::string::npos) {
    url += '?';
  } else if (url.back() != '?' && url.back() != '&') {
    url += '&';
  }
  url += "timestamp=" + timestamp + "&sign=" + url_encode(robot_sign(timestamp, secret));
  return url;
}

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (unsigned char c : s) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

}  // namespace courthub::dingtalk
