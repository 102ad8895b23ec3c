// SPDX-License-Identifier: Apache-2.0
// Interactive cards (互动卡片) through the new-style API with the x-acs token header.
#include <optional>

#include "tests/dingtalk_double/api_endpoints.hpp"

namespace courthub::dingtalk_double {

namespace {

std::optional<ApiReply> refuse_token(const DoubleState& state, const ApiRequest& request) {
  if (state.token_valid(json::get<std::string>(request.headers, "x-acs-dingtalk-access-token"))) {
    return std::nullopt;
  }
  return v1_error_reply(401, "InvalidAuthentication",
                        "不合法的access_token: the x-acs-dingtalk-access-token header is "
                        "missing, unknown or expired");
}

}  // namespace

ApiReply create_and_deliver_card(DoubleState& state, const ApiRequest& request) {
  if (auto refused = refuse_token(state, request)) return *refused;
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

// PUT /v1.0/card/instances: new data for a delivered card's keys. The double does not remember
// cards, so any outTrackId is accepted; tests read the update back from the request log.
ApiReply update_card(DoubleState& state, const ApiRequest& request) {
  if (auto refused = refuse_token(state, request)) return *refused;
  Json body = request.json_body();
  if (json::get<std::string>(body, "outTrackId").empty()) {
    return v1_error_reply(400, "MissingoutTrackId", "outTrackId is mandatory for this action.");
  }
  const Json* data = json::find(body, "cardData");
  const Json* params = data ? json::find(*data, "cardParamMap") : nullptr;
  if (!params || !params->is_object()) {
    return v1_error_reply(400, "InvalidcardData", "cardData.cardParamMap must be an object.");
  }
  for (auto& [key, value] : params->items()) {
    if (!value.is_string()) {
      return v1_error_reply(400, "InvalidcardData",
                            "cardData.cardParamMap." + key + " must be a string.");
    }
  }
  return ApiReply{200, Json::object({{"success", true}, {"result", true}})};
}

}  // namespace courthub::dingtalk_double
