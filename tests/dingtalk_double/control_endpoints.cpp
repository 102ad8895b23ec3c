// SPDX-License-Identifier: Apache-2.0
// The /__double/ endpoints that drive the double over HTTP.
#include "tests/dingtalk_double/control_endpoints.hpp"

#include <algorithm>
#include <stdexcept>

#include "tests/dingtalk_double/random_id.hpp"

namespace courthub::dingtalk_double {
namespace {

const Json kOk = Json::object({{"ok", true}});

ApiReply bad_request(const std::string& why) {
  return ApiReply{400, Json::object({{"ok", false}, {"error", why}})};
}

Json object_body(const ApiRequest& request) {
  Json body = request.json_body();
  if (!body.is_object() && !body.is_array()) {
    throw std::invalid_argument(request.path +
                                " takes a JSON body, got: " + request.body.substr(0, 200));
  }
  return body;
}

ApiReply list_requests(DoubleState& state, const ApiRequest& request) {
  Json list = Json::array();
  for (Json& entry : state.log.entries(request.param("path"))) list.push_back(std::move(entry));
  return ApiReply{200, Json::object({{"requests", std::move(list)}})};
}

ApiReply add_users(DoubleState& state, const ApiRequest& request) {
  Json body = object_body(request);
  if (body.is_array()) {
    for (const Json& user : body) state.users.add(user);
  } else {
    state.users.add(body);
  }
  return ApiReply{200, kOk};
}

ApiReply add_departments(DoubleState& state, const ApiRequest& request) {
  Json body = object_body(request);
  if (body.is_array()) {
    for (const Json& department : body) state.users.add_department(department);
  } else {
    state.users.add_department(body);
  }
  return ApiReply{200, kOk};
}

ApiReply issue_auth_code(DoubleState& state, const ApiRequest& request) {
  std::string code = state.users.issue_code(json::get<std::string>(object_body(request), "userid"),
                                            state.now_ms());
  return ApiReply{200, Json::object({{"code", std::move(code)}})};
}

ApiReply plan_failure(DoubleState& state, const ApiRequest& request) {
  Json body = object_body(request);
  std::string path = json::get<std::string>(body, "path");
  if (path.empty()) {
    throw std::invalid_argument("/__double/fail needs \"path\", e.g. \"/robot/send\"");
  }
  const int errcode = static_cast<int>(json::get<int64_t>(body, "errcode", 0));
  // An errcode alone means the DingTalk style of failure: HTTP 200 with that errcode.
  const int status = static_cast<int>(json::get<int64_t>(body, "status", errcode != 0 ? 200 : 500));
  state.failures.fail_next(path, static_cast<int>(json::get<int64_t>(body, "count", 1)), status,
                           errcode);
  return ApiReply{200, kOk};
}

ApiReply set_down(DoubleState& state, const ApiRequest& request) {
  const Json body = object_body(request);
  const Json* down = json::find(body, "down");
  if (!down || !down->is_boolean()) {
    throw std::invalid_argument("/__double/down takes {\"down\": true|false}");
  }
  state.failures.set_down(down->get<bool>());
  return ApiReply{200, kOk};
}

ApiReply add_robot(DoubleState& state, const ApiRequest& request) {
  Json body = object_body(request);
  std::string token = json::get<std::string>(body, "access_token");
  if (token.empty()) {
    throw std::invalid_argument("/__double/robots takes {\"access_token\": ..., \"secret\": ...}");
  }
  state.robots.add(token, json::get<std::string>(body, "secret"));
  return ApiReply{200, kOk};
}

ApiReply list_sms(DoubleState& state, const ApiRequest&) {
  Json list = Json::array();
  for (Json& sms : state.sms.received()) list.push_back(std::move(sms));
  return ApiReply{200, Json::object({{"messages", std::move(list)}})};
}

// {"event": TYPE, "data": {...}[, "event_id": ID]} or {"callback": TOPIC, "data": {...}}: pushed
// down a live Stream connection as DingTalk would; answers once the host ACKs it (within
// "wait_ms", 10000 by default) with {"message_id", "ack"} (ack null when none came in time).
ApiReply stream_push(DoubleState& state, const ApiRequest& request) {
  const Json body = object_body(request);
  const std::string event = json::get<std::string>(body, "event");
  const std::string callback = json::get<std::string>(body, "callback");
  if (event.empty() == callback.empty()) {
    throw std::invalid_argument(
        "/__double/stream/push takes {\"event\": TYPE} or {\"callback\": TOPIC}, and \"data\"");
  }
  const Json* data = json::find(body, "data");
  if (data && !data->is_object())
    throw std::invalid_argument("/__double/stream/push: \"data\" must be a JSON object");
  const Json payload = data ? *data : Json::object();
  if (state.stream.live_connections() == 0) {
    return ApiReply{409, Json::object({{"ok", false},
                                       {"error", "no host is connected over Stream mode "
                                                 "(dingtalk.mode: stream or both)"}})};
  }
  const int64_t now = state.now_ms();
  Json frame =
      event.empty()
          ? stream_callback_frame(callback, payload, now, state.options.app_key)
          : stream_event_frame(event, json::get<std::string>(body, "event_id", random_hex(16)),
                               payload, now, state.options.corp_id, state.options.app_key);
  const std::string id = state.stream.push(std::move(frame));
  const int64_t wait = std::clamp<int64_t>(json::get<int64_t>(body, "wait_ms", 10000), 0, 60000);
  return ApiReply{200, Json::object({{"ok", true},
                                     {"message_id", id},
                                     {"ack", state.stream.wait_for_ack(id, wait)}})};
}

ApiReply reset(DoubleState& state, const ApiRequest&) {
  state.reset();
  return ApiReply{200, kOk};
}

ApiReply health(DoubleState&, const ApiRequest&) {
  return ApiReply{200, kOk};
}

struct ControlRoute {
  std::string_view method;
  std::string_view name;  // the path after kControlPrefix
  ApiReply (*handler)(DoubleState&, const ApiRequest&);
};

constexpr ControlRoute kRoutes[] = {
    {"GET", "requests", list_requests},
    {"POST", "users", add_users},
    {"POST", "departments", add_departments},
    {"POST", "auth_codes", issue_auth_code},
    {"POST", "fail", plan_failure},
    {"POST", "down", set_down},
    {"POST", "robots", add_robot},
    {"GET", "sms", list_sms},
    {"POST", "stream/push", stream_push},
    {"POST", "reset", reset},
    {"GET", "health", health},
};

}  // namespace

ApiReply answer_control(DoubleState& state, const ApiRequest& request) {
  std::string_view name = std::string_view(request.path).substr(kControlPrefix.size());
  for (const ControlRoute& route : kRoutes) {
    if (route.name != name) continue;
    if (route.method != request.method) {
      return ApiReply{
          405, Json::object({{"ok", false},
                             {"error", request.path + " takes " + std::string(route.method)}})};
    }
    try {
      return route.handler(state, request);
    } catch (const std::invalid_argument& e) {
      return bad_request(e.what());
    } catch (const Json::exception& e) {
      return bad_request(request.path + ": " + e.what());
    }
  }
  return ApiReply{404, Json::object({{"ok", false},
                                     {"error", "no control endpoint " + request.path +
                                                   "; see docs/dingtalk-double.md"}})};
}

}  // namespace courthub::dingtalk_double
