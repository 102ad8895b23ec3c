// SPDX-License-Identifier: Apache-2.0
// Stream frames: parse, ACK, convert an EVENT to the HTTP push shape.
#include "host/dingtalk/stream_frames.hpp"

#include <array>
#include <utility>

#include "host/dingtalk/event_keys.hpp"

namespace courthub::dingtalk {
namespace {

std::string header(const Json& headers, const char* name) {
  auto it = headers.find(name);
  return it != headers.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

Json stream_subscriptions() {
  return Json::array({Json::object({{"type", "EVENT"}, {"topic", "*"}}),
                      Json::object({{"type", "CALLBACK"}, {"topic", kRobotMessageTopic}}),
                      Json::object({{"type", "CALLBACK"}, {"topic", kCardCallbackTopic}})});
}

Expected<StreamFrame> parse_stream_frame(std::string_view text) {
  Json frame = Json::parse(text, nullptr, false);
  if (!frame.is_object()) return Outcome::invalid("a Stream frame must be a JSON object");
  StreamFrame f;
  auto type = frame.find("type");
  if (type == frame.end() || !type->is_string())
    return Outcome::invalid("a Stream frame needs a type (SYSTEM, EVENT, CALLBACK)");
  f.type = type->get<std::string>();
  auto headers = frame.find("headers");
  if (headers == frame.end() || !headers->is_object())
    return Outcome::invalid("a Stream frame needs a headers object");
  f.headers = *headers;
  f.topic = header(f.headers, "topic");
  f.message_id = header(f.headers, "messageId");
  if (f.message_id.empty()) return Outcome::invalid("a Stream frame needs headers.messageId");
  auto data = frame.find("data");
  if (data != frame.end() && data->is_string()) {
    f.data = data->get<std::string>();
  } else if (data != frame.end() && !data->is_null()) {
    f.data = data->dump();  // tolerated: an object where a JSON string belongs
  }
  return f;
}

std::string stream_ack(const StreamFrame& frame, int code, const std::string& message,
                       const std::string& data) {
  return Json::object({{"code", code},
                       {"headers", Json::object({{"messageId", frame.message_id},
                                                 {"contentType", "application/json"}})},
                       {"message", message},
                       {"data", data}})
      .dump();
}

std::string callback_ack(const StreamFrame& frame, int code, const std::string& message,
                         const Json& response) {
  return stream_ack(frame, code, message, json::dump(Json::object({{"response", response}})));
}

std::string event_ack(const StreamFrame& frame, bool durable) {
  const char* status = durable ? "SUCCESS" : "LATER";
  return stream_ack(frame, durable ? 200 : 500, durable ? "OK" : "later",
                    Json::object({{"status", status},
                                  {"message", durable ? "success" : "not stored; push again"}})
                        .dump());
}

Expected<Json> stream_event_as_push(const StreamFrame& frame) {
  const std::string type = header(frame.headers, "eventType");
  if (type.empty()) return Outcome::invalid("a Stream event needs headers.eventType");
  Json data = Json::parse(frame.data, nullptr, false);
  if (!data.is_object()) return Outcome::invalid("a Stream event's data must be a JSON object");
  Json event = Json::object({{"EventType", type}});
  const bool contacts = starts_with(type, "user_") || starts_with(type, "org_");
  static constexpr std::array<std::pair<const char*, const char*>, 6> kPushNames = {{
      {"timeStamp", "TimeStamp"}, {"userId", "UserId"}, {"deptId", "DeptId"},
      {"optStaffId", "OptStaffId"}, {"corpId", "CorpId"}, {"dataList", "DataList"}}};
  for (auto& [key, value] : data.items()) {
    std::string name = key;
    for (auto& [stream, push] : kPushNames) {
      const bool applies = name == "dataList" || name == "timeStamp" || contacts;
      if (name == stream && applies && !data.contains(push)) name = push;
    }
    if (name != "EventType") event[name] = value;
  }
  if (!event.contains("CorpId") && !event.contains("corpId")) {
    const std::string corp = header(frame.headers, "eventCorpId");
    if (!corp.empty()) event["CorpId"] = corp;
  }
  return event;
}

std::string stream_event_key(const StreamFrame& frame, const Json& event) {
  const std::string id = header(frame.headers, "eventId");
  return id.empty() ? event_dedup_key(event) : "stream:" + id;
}

}  // namespace courthub::dingtalk
