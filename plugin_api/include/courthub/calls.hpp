// SPDX-License-Identifier: Apache-2.0
// What a handler receives and returns: requests, commands, card actions, events, jobs, replies.
//
// Every input type owns its data (copied from the ABI views), so a handler may keep it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "courthub/error.hpp"
#include "courthub/json.hpp"
#include "courthub/plugin_abi.h"

namespace courthub {

inline std::string to_string(ch_str s) { return s.size ? std::string(s.data, s.size) : std::string(); }
inline ch_str view(std::string_view s) { return ch_str{s.data(), s.size()}; }

// Who made the call. Staff come from the host directory, with court and roles; an Outsider (a
// lawyer on a portal route) is known only by the subject the plugin issued the session for.
struct Caller {
  enum class Kind { Anonymous = CH_CALLER_ANONYMOUS, Staff = CH_CALLER_STAFF,
                    System = CH_CALLER_SYSTEM, Admin = CH_CALLER_ADMIN,
                    Outsider = CH_CALLER_OUTSIDER };
  Kind kind = Kind::Anonymous;
  std::string user_id;
  std::string name;
  std::string court_code;
  std::string dept_id;
  std::string title;
  std::vector<std::string> roles;
  std::string audience;           // Outsider: the session's audience ("lawyer")
  int64_t session_issued_at = 0;  // Outsider: when the session was issued, Unix seconds

  bool is_staff() const { return kind == Kind::Staff; }
  bool is_outsider() const { return kind == Kind::Outsider; }
  bool has_role(std::string_view role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }

  static Caller from(const ch_caller* c) {
    Caller out;
    if (!c || c->struct_size < offsetof(ch_caller, role_count) + sizeof(size_t)) return out;
    out.kind = static_cast<Kind>(c->kind);
    out.user_id = to_string(c->user_id);
    out.name = to_string(c->name);
    out.court_code = to_string(c->court_code);
    out.dept_id = to_string(c->dept_id);
    out.title = to_string(c->title);
    for (size_t i = 0; i < c->role_count; ++i) out.roles.push_back(to_string(c->roles[i]));
    if (c->struct_size >= offsetof(ch_caller, session_issued_at) + sizeof(int64_t)) {
      out.audience = to_string(c->audience);
      out.session_issued_at = c->session_issued_at;
    }
    return out;
  }
};

// An HTTP request to /apps/<plugin>/...
struct Request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> params;             // from {name} in the route pattern
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::string content_type;
  std::string body;
  Caller caller;
  std::string request_id;
  // Request headers, names lower-cased, in arrival order (at most 16 KiB in all; Authorization
  // and Cookie are withheld: the host has turned them into `caller`).
  std::vector<std::pair<std::string, std::string>> headers;

  // The first header named `name` (give it lower-case), if any.
  std::optional<std::string> header(std::string_view name) const {
    for (auto& [k, v] : headers)
      if (k == name) return v;
    return std::nullopt;
  }
  // The media type of the body without parameters, lower-cased: "text/csv" for
  // "text/csv; charset=utf-8".
  std::string media_type() const {
    std::string t = content_type.substr(0, content_type.find(';'));
    while (!t.empty() && t.back() == ' ') t.pop_back();
    for (auto& c : t) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return t;
  }

  // A path parameter; throws NotFound-free InvalidArgument if the route has no such name.
  const std::string& param(const std::string& name) const {
    auto it = params.find(name);
    if (it == params.end()) throw InvalidArgument("missing path parameter '" + name + "'");
    return it->second;
  }
  // The first query value named `name`, if any.
  std::optional<std::string> query_value(std::string_view name) const {
    for (auto& [k, v] : query)
      if (k == name) return v;
    return std::nullopt;
  }
  // The body parsed as JSON; throws InvalidArgument naming the parse error (text that is not
  // JSON, ill-formed UTF-8 included).
  Json json() const {
    try {
      return Json::parse(body);
    } catch (const Json::exception& e) {
      throw InvalidArgument("request body: " + detail::json_error_message(e));
    }
  }

  static Request from(const ch_http_request* r) {
    Request out;
    out.method = to_string(r->method);
    out.path = to_string(r->path);
    for (size_t i = 0; i < r->param_count; ++i)
      out.params.emplace(to_string(r->param_names[i]), to_string(r->param_values[i]));
    for (size_t i = 0; i < r->query_count; ++i)
      out.query.emplace_back(to_string(r->query_names[i]), to_string(r->query_values[i]));
    out.content_type = to_string(r->content_type);
    out.body = to_string(r->body);
    out.caller = Caller::from(r->caller);
    out.request_id = to_string(r->request_id);
    if (r->struct_size >= offsetof(ch_http_request, header_count) + sizeof(size_t)) {
      for (size_t i = 0; i < r->header_count; ++i)
        out.headers.emplace_back(to_string(r->header_names[i]), to_string(r->header_values[i]));
    }
    return out;
  }
};

// What an HTTP handler returns.
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(const Json& value, int status = 200) {
    return Response{status, "application/json", json::dump(value), {}};
  }
  static Response text(std::string text, int status = 200) {
    return Response{status, "text/plain; charset=utf-8", std::move(text), {}};
  }
  static Response no_content() { return Response{204, "", "", {}}; }
};

// A robot chat command.
struct Command {
  std::string command;
  std::string args;
  std::string conversation_id;
  bool is_group = false;
  Caller caller;
  std::string request_id;

  static Command from(const ch_command* c) {
    return Command{to_string(c->command), to_string(c->args), to_string(c->conversation_id),
                   c->is_group != 0, Caller::from(c->caller), to_string(c->request_id)};
  }
};

// What a command handler returns: text, or markdown with a title.
struct Reply {
  bool markdown = false;
  std::string title;
  std::string text;

  static Reply plain(std::string text) { return Reply{false, "", std::move(text)}; }
  static Reply md(std::string title, std::string text) {
    return Reply{true, std::move(title), std::move(text)};
  }
};

// An interactive-card button press.
struct CardAction {
  std::string action;
  Json params;  // cardPrivateData.params
  std::string out_track_id;
  Caller caller;
  std::string request_id;

  static CardAction from(const ch_card_action* a) {
    CardAction out{to_string(a->action), Json::object(), to_string(a->out_track_id),
                   Caller::from(a->caller), to_string(a->request_id)};
    if (a->params_json.size) out.params = Json::parse(to_string(a->params_json));
    return out;
  }
};

// What a card action returns: new card data (shared by every viewer) and data private to the
// person who pressed. DingTalk wants every value as a string.
struct CardUpdate {
  std::map<std::string, std::string> card_data;
  std::map<std::string, std::string> user_private_data;

  Json to_json() const {
    auto map_of = [](const std::map<std::string, std::string>& m) {
      Json o = Json::object();
      for (auto& [k, v] : m) o[k] = v;
      return Json::object({{"cardParamMap", o}});
    };
    return Json::object({{"cardData", map_of(card_data)},
                         {"userPrivateData", map_of(user_private_data)}});
  }
};

// An event from the durable inbox.
struct Event {
  std::string topic;
  std::string source;
  Json payload;
  int64_t id = 0;
  uint32_t attempt = 1;

  static Event from(const ch_event* e) {
    Event out{to_string(e->topic), to_string(e->source), Json(), e->event_id, e->attempt};
    out.payload = e->payload.size ? Json::parse(to_string(e->payload)) : Json::object();
    return out;
  }
};

// A scheduled job firing.
struct Job {
  std::string name;
  int64_t scheduled_ms = 0;

  static Job from(const ch_job* j) { return Job{to_string(j->name), j->scheduled_ms}; }
};

}  // namespace courthub
