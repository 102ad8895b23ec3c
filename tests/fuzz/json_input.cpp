// SPDX-License-Identifier: Apache-2.0
// Fuzzes the host's paths for JSON from outside: the input is a request body (or a decrypted
// event, or a session token's claims). What must hold for any input:
//   - parsing refuses or accepts it without crashing (nlohmann with ill-formed UTF-8 refused);
//     what it accepts dumps and parses back to the same value;
//   - the typed readers every endpoint uses (courthub::json::as/get) answer each member as
//     the asked type or throw courthub::Error, nothing else (no wrap, no UB on huge numbers);
//   - the event de-duplication key of any decrypted event is never empty;
//   - a session token carrying these claims, even one signed with the host's own secret, is
//     accepted or refused, never thrown out of verify; the input as a token likewise.
// Seeds: the tests' request bodies and events, and session-token claims.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "courthub/json.hpp"
#include "host/dingtalk/base64.hpp"
#include "host/dingtalk/event_keys.hpp"
#include "host/http/session_token.hpp"

using namespace courthub;

namespace {

constexpr const char* kSecret = "fuzz-session-secret-0123456789abcdef";
constexpr int64_t kNow = 1796563097;  // 2026-12-06

std::string base64url(std::string_view bytes) {
  std::string s = dingtalk::base64_encode(bytes);
  while (!s.empty() && s.back() == '=') s.pop_back();
  for (char& c : s) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return s;
}

// An HS256 JWT over `claims` (any bytes), signed with kSecret.
std::string signed_token(std::string_view claims) {
  std::string head = base64url(R"({"alg":"HS256","typ":"JWT"})") + "." + base64url(claims);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), kSecret, static_cast<int>(std::string_view(kSecret).size()),
       reinterpret_cast<const unsigned char*>(head.data()), head.size(), mac, &len);
  return head + "." + base64url(std::string_view(reinterpret_cast<const char*>(mac), len));
}

template <class T>
void read_as(const Json& v) {
  try {
    (void)json::as<T>(v, "field");
  } catch (const Error&) {
  }
}

void read_every_way(const Json& v) {
  read_as<std::string>(v);
  read_as<bool>(v);
  read_as<double>(v);
  read_as<int64_t>(v);
  read_as<uint64_t>(v);
  read_as<int32_t>(v);
  read_as<uint32_t>(v);
  read_as<int16_t>(v);
  read_as<uint8_t>(v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const http::SessionTokens tokens(kSecret, 3600);

  // The input as a bearer token (any bytes).
  (void)tokens.verify(std::string(text), http::kStaffAudience, kNow);

  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  std::string dumped = j.dump();
  if (Json::parse(dumped) != j) std::abort();

  read_every_way(j);
  if (j.is_object() || j.is_array()) {
    size_t n = 0;
    for (auto& member : j) {
      if (++n > 64) break;
      read_every_way(member);
      if (j.is_object()) {
        try {
          (void)json::get<int64_t>(j, "timestamp", 0);
        } catch (const Error&) {
        }
      }
    }
  }

  if (dingtalk::event_dedup_key(j).empty()) std::abort();

  // The claims of a token the host itself signed, for each audience.
  std::string token = signed_token(text);
  (void)tokens.verify(token, http::kStaffAudience, kNow);
  (void)tokens.verify(token, http::kLawyerAudience, kNow);
  return 0;
}
