// SPDX-License-Identifier: Apache-2.0
// answer_stream_callback: a robot message or a card press that came over Stream mode, answered by
// the same code as HTTP push's (answer_robot_message, answer_card_press), the answer put in the
// CALLBACK's ACK (dingtalk-protocol.md §5.4).
#include "courthub/error.hpp"
#include "host/dingtalk/channel.hpp"
#include "host/log.hpp"

namespace courthub::dingtalk {

std::string answer_stream_callback(ChannelContext& ctx, const StreamFrame& frame) {
  const bool robot = frame.topic == kRobotMessageTopic;
  if (!robot && frame.topic != kCardCallbackTopic)
    return callback_ack(frame, 404, "this host does not subscribe to the topic", Json());
  const Json data = Json::parse(frame.data, nullptr, false);
  if (!data.is_object()) {
    log::warn("dingtalk", "Stream callback refused: its data is not a JSON object");
    return callback_ack(frame, 400, "the callback's data must be a JSON object", Json());
  }
  const std::string request_id = log::new_request_id();
  log::RequestScope scope(request_id);
  ChannelAnswer answer;
  try {
    answer = robot ? answer_robot_message(ctx, data, request_id)
                   : answer_card_press(ctx, data, request_id);
  } catch (const Error& e) {  // a field of the wrong type: the caller's mistake, as over HTTP
    log::warn("dingtalk", std::string("Stream callback refused: ") + e.what());
    return callback_ack(frame, 400, e.what(), Json());
  }
  const Json body = Json::parse(answer.body, nullptr, false);
  if (answer.status < 300) return callback_ack(frame, 200, "OK", body);
  const Json* error = json::find(body, "error");
  const std::string message =
      error ? json::get<std::string>(*error, "message") : "HTTP " + std::to_string(answer.status);
  return callback_ack(frame, answer.status >= 500 ? 500 : 400, message, Json());
}

}  // namespace courthub::dingtalk
