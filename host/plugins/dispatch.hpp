// SPDX-License-Identifier: Apache-2.0
// Calling a plugin the way the host's channels do — an HTTP route, a robot command, a card
// action — and turning its answer (or failure) into what the caller gets.
//
// Shared by the HTTP endpoints and the in-process test harness, so a plugin behaves the same in
// its unit tests as behind the real server. Threading: any thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "courthub/json.hpp"
#include "courthub/plugin_abi.h"
#include "host/plugins/plugin_instance.hpp"

namespace courthub::plugins {

// The most header bytes a plugin route accepts (names, values, ": " and CRLF); more is 431.
inline constexpr size_t kMaxHeaderBytes = 16 * 1024;

struct HttpCall {
  std::string method;
  std::string path;  // after /apps/<plugin>
  std::vector<std::pair<std::string, std::string>> query;
  std::string content_type;
  std::string body;
  // Names lower-cased, in arrival order. Authorization and Cookie are withheld from the plugin.
  std::vector<std::pair<std::string, std::string>> headers;
  const ch_caller* caller = nullptr;
  std::string request_id;
};

struct HttpAnswer {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string route;         // the matched pattern, "" when none matched
  std::string logged_error;  // an internal failure's detail: for the log, never the caller
};

// Routes and calls; 404/405 for unrouted paths, 431 for headers over kMaxHeaderBytes, 400 for a
// JSON body that does not parse, the plugin's answer, or the JSON error body of the host for a
// failure: 504 deadline_exceeded when the plugin did not answer within its deadline, 503 busy
// with Retry-After: 1 when its bulkhead was full (commands and card actions alike, below).
HttpAnswer call_http(PluginInstance& plugin, const HttpCall& call);

// The host's JSON error body.
std::string error_body(std::string_view code, std::string_view message, std::string_view plugin,
                       const Json& details, std::string_view request_id);

struct CommandAnswer {
  bool ok = false;
  bool markdown = false;
  std::string title;
  std::string text;          // the reply to show in the chat (also on failure)
  std::string logged_error;  // internal failure detail, for the log
};

// Runs a registered command. On failure `text` says what went wrong in words a chat user can
// act on (the plugin's message for bad input, a generic one with the request id otherwise).
CommandAnswer call_command(PluginInstance& plugin, const CommandRegistration& command,
                           const std::string& args, const ch_caller& caller,
                           const std::string& conversation_id, bool is_group,
                           const std::string& request_id);

struct CardAnswer {
  bool ok = false;
  int status = 200;
  Json body;                 // {cardUpdateOptions, cardData, userPrivateData} or an error
  std::string logged_error;
};

CardAnswer call_card_action(PluginInstance& plugin, const CardActionRegistration& action,
                            const Json& params, const std::string& out_track_id,
                            const ch_caller& caller, const std::string& request_id);

}  // namespace courthub::plugins
