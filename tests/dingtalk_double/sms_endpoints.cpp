// SPDX-License-Identifier: Apache-2.0
// POST /sms/send: the SMS gateway as courthub's outbox calls it. The signature is computed here
// on its own (OpenSSL), so a host that signs wrongly is caught rather than agreed with.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

#include "tests/dingtalk_double/api_endpoints.hpp"
#include "tests/dingtalk_double/robot_sign.hpp"

namespace courthub::dingtalk_double {
namespace {

std::string hex_hmac_sha256(const std::string& key, const std::string& body) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &n);
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += digits[mac[i] >> 4];
    out += digits[mac[i] & 15];
  }
  return out;
}

ApiReply refused(int status, const std::string& why) {
  return ApiReply{status, Json::object({{"ok", false}, {"error", why}})};
}

}  // namespace

ApiReply sms_send(DoubleState& state, const ApiRequest& request) {
  const std::string signature = json::get<std::string>(request.headers, "x-courthub-signature");
  if (signature.empty()) return refused(401, "X-Courthub-Signature is missing");
  if (!constant_time_equal(signature, hex_hmac_sha256(state.options.sms_secret, request.body)))
    return refused(401, "signature does not match");
  Json body = request.json_body();
  const std::string mobile = json::get<std::string>(body, "mobile");
  const std::string content = json::get<std::string>(body, "content");
  if (mobile.size() != 11 || mobile[0] != '1' ||
      !std::all_of(mobile.begin(), mobile.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return refused(400, "mobile must be 11 digits starting with 1");
  if (content.empty()) return refused(400, "content is required");
  const std::string id = "sms-" + std::to_string(state.sms.size() + 1);
  state.sms.add(Json::object(
      {{"id", id}, {"mobile", mobile}, {"content", content}, {"at_ms", state.now_ms()}}));
  return ApiReply{200, Json::object({{"ok", true}, {"id", id}})};
}

}  // namespace courthub::dingtalk_double
