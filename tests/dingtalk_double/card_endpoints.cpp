// SPDX-License-Identifier: Apache-2.0
// Interactive cards (互动卡片) through the new-style API with the x-acs token header.
#include "tests/dingtalk_double/api_endpoints.hpp"

namespace courthub::dingtalk_double {

ApiReply create_and_deliver_card(DoubleState& state, const ApiRequest& request) {
  if (!state.token_valid(json::get<std::string>(request.headers, "x-acs-dingtalk-access-token"))) {
    return v1_error_reply(401, "InvalidAuthentication",
                          "不合法的access_token: the x-acs-dingtalk-access-token header is "
                          "missing, unknown or expired");
  }
  Json body = request.json_body();
  for (std::string_view key : {"cardTemplateId", "outTrackId"}) {
    if (json::get<std::string>(body, key).empty()) {
      return v1_error_reply(400, "Missing" + std::string(key),
                            std::string(key) + " is mandatory for this action.");
    }
  }
  return ApiReply{
      200,
      Json::object({{"success", true},
                    {"result",
                     Json::object({{"outTrackId", json::get<std::string>(body, "outTrackId")}})}})};
}

}  // namespace courthub::dingtalk_double
