// SPDX-License-Identifier: Apache-2.0
// The DingTalk open-API calls the double answers, as plain functions of (state, request).
//
// Each handler assumes the method and path already matched (see find_api_route) and that failure
// injection has been applied. All handlers are thread-safe.
#pragma once

#include <string_view>

#include "tests/dingtalk_double/double_state.hpp"
#include "tests/dingtalk_double/exchange.hpp"

namespace courthub::dingtalk_double {

using ApiHandler = ApiReply (*)(DoubleState&, const ApiRequest&);

struct ApiRoute {
  std::string_view method;
  std::string_view path;
  ApiHandler handler;
};

// The route for exactly `path`, or nullptr when the double does not implement it.
const ApiRoute* find_api_route(std::string_view path);

// token_endpoints.cpp: GET /gettoken, POST /v1.0/oauth2/accessToken
ApiReply get_token(DoubleState& state, const ApiRequest& request);
ApiReply oauth2_access_token(DoubleState& state, const ApiRequest& request);

// user_endpoints.cpp: POST /topapi/v2/user/getuserinfo, POST /topapi/v2/user/get
ApiReply get_user_info(DoubleState& state, const ApiRequest& request);
ApiReply get_user(DoubleState& state, const ApiRequest& request);
// POST /topapi/v2/department/get
ApiReply get_department(DoubleState& state, const ApiRequest& request);

// message_endpoints.cpp: POST /topapi/message/corpconversation/asyncsend_v2, /robot/send,
// /robot/sendBySession
ApiReply send_work_notice(DoubleState& state, const ApiRequest& request);
ApiReply robot_send(DoubleState& state, const ApiRequest& request);
ApiReply robot_send_by_session(DoubleState& state, const ApiRequest& request);

// card_endpoints.cpp: POST /v1.0/card/instances/createAndDeliver, PUT /v1.0/card/instances
ApiReply create_and_deliver_card(DoubleState& state, const ApiRequest& request);
ApiReply update_card(DoubleState& state, const ApiRequest& request);

// sms_endpoints.cpp: POST /sms/send, the SMS gateway courthub's outbox calls (not a DingTalk
// API; the double stands in for the court's gateway too)
ApiReply sms_send(DoubleState& state, const ApiRequest& request);

// stream_endpoints.cpp: POST /v1.0/gateway/connections/open, a ticket for the Stream WebSocket
// (dingtalk-protocol.md §5.1)
ApiReply open_stream_connection(DoubleState& state, const ApiRequest& request);

}  // namespace courthub::dingtalk_double
