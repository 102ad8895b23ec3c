// SPDX-License-Identifier: Apache-2.0
// Stream mode's JSON frames (dingtalk-protocol.md §5.3-5.5): reading a downstream frame, writing
// its ACK, and turning an EVENT into the event DingTalk's HTTP push would have carried, so the
// inbox and the plugins see one shape whichever way an event came.
// Threading: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "courthub/json.hpp"
#include "host/outcome.hpp"

namespace courthub::dingtalk {

// A frame from DingTalk: {"specVersion", "type", "headers": {...}, "data": "<JSON string>"}.
struct StreamFrame {
  std::string type;        // SYSTEM, EVENT or CALLBACK
  std::string topic;       // headers.topic ("ping", "disconnect", "*", "/v1.0/im/bot/...")
  std::string message_id;  // headers.messageId: what the ACK names
  Json headers;            // every header, as sent (an object of strings)
  std::string data;        // the payload: JSON text
};

// The CALLBACK topics the host subscribes to (§5.1): robot chat messages (§2.2) and
// interactive-card presses (§4).
inline constexpr const char* kRobotMessageTopic = "/v1.0/im/bot/messages/get";
inline constexpr const char* kCardCallbackTopic = "/v1.0/card/instances/callback";

// The subscriptions connections/open asks for: every EVENT (topic "*") and the two CALLBACK
// topics above.
Json stream_subscriptions();

// Parses one text frame. InvalidArgument naming what is missing or malformed (never the data).
Expected<StreamFrame> parse_stream_frame(std::string_view text);

// The ACK of `frame`: {"code", "headers": {"messageId", "contentType"}, "message", "data"}.
std::string stream_ack(const StreamFrame& frame, int code, const std::string& message,
                       const std::string& data);
// A CALLBACK's ACK: data {"response": <response>}; null when there is none (an error).
std::string callback_ack(const StreamFrame& frame, int code, const std::string& message,
                         const Json& response);
// An EVENT's ACK: SUCCESS once the event is durable; otherwise LATER (code 500), which asks
// DingTalk to push it again.
std::string event_ack(const StreamFrame& frame, bool durable);

// The EVENT as HTTP push carries it: data's members, EventType from headers.eventType, and the
// contact and department events' members under HTTP push's names (timeStamp -> TimeStamp,
// userId -> UserId, deptId -> DeptId, optStaffId -> OptStaffId, corpId -> CorpId; dataList ->
// DataList for attendance), CorpId from headers.eventCorpId when data has no corp id at all.
// InvalidArgument when there is no eventType or data is not a JSON object.
Expected<Json> stream_event_as_push(const StreamFrame& frame);

// The inbox's de-duplication key of a Stream event: "stream:<eventId>" (DingTalk's own id, so a
// re-push is a duplicate across restarts and hosts); without an eventId, the HTTP push rule
// (event_keys.hpp) on the converted event.
std::string stream_event_key(const StreamFrame& frame, const Json& event);

}  // namespace courthub::dingtalk
