// SPDX-License-Identifier: Apache-2.0
// The app access-token APIs, legacy (oapi) and new (api.dingtalk.com); they share one store.
#include "tests/dingtalk_double/api_endpoints.hpp"
#include "tests/dingtalk_double/robot_sign.hpp"

namespace courthub::dingtalk_double {
namespace {

bool credentials_match(const DoubleState& state, const std::string& key,
                       const std::string& secret) {
  return constant_time_equal(key, state.options.app_key) &&
         constant_time_equal(secret, state.options.app_secret);
}

}  // namespace

ApiReply get_token(DoubleState& state, const ApiRequest& request) {
  if (!credentials_match(state, request.param("appkey"), request.param("appsecret"))) {
    return errcode_reply(40089, "invalid appkey or appsecret");
  }
  const int64_t ttl_s = state.options.token_ttl_seconds;
  std::string token = state.tokens.issue(state.now_ms(), ttl_s * 1000);
  return ApiReply{200, Json::object({{"errcode", 0},
                                     {"errmsg", "ok"},
                                     {"access_token", std::move(token)},
                                     {"expires_in", ttl_s}})};
}

ApiReply oauth2_access_token(DoubleState& state, const ApiRequest& request) {
  Json body = request.json_body();
  // The real error shape for bad credentials here is not documented; this is the v1.0 envelope.
  if (!credentials_match(state, json::get<std::string>(body, "appKey"),
                         json::get<std::string>(body, "appSecret"))) {
    return v1_error_reply(400, "invalidClientIdOrSecret",
                          "无效的clientId或者clientSecret (invalid appKey or appSecret)");
  }
  const int64_t ttl_s = state.options.token_ttl_seconds;
  std::string token = state.tokens.issue(state.now_ms(), ttl_s * 1000);
  return ApiReply{200, Json::object({{"accessToken", std::move(token)}, {"expireIn", ttl_s}})};
}

}  // namespace courthub::dingtalk_double
