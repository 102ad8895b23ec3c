// SPDX-License-Identifier: Apache-2.0
// POST /v1.0/gateway/connections/open: the app's credentials and subscriptions in, an endpoint
// and a single-use ticket out.
#include "tests/dingtalk_double/api_endpoints.hpp"

namespace courthub::dingtalk_double {

ApiReply open_stream_connection(DoubleState& state, const ApiRequest& request) {
  const Json body = request.json_body();
  if (!body.is_object()) return v1_error_reply(400, "invalidParameter", "a JSON object is required");
  if (json::get<std::string>(body, "clientId") != state.options.app_key ||
      json::get<std::string>(body, "clientSecret") != state.options.app_secret) {
    return v1_error_reply(401, "invalidClient", "clientId or clientSecret is wrong");
  }
  const Json* subscriptions = json::find(body, "subscriptions");
  if (!subscriptions || !subscriptions->is_array() || subscriptions->empty()) {
    return v1_error_reply(400, "invalidParameter", "subscriptions must be a non-empty list");
  }
  for (const Json& s : *subscriptions) {
    const std::string type = json::get<std::string>(s, "type");
    if ((type != "EVENT" && type != "CALLBACK" && type != "SYSTEM") ||
        json::get<std::string>(s, "topic").empty()) {
      return v1_error_reply(400, "invalidParameter",
                            "each subscription needs a type (EVENT, CALLBACK, SYSTEM) and a topic");
    }
  }
  return ApiReply{200, state.stream.open(*subscriptions, state.now_ms())};
}

}  // namespace courthub::dingtalk_double
