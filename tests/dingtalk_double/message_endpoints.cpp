// SPDX-License-Identifier: Apache-2.0
// Outbound messages: work notifications, custom group robots and robot session replies.
#include <algorithm>
#include <array>

#include "tests/dingtalk_double/api_endpoints.hpp"
#include "tests/dingtalk_double/random_id.hpp"

namespace courthub::dingtalk_double {
namespace {

// Protocol doc §7.
constexpr size_t kWorkNoticeMsgLimitBytes = 2048;
constexpr std::array<std::string_view, 8> kWorkNoticeMsgTypes = {
    "text", "image", "voice", "file", "link", "oa", "markdown", "action_card"};

ApiReply invalid(const std::string& why) {
  return errcode_reply(40035, "缺少参数或参数不合法: " + why);
}

bool present_string(const Json& body, std::string_view key) {
  const Json* v = json::find(body, key);
  return v && v->is_string() && !v->get<std::string>().empty();
}

// The recipient lists are comma-separated strings on the wire; a JSON array is a client bug that
// the real API would reject, so the double rejects it too.
std::optional<std::string> check_recipients(const Json& body) {
  for (std::string_view key : {"userid_list", "dept_id_list"}) {
    const Json* v = json::find(body, key);
    if (v && !v->is_null() && !v->is_string()) {
      return std::string(key) + " must be a comma-separated string such as \"user1,user2\"";
    }
  }
  bool any = present_string(body, "userid_list") || present_string(body, "dept_id_list") ||
             json::get<bool>(body, "to_all_user", false);
  if (!any) return "give at least one of userid_list, dept_id_list or to_all_user=true";
  return std::nullopt;
}

std::optional<std::string> check_work_notice_msg(const Json& body) {
  const Json* raw = json::find(body, "msg");
  if (!raw || raw->is_null()) return "msg is required";
  Json msg = *raw;
  // Form-style clients send msg as a JSON string; both spellings reach the same message.
  if (msg.is_string()) {
    try {
      msg = Json::parse(raw->get<std::string>());
    } catch (const Json::exception& e) {
      return std::string("msg is a string but not JSON: ") + e.what();
    }
  }
  if (!msg.is_object()) return "msg must be a JSON object";
  const std::string type = json::get<std::string>(msg, "msgtype");
  if (std::find(kWorkNoticeMsgTypes.begin(), kWorkNoticeMsgTypes.end(), type) ==
      kWorkNoticeMsgTypes.end()) {
    return "msg.msgtype \"" + type +
           "\" is not one of text, image, voice, file, link, oa, markdown, action_card";
  }
  const size_t size = raw->is_string() ? raw->get<std::string>().size() : msg.dump().size();
  if (size > kWorkNoticeMsgLimitBytes) {
    return "msg is " + std::to_string(size) + " bytes serialised; the limit is " +
           std::to_string(kWorkNoticeMsgLimitBytes);
  }
  return std::nullopt;
}

bool agent_id_valid(const Json& body) {
  const Json* v = json::find(body, "agent_id");
  if (!v) return false;
  if (v->is_number_integer()) return v->get<int64_t>() > 0;
  if (!v->is_string()) return false;
  const std::string& text = v->get_ref<const std::string&>();
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Robot bodies are {"msgtype": ..., "<msgtype>": {...}} (protocol doc §2.3, §3).
std::optional<std::string> check_robot_body(const ApiRequest& request) {
  Json body = request.json_body();
  if (!body.is_object()) return "the body must be a JSON object such as {\"msgtype\":\"text\",...}";
  std::string type = json::get<std::string>(body, "msgtype");
  if (type.empty()) return "msgtype is required";
  if (!body.contains(type) || !body[type].is_object()) {
    return "a \"" + type + "\" message needs a \"" + type + "\" object";
  }
  return std::nullopt;
}

}  // namespace

ApiReply send_work_notice(DoubleState& state, const ApiRequest& request) {
  if (!state.token_valid(request.param("access_token"))) {
    return errcode_reply(40014, "不合法的access_token");
  }
  Json body = request.json_body();
  if (!body.is_object()) return invalid("the body must be a JSON object");
  if (!agent_id_valid(body)) return invalid("agent_id (the app's AgentId, a number) is required");
  if (auto why = check_recipients(body)) return invalid(*why);
  if (auto why = check_work_notice_msg(body)) return invalid(*why);
  return ApiReply{200, Json::object({{"errcode", 0},
                                     {"errmsg", "ok"},
                                     {"task_id", state.next_task_id.fetch_add(1)},
                                     {"request_id", random_hex(8)}})};
}

ApiReply robot_send(DoubleState& state, const ApiRequest& request) {
  ApiReply verdict =
      state.robots.admit(request.param("access_token"), request.param("timestamp"),
                         request.param("sign"), state.now_ms(), state.options.robot_per_minute);
  if (json::get<int64_t>(verdict.body, "errcode") != 0) return verdict;
  // Checked after admission, so a malformed send still counts toward the rate limit; DingTalk's
  // own order is not documented.
  if (auto why = check_robot_body(request)) return invalid(*why);
  return verdict;
}

ApiReply robot_send_by_session(DoubleState& /*state*/, const ApiRequest& request) {
  // Any session is accepted: the double cannot know which sessionWebhook URLs DingTalk handed out.
  if (request.param("session").empty()) return errcode_reply(300001, "session is not exist");
  if (auto why = check_robot_body(request)) return invalid(*why);
  return errcode_reply(0, "ok");
}

}  // namespace courthub::dingtalk_double
