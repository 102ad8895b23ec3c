// SPDX-License-Identifier: Apache-2.0
// Plugin calls as the channels make them, with the host's error conventions.
#include "host/plugins/dispatch.hpp"


namespace courthub::plugins {
namespace {

ch_str view(const std::string& s) { return ch_str{s.data(), s.size()}; }

bool is_json(const std::string& content_type) {
  return content_type.rfind("application/json", 0) == 0 ||
         content_type.find("+json") != std::string::npos;
}

HttpAnswer error_answer(int status, std::string_view code, std::string_view message,
                        const std::string& plugin, const Json& details,
                        const std::string& request_id) {
  HttpAnswer a;
  a.status = status;
  a.content_type = "application/json; charset=utf-8";
  a.body = error_body(code, message, plugin, details, request_id);
  return a;
}

// 504 for a call its caller stopped waiting for, 503 + Retry-After for one the bulkhead refused.
// Nothing for the error log: CallStats counts both and logs deadlines, rate-limited.
HttpAnswer containment_answer(const CallResult& result, const std::string& plugin,
                              const std::string& request_id) {
  if (result.rejected) {
    auto a = error_answer(503, "busy",
                          "plugin '" + plugin + "' is busy with other requests; try again in a "
                          "second",
                          plugin, Json(), request_id);
    a.headers.emplace_back("Retry-After", "1");
    return a;
  }
  auto a = error_answer(504, "deadline_exceeded",
                        "plugin '" + plugin + "' did not answer within " +
                            std::to_string(result.deadline_ms) + " ms; quote request id " +
                            request_id + " when reporting it",
                        plugin, Json(), request_id);
  return a;
}

}  // namespace

std::string error_body(std::string_view code, std::string_view message, std::string_view plugin,
                       const Json& details, std::string_view request_id) {
  Json err = Json::object({{"code", code}, {"message", message}});
  if (!plugin.empty()) err["plugin"] = plugin;
  if (!details.is_null()) err["details"] = details;
  return json::dump(Json::object({{"error", err}, {"request_id", request_id}}));
}

HttpAnswer call_http(PluginInstance& plugin, const HttpCall& call) {
  const std::string& name = plugin.name();
  RouteMatch match;
  std::string allowed;
  switch (plugin.routes().match(call.method, call.path, match, &allowed)) {
    case RouteTable::Result::NoPath:
      return error_answer(404, "not_found", "plugin '" + name + "' has no route " + call.path,
                          name, Json(), call.request_id);
    case RouteTable::Result::WrongMethod: {
      auto a = error_answer(405, "method_not_allowed",
                            call.method + " " + call.path + " is not routed; use " + allowed, name,
                            Json(), call.request_id);
      a.headers.emplace_back("Allow", allowed);
      return a;
    }
    case RouteTable::Result::Matched: break;
  }
  size_t header_bytes = 0;
  for (auto& [k, v] : call.headers) header_bytes += k.size() + v.size() + 4;  // ": " and CRLF
  if (header_bytes > kMaxHeaderBytes) {
    auto a = error_answer(431, "headers_too_large",
                          "the request headers take " + std::to_string(header_bytes) +
                              " bytes; at most " + std::to_string(kMaxHeaderBytes) + " are accepted",
                          name, Json(), call.request_id);
    a.route = *match.pattern;
    return a;
  }
  if (!call.body.empty() && is_json(call.content_type)) {
    try {
      Json parsed = Json::parse(call.body);  // refuses ill-formed UTF-8 too
      (void)parsed;
    } catch (const Json::exception& e) {
      auto a = error_answer(400, "invalid_json",
                            "request body is not valid JSON: " + detail::json_error_message(e),
                            name, Json(), call.request_id);
      a.route = *match.pattern;
      return a;
    }
  }

  std::vector<ch_str> param_names, param_values, query_names, query_values;
  for (auto& [k, v] : match.params) {
    param_names.push_back(view(k));
    param_values.push_back(view(v));
  }
  for (auto& [k, v] : call.query) {
    query_names.push_back(view(k));
    query_values.push_back(view(v));
  }
  std::vector<ch_str> header_names, header_values;
  for (auto& [k, v] : call.headers) {
    if (k == "authorization" || k == "cookie") continue;  // consumed by the host: see caller
    header_names.push_back(view(k));
    header_values.push_back(view(v));
  }
  ch_http_request req{sizeof(ch_http_request),
                      view(call.method),
                      view(call.path),
                      param_names.data(),
                      param_values.data(),
                      param_names.size(),
                      query_names.data(),
                      query_values.data(),
                      query_names.size(),
                      view(call.content_type),
                      view(call.body),
                      call.caller,
                      view(call.request_id),
                      header_names.data(),
                      header_values.data(),
                      header_names.size()};
  ch_reply reply;
  auto result = plugin.http(match.handler, req, reply);
  HttpAnswer answer;
  answer.route = *match.pattern;
  if (result.deadline_exceeded || result.rejected) {
    answer = containment_answer(result, name, call.request_id);
    answer.route = *match.pattern;
    return answer;
  }
  if (result.ok()) {
    answer.status = reply.status;
    answer.content_type = reply.has_body ? reply.content_type : std::string();
    answer.body = reply.body;
    answer.headers = reply.headers;
    return answer;
  }
  auto [status, code] = http_status_of(static_cast<Status>(result.status));
  if (status >= 500) {
    answer = error_answer(status, code,
                          "plugin '" + name + "' failed to handle the request; quote request id " +
                              call.request_id + " when reporting it",
                          name, Json(), call.request_id);
    answer.logged_error = result.error.empty() ? "no reason given" : result.error;
  } else {
    Json details;
    if (reply.has_body && is_json(reply.content_type)) {
      try {
        details = Json::parse(reply.body);
      } catch (const Json::exception&) {
      }
    }
    answer = error_answer(status, code, result.error.empty() ? std::string(code) : result.error,
                          name, details, call.request_id);
  }
  answer.route = *match.pattern;
  return answer;
}

CommandAnswer call_command(PluginInstance& plugin, const CommandRegistration& command,
                           const std::string& args, const ch_caller& caller,
                           const std::string& conversation_id, bool is_group,
                           const std::string& request_id) {
  ch_command cmd{sizeof(ch_command), view(command.name), view(args), view(conversation_id),
                 is_group ? 1u : 0u, &caller, view(request_id)};
  ch_reply reply;
  auto result = plugin.command(command.handler, cmd, reply);
  CommandAnswer a;
  if (result.ok()) {
    a.ok = true;
    a.markdown = reply.content_type == "text/markdown";
    a.title = reply.title;
    a.text = reply.body;
    if (a.markdown && a.title.empty()) a.title = command.name;
    return a;
  }
  if (result.rejected) {
    a.text = "抱歉，" + plugin.name() + " 正忙，请稍后再试。Sorry, " + plugin.name() +
             " is busy; please try again in a moment.";
    return a;
  }
  if (result.deadline_exceeded) {
    a.text = "抱歉，" + plugin.name() + " 未能及时回应（请求编号 " + request_id +
             "）。Sorry, " + plugin.name() + " did not answer in time; quote request id " +
             request_id + ".";
    return a;
  }
  auto [status, code] = http_status_of(static_cast<Status>(result.status));
  if (status >= 500) {
    a.text = "抱歉，" + plugin.name() + " 处理命令时出错（请求编号 " + request_id +
             "）。Sorry, the command failed; quote request id " + request_id + ".";
    a.logged_error = result.error;
  } else {
    a.text = result.error.empty() ? std::string(code) : result.error;
    if (!command.usage.empty()) a.text += "\n例如 / e.g.: " + command.usage;
  }
  return a;
}

CardAnswer call_card_action(PluginInstance& plugin, const CardActionRegistration& action,
                            const Json& params, const std::string& out_track_id,
                            const ch_caller& caller, const std::string& request_id) {
  std::string params_json = params.dump();
  ch_card_action call{sizeof(ch_card_action), view(action.action), view(params_json),
                      view(out_track_id),     &caller,             view(request_id)};
  ch_reply reply;
  auto result = plugin.card_action(action.handler, call, reply);
  CardAnswer a;
  if (result.ok()) {
    a.ok = true;
    Json body = Json::object();
    try {
      if (reply.has_body && !reply.body.empty()) body = Json::parse(reply.body);
    } catch (const Json::exception&) {
    }
    Json out = Json::object(
        {{"cardUpdateOptions",
          Json::object({{"updateCardDataByKey", true}, {"updatePrivateDataByKey", true}})}});
    out["cardData"] = body.contains("cardData") ? body["cardData"]
                                                : Json::object({{"cardParamMap", Json::object()}});
    out["userPrivateData"] = body.contains("userPrivateData")
                                 ? body["userPrivateData"]
                                 : Json::object({{"cardParamMap", Json::object()}});
    a.body = std::move(out);
    return a;
  }
  if (result.deadline_exceeded || result.rejected) {
    HttpAnswer contained = containment_answer(result, plugin.name(), request_id);
    a.status = contained.status;
    a.body = Json::parse(contained.body);
    return a;
  }
  auto [status, code] = http_status_of(static_cast<Status>(result.status));
  a.status = status;
  std::string message = status >= 500 ? "plugin '" + plugin.name() + "' failed; request id " +
                                             request_id
                                       : result.error;
  if (status >= 500) a.logged_error = result.error;
  a.body = Json::parse(error_body(code, message, plugin.name(), Json(), request_id));
  return a;
}

}  // namespace courthub::plugins
