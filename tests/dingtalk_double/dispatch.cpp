// SPDX-License-Identifier: Apache-2.0
// One call through the double: control or API, failure injection, routing, recording.
#include "tests/dingtalk_double/dispatch.hpp"

#include <exception>

#include "tests/dingtalk_double/api_endpoints.hpp"
#include "tests/dingtalk_double/control_endpoints.hpp"

namespace courthub::dingtalk_double {
namespace {

ApiReply answer_api(DoubleState& state, const ApiRequest& request) {
  // Injection comes first so a test can fail even calls the double would otherwise reject.
  if (std::optional<ApiReply> injected = state.failures.take(request.path)) return *injected;
  const ApiRoute* route = find_api_route(request.path);
  if (!route) return errcode_reply(404, "no such API in the DingTalk double: " + request.path, 404);
  if (route->method != request.method) {
    return errcode_reply(
        405, request.path + " takes " + std::string(route->method) + ", not " + request.method,
        405);
  }
  try {
    return route->handler(state, request);
  } catch (const std::exception& e) {
    // A bug in the double must show up as a loud 500, not as a hung or dropped connection.
    return errcode_reply(-1, std::string("the DingTalk double failed: ") + e.what(), 500);
  }
}

}  // namespace

ApiReply dispatch(DoubleState& state, const ApiRequest& request) {
  if (request.path.starts_with(kControlPrefix)) {
    try {
      return answer_control(state, request);
    } catch (const std::exception& e) {
      return ApiReply{500, Json::object({{"ok", false}, {"error", e.what()}})};
    }
  }
  ApiReply reply = answer_api(state, request);
  state.log.record(request, reply);
  return reply;
}

}  // namespace courthub::dingtalk_double
