// SPDX-License-Identifier: Apache-2.0
// POST /dingtalk/robot: a robot chat message over HTTP push, its signature checked and claimed
// once, then answered as Stream mode's are (answer_robot_message, robot_conversation.cpp): the
// reply goes back in the response and through the session webhook.
#include "host/dingtalk/channel.hpp"
#include "host/dingtalk/robot_signature.hpp"
#include "host/dingtalk/timestamp_window.hpp"
#include "host/dingtalk/used_robot_signs.hpp"
#include "host/log.hpp"

namespace courthub::dingtalk {
namespace {

// A verified timestamp/sign pair is good for one message: the same msgId again is DingTalk's
// retry (answered below as before), another msgId is a captured pair replayed. False when the
// request was answered here (refused, or the record failed).
bool claim_sign(http::Exchange& ex, ChannelContext& ctx, const std::string& msg_id) {
  const std::string timestamp = ex.header("timestamp");
  const int64_t expires = parse_decimal(timestamp).value_or(0) + ctx.config.robot_window_ms;
  auto use = ctx.robot_signs->claim(timestamp, ex.header("sign"), msg_id, expires,
                                    ctx.clock->now_ms());
  if (!use) {
    ex.respond_error(503, "unavailable", "the message could not be recorded; try again");
    return false;
  }
  if (*use != SignUse::Replayed) return true;
  ctx.metrics->count("courthub_robot_replays_refused_total", {});
  log::warn("dingtalk", "robot message refused: its timestamp and sign were already used by "
                        "another message (a replay)");
  ex.respond_error(401, "replayed",
                   "this robot timestamp and sign were already used by another message; "
                   "each signed request is good for one message");
  return false;
}

void serve(http::Exchange& ex, ChannelContext& ctx) {
  if (!http::allow_methods(ex, {"POST"})) return;
  Outcome signed_ok = verify_robot_request(ex.header("timestamp"), ex.header("sign"),
                                           ctx.config.app_secret, ctx.clock->now_ms(),
                                           ctx.config.robot_window_ms);
  if (!signed_ok.ok()) {
    log::warn("dingtalk", "robot message refused: " + signed_ok.message());
    ex.respond_error(401, "unauthenticated", signed_ok.message());
    return;
  }
  auto message = ex.json_body();
  if (!message) return;
  std::string msg_id = json::get<std::string>(*message, "msgId");
  if (msg_id.empty()) {
    ex.respond_error(400, "invalid_argument", "the robot message has no msgId");
    return;
  }
  if (!claim_sign(ex, ctx, msg_id)) return;
  ChannelAnswer answer = answer_robot_message(ctx, *message, ex.request_id());
  ex.respond(answer.status, "application/json; charset=utf-8", answer.body);
}

}  // namespace

void add_robot_endpoint(http::Router& router, ChannelContext& ctx) {
  router.exact("/dingtalk/robot", "/dingtalk/robot",
               [&ctx](http::Exchange& ex) { serve(ex, ctx); });
}

}  // namespace courthub::dingtalk
