// SPDX-License-Identifier: Apache-2.0
// The courthub plugin SDK: write an ordinary C++ class, add COURTHUB_PLUGIN(YourClass).
//
//   class Hello {
//    public:
//     static constexpr std::string_view kName = "hello";       // required: the plugin id
//     static constexpr std::string_view kVersion = "1.0.0";    // required
//     static constexpr std::string_view kDescription = "...";  // optional
//     static constexpr bool kThreadSafe = true;                // optional, default false
//     static constexpr bool kPortableSql = true;               // optional (2.3): its SQL runs
//                                                              //   on SQLite and PostgreSQL
//
//     explicit Hello(courthub::Host& host);                    // required
//     void configure(const courthub::Json& settings,           // optional: validate settings
//                    courthub::SettingsErrors& errors);
//     void activate(courthub::Registrar& r);                   // optional: migrations, routes,
//   };                                                         //   commands, events, jobs
//   COURTHUB_PLUGIN(Hello)
//
// Threading: the constructor, configure and activate run on the host's control thread before any
// handler. Handlers run on host threads; concurrently only when kThreadSafe is true.
// Errors: throw courthub::Error (InvalidArgument, NotFound, Conflict, ...) from handlers; the SDK
// catches every exception at the boundary. Nothing a plugin throws reaches the host.
#pragma once

#include <concepts>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "courthub/calls.hpp"
#include "courthub/database.hpp"
#include "courthub/error.hpp"
#include "courthub/host.hpp"
#include "courthub/json.hpp"
#include "courthub/plugin_abi.h"

namespace courthub {

// Collects settings problems during configure; each names a JSON pointer ("/rooms/0/capacity")
// that the host maps to file:line in the configuration.
class SettingsErrors {
 public:
  SettingsErrors(const ch_host_api* api, ch_host* host) : api_(api), host_(host) {}
  void add(std::string_view path, std::string_view message) {
    ++count_;
    api_->settings_error(host_, view(path), view(message));
  }
  size_t count() const { return count_; }
  bool empty() const { return count_ == 0; }

 private:
  const ch_host_api* api_;
  ch_host* host_;
  size_t count_ = 0;
};

using RouteHandler = std::function<Response(const Request&)>;
using CommandHandler = std::function<Reply(const Command&)>;
using CardActionHandler = std::function<CardUpdate(const CardAction&)>;
using EventHandler = std::function<void(const Event&)>;
using JobHandler = std::function<void(const Job&)>;

namespace detail {
struct Handlers {
  std::vector<RouteHandler> routes;
  std::vector<CommandHandler> commands;
  std::vector<CardActionHandler> card_actions;
  std::vector<EventHandler> events;
  std::vector<JobHandler> jobs;
};
}  // namespace detail

// Handed to activate(): applies migrations and registers what the plugin answers.
// Every method throws courthub::Error when the host refuses (a bad pattern, a taken command).
class Registrar {
 public:
  Registrar(Host& host, detail::Handlers& handlers) : host_(host), h_(handlers) {}

  void migrate(const std::vector<Migration>& migrations) { host_.db().migrate(migrations); }

  // METHOD /apps/<plugin><pattern>; "{name}" segments become Request::params.
  void route(std::string_view method, std::string_view pattern, RouteHandler fn) {
    h_.routes.push_back(std::move(fn));
    check(api()->register_route(host(), view(method), view(pattern), h_.routes.size() - 1));
  }
  // METHOD /apps/<plugin><pattern> for outside users only (2.2): the host lets through only a
  // session of `audience` that this plugin issued (Host::issue_session); the handler's caller
  // is an Outsider. Staff, admin and anonymous requests get 401 without reaching the plugin.
  // By convention the patterns start with /portal/.
  void portal_route(std::string_view audience, std::string_view method, std::string_view pattern,
                    RouteHandler fn) {
    h_.routes.push_back(std::move(fn));
    check(api()->register_portal_route(host(), view(audience), view(method), view(pattern),
                                       h_.routes.size() - 1));
  }
  // A robot command; `usage` is an example line shown by `help`.
  void command(std::string_view name, std::string_view usage, std::string_view summary,
               CommandHandler fn) {
    h_.commands.push_back(std::move(fn));
    check(api()->register_command(host(), view(name), view(usage), view(summary),
                                  h_.commands.size() - 1));
  }
  void card_action(std::string_view action, CardActionHandler fn) {
    h_.card_actions.push_back(std::move(fn));
    check(api()->register_card_action(host(), view(action), h_.card_actions.size() - 1));
  }
  // A DingTalk EventType or another plugin's "<plugin>.<name>" topic. Make the handler's
  // changes in one db().transaction(): its first commit records the delivery, and the event is
  // not handed to the handler again after that, even after a host crash (docs/plugins.md,
  // "Events: one transaction per event"). Subscribe once per topic.
  void subscribe(std::string_view topic, EventHandler fn) {
    h_.events.push_back(std::move(fn));
    check(api()->subscribe(host(), view(topic), h_.events.size() - 1));
  }
  // Cron "min hour dom month dow" in `time_zone` (default Asia/Shanghai).
  void schedule(std::string_view name, std::string_view cron, JobHandler fn,
                std::string_view time_zone = {}) {
    h_.jobs.push_back(std::move(fn));
    check(api()->schedule(host(), view(name), view(cron), view(time_zone), h_.jobs.size() - 1));
  }

 private:
  const ch_host_api* api() const { return host_.abi(); }
  ch_host* host() const { return host_.handle(); }
  void check(ch_status st) {
    if (st != CH_OK) detail::throw_host_error(api(), host(), st);
  }
  Host& host_;
  detail::Handlers& h_;
};

}  // namespace courthub

#include "courthub/detail/glue.hpp"

// Generates the plugin's one exported symbol for class T.
#define COURTHUB_PLUGIN(T)                                                                  \
  extern "C" __attribute__((visibility("default"))) const ch_plugin_api*                   \
  courthub_plugin_entry(uint32_t host_abi_major, uint32_t host_abi_minor) {                \
    return ::courthub::detail::Glue<T>::entry(host_abi_major, host_abi_minor);              \
  }
