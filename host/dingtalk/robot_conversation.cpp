// SPDX-License-Identifier: Apache-2.0
// answer_robot_message: one robot chat message, de-duplicated on msgId, routed to the plugin that
// owns its command, the reply stored and queued for the session webhook. HTTP push
// (robot_endpoint.cpp) and Stream mode (stream_callbacks.cpp) both end here.
#include "host/dingtalk/channel.hpp"
#include "host/dingtalk/robot_commands.hpp"
#include "host/http/identity.hpp"
#include "host/log.hpp"
#include "host/plugins/dispatch.hpp"

namespace courthub::dingtalk {
namespace {

using storage::int_value;
using storage::text_of;
using storage::text_value;

struct RobotReply {
  bool markdown = true;
  std::string title;
  std::string text;
  Json to_json() const {
    if (!markdown) {
      return Json::object({{"msgtype", "text"}, {"text", Json::object({{"content", text}})}});
    }
    return Json::object({{"msgtype", "markdown"},
                         {"markdown", Json::object({{"title", title}, {"text", text}})}});
  }
};

RobotReply help_reply(plugins::PluginSet& plugins) {
  std::string text = "**可用命令 / Commands**\n\n";
  size_t count = 0;
  for (auto& inst : plugins.live_all()) {
    for (auto& c : inst->commands()) {
      text += "- `" + (c.usage.empty() ? c.name : c.usage) + "` — " + c.summary + " *(" +
              inst->name() + ")*\n";
      ++count;
    }
  }
  if (count == 0) text += "（暂无已启用的命令 / no plugin offers commands yet）\n";
  text += "\n发送 `help` 查看本列表。";
  return RobotReply{true, "courthub 帮助", text};
}

RobotReply unknown_reply(plugins::PluginSet& plugins, const std::string& word) {
  // Plugin commands first: on a tie the suggestion is something that does work.
  std::vector<std::string> names;
  for (auto& inst : plugins.live_all())
    for (auto& c : inst->commands()) names.push_back(c.name);
  names.push_back("help");
  std::string guess = closest_command(word, names);
  std::string text = "没有命令「" + word + "」。";
  if (!guess.empty()) text += "你是不是想用 `" + guess + "`？";
  text += "发送 `help` 查看全部命令。\nNo command '" + word + "'";
  if (!guess.empty()) text += "; did you mean '" + guess + "'";
  text += "? Send 'help' for the list.";
  return RobotReply{false, "", text};
}

RobotReply run_command(ChannelContext& ctx, const CommandLine& line, http::Identity& who,
                       const Json& message, const std::string& request_id) {
  if (line.command.empty() || line.command == "help" || line.command == "帮助" ||
      line.command == "?") {
    return help_reply(*ctx.plugins);
  }
  for (auto& inst : ctx.plugins->live_all()) {
    for (auto& c : inst->commands()) {
      if (c.name != line.command) continue;
      auto answer = plugins::call_command(
          *inst, c, line.args, who.caller(), json::get<std::string>(message, "conversationId"),
          json::get<std::string>(message, "conversationType") == "2", request_id);
      if (!answer.logged_error.empty()) {
        ctx.metrics->count("courthub_plugin_errors_total",
                           {{"plugin", inst->name()}, {"kind", "command"}});
        log::error("plugin:" + inst->name(), "command failed: " + answer.logged_error);
      }
      ctx.metrics->count("courthub_dingtalk_robot_messages_total",
                         {{"command", c.name}, {"outcome", answer.ok ? "ok" : "error"}});
      return RobotReply{answer.markdown, answer.title, answer.text};
    }
  }
  ctx.metrics->count("courthub_dingtalk_robot_messages_total",
                     {{"command", ""}, {"outcome", "unknown"}});
  return unknown_reply(*ctx.plugins, line.command);
}

http::Identity identify(ChannelContext& ctx, const Json& message) {
  std::string staff = json::get<std::string>(message, "senderStaffId");
  if (!staff.empty()) {
    auto snapshot = ctx.directory->snapshot();
    if (const directory::Person* p = snapshot->person(staff)) return http::Identity::of(*p);
  }
  http::Identity anonymous;
  anonymous.name = json::get<std::string>(message, "senderNick");
  return anonymous;
}

}  // namespace

ChannelAnswer answer_robot_message(ChannelContext& ctx, const Json& message,
                                   const std::string& request_id) {
  std::string msg_id = json::get<std::string>(message, "msgId");
  if (msg_id.empty()) {
    return refused_answer(400, "invalid_argument", "the robot message has no msgId", request_id);
  }
  // At-least-once delivery: a msgId seen before gets the reply it got then, and nothing runs.
  storage::QueryResult inserted;
  ch_value key[] = {text_value(msg_id), int_value(ctx.clock->now_ms())};
  Outcome o = ctx.host_db->query(
      "INSERT INTO robot_messages(msg_id, received_ms) VALUES (?, ?) "
      "ON CONFLICT(msg_id) DO NOTHING",
      key, {}, &inserted);
  if (!o.ok()) {
    return refused_answer(503, "unavailable", "the message could not be recorded; try again",
                          request_id);
  }
  if (inserted.changes == 0) {
    std::string previous;
    ch_value id[] = {text_value(msg_id)};
    (void)ctx.host_db->query("SELECT reply FROM robot_messages WHERE msg_id = ?", id,
                             [&](const ch_str*, const ch_value* v, size_t) {
                               previous = std::string(text_of(v[0]));
                               return Outcome::success();
                             });
    log::info("dingtalk", "robot message " + msg_id + " is a duplicate; not run again");
    return ChannelAnswer{200, previous.empty() ? "{}" : previous, ""};
  }

  http::Identity who = identify(ctx, message);
  RobotReply reply;
  if (json::get<std::string>(message, "msgtype", "text") != "text") {
    reply = RobotReply{false, "", "我只能理解文字命令。发送 `help` 查看全部命令。\nI only understand "
                                  "text commands; send 'help' for the list."};
  } else {
    const Json* text = json::find(message, "text");
    CommandLine line =
        parse_command_line(text ? json::get<std::string>(*text, "content") : std::string());
    reply = run_command(ctx, line, who, message, request_id);
  }
  Json body = reply.to_json();
  std::string text = json::dump(body);  // a plugin's reply may carry ill-formed UTF-8
  const std::string reply_type = json::get<std::string>(body, "msgtype");
  ch_value stored[] = {text_value(reply_type), text_value(text), text_value(msg_id)};
  (void)ctx.host_db->query("UPDATE robot_messages SET reply_type = ?, reply = ? WHERE msg_id = ?",
                           stored);

  std::string webhook = json::get<std::string>(message, "sessionWebhook");
  int64_t expires = json::get<int64_t>(message, "sessionWebhookExpiredTime", INT64_MAX);
  if (!webhook.empty() && expires > ctx.clock->now_ms()) {
    if (!ctx.api->trusted_url(webhook)) {
      log::warn("dingtalk", "robot message " + msg_id + " names a session webhook outside "
                            "DingTalk; the reply goes only in the response");
    } else {
      auto queued = ctx.outbox->queue(
          "@robot", Json::object({{"to", Json::object({{"session_webhook", webhook}})},
                                  {"msg", body},
                                  {"key", "robot-reply:" + msg_id}}));
      if (!queued) log::error("dingtalk", "cannot queue the robot reply: " + queued.outcome().message());
    }
  }
  return ChannelAnswer{200, text, ""};
}

}  // namespace courthub::dingtalk
