// SPDX-License-Identifier: Apache-2.0
// PluginInstance: lifecycle, registrations and guarded calls into one plugin.
#include "host/plugins/plugin_instance.hpp"

#include "host/log.hpp"
#include "host/plugins/call_copies.hpp"
#include "host/plugins/delivery_scope.hpp"
#include "host/time/cron.hpp"
#include "host/time/time_zone.hpp"

namespace courthub::plugins {
namespace {

std::string to_string(ch_str s) { return s.size ? std::string(s.data, s.size) : std::string(); }

bool is_ascii_word(std::string_view s, bool allow_dash, bool allow_dot) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              (allow_dash && c == '-') || (allow_dot && c == '.');
    if (!ok) return false;
  }
  return true;
}

// A command is an ASCII word or one word of non-ASCII text (Chinese commands such as 请假).
bool valid_command(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  if (static_cast<unsigned char>(s[0]) >= 0x80) {
    for (char c : s)
      if (c == ' ' || c == '\t' || c == '\n') return false;
    return true;
  }
  return is_ascii_word(s, true, false);
}

bool valid_card_action(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string SettingsError::to_string(const std::string& plugin) const {
  std::string key = "plugins." + plugin + ".settings" + pointer;
  return location.to_string() + ": " + key + ": " + message;
}

PluginInstance::PluginInstance(std::shared_ptr<const PluginLibrary> library,
                               config::PluginConfig config, Services* services,
                               std::shared_ptr<CallStats> stats)
    : library_(std::move(library)),
      config_(std::move(config)),
      services_(services),
      stats_(std::move(stats)) {
  if (!stats_) {
    stats_ = std::make_shared<CallStats>(name(),
                                         services_ ? services_->clock() : time::system_clock());
  }
  if (!library_->thread_safe()) config_.limits.max_concurrent = 1;
  CallLane::Limits limits{std::chrono::milliseconds(config_.limits.deadline_ms),
                          config_.limits.max_concurrent, config_.limits.max_queued};
  lane_ = std::make_unique<CallLane>(limits, [stats = stats_] { stats->late_result(); });
}

PluginInstance::~PluginInstance() { retire(); }

std::string PluginInstance::plugin_error() {
  if (!plugin_) return {};
  return to_string(library_->api->last_error(plugin_));
}

void PluginInstance::add_settings_error(std::string pointer, std::string message) {
  SettingsError e{std::move(pointer), std::move(message), {}};
  e.location = config::locate_setting(config_, e.pointer);
  settings_errors_.push_back(std::move(e));
}

Outcome PluginInstance::configure() {
  if (state_ != State::Created) return Outcome::error("configure called twice");
  const ch_plugin_api* api = library_->api;
  plugin_ = api->create(host_api(), &host_);
  if (!plugin_) return Outcome::error("plugin '" + name() + "' could not create an instance");
  std::string settings = config_.settings.dump();
  configuring_ = true;
  ch_status st;
  try {
    st = api->configure(plugin_, ch_str{settings.data(), settings.size()});
  } catch (...) {
    st = CH_ERROR;
  }
  configuring_ = false;
  if (st != CH_OK) {
    if (settings_errors_.empty()) {
      std::string why = plugin_error();
      add_settings_error("", why.empty() ? "the plugin rejected its settings" : why);
    }
    std::string all;
    for (auto& e : settings_errors_) {
      if (!all.empty()) all += "\n";
      all += e.to_string(name());
    }
    return Outcome::invalid(all);
  }
  state_ = State::Configured;
  return Outcome::success();
}

Outcome PluginInstance::activate() {
  if (state_ != State::Configured) return Outcome::error("activate before configure");
  activating_ = true;
  ch_status st;
  try {
    st = library_->api->activate(plugin_);
  } catch (...) {
    st = CH_ERROR;
  }
  activating_ = false;
  if (st != CH_OK) {
    std::string why = plugin_error();
    routes_ = RouteTable();
    commands_.clear();
    card_actions_.clear();
    subscriptions_.clear();
    jobs_.clear();
    return Outcome::failure(static_cast<Status>(st),
                            "plugin '" + name() + "' failed to activate: " +
                                (why.empty() ? std::string("no reason given") : why));
  }
  state_ = State::Live;
  return Outcome::success();
}

void PluginInstance::retire() {
  {
    std::unique_lock lock(drain_mu_);
    State s = state_.load();
    if (s == State::Retiring || s == State::Retired) return;
    state_ = State::Retiring;
    drained_.wait(lock, [&] { return in_flight_ == 0; });
  }
  lane_->drain();  // the lane's own bookkeeping after the last call ended
  if (plugin_) {
    try {
      library_->api->destroy(plugin_);
    } catch (...) {
      log::error("plugin:" + name(), "destroy threw across the ABI boundary");
    }
    plugin_ = nullptr;
  }
  state_ = State::Retired;
}

CallReport PluginInstance::call_report() const {
  CallReport r;
  r.in_flight = lane_->running();
  r.queued = lane_->queued();
  r.counts = stats_->counts();
  r.slow = stats_->slow();
  r.limits = config_.limits;
  return r;
}

void PluginInstance::call_ended() {
  std::lock_guard lock(drain_mu_);
  if (--in_flight_ == 0) drained_.notify_all();
}

template <class F>
CallResult PluginInstance::call(F&& fn, CallLane::Mode mode, const char* what) {
  {
    std::lock_guard lock(drain_mu_);
    if (state_.load() != State::Live) {
      return CallResult{CH_UNAVAILABLE, "plugin '" + name() + "' is not running"};
    }
    ++in_flight_;
  }
  // Shared with the lane task: an abandoned call writes its (unread) result here later.
  auto result = std::make_shared<CallResult>();
  auto task = [this, fn = std::forward<F>(fn), result,
               request_id = std::string(log::request_id())]() mutable {
    log::RequestScope scope(std::move(request_id));
    try {
      result->status = fn();
    } catch (...) {
      // Only a plugin that bypasses the SDK can get here; contain it all the same.
      result->status = CH_ERROR;
      result->error = "the plugin threw an exception across the ABI boundary";
    }
    // The plugin's last_error is per thread: read it on the thread that made the call.
    if (result->status != CH_OK && result->error.empty()) result->error = plugin_error();
    call_ended();
  };
  const int64_t deadline_ms = config_.limits.deadline_ms;
  CallLane::Ran ran = lane_->run(std::move(task), mode);
  switch (ran.ending) {
    case CallLane::Ending::Done: {
      if (ran.elapsed > std::chrono::milliseconds(deadline_ms)) {
        stats_->deadline_exceeded(deadline_ms, what, false);
      }
      stats_->completed(result->ok());
      return std::move(*result);
    }
    case CallLane::Ending::Refused: {
      call_ended();
      stats_->rejected();
      CallResult r{CH_UNAVAILABLE, "plugin '" + name() + "' is busy: " +
                                       std::to_string(config_.limits.max_concurrent) +
                                       " calls running and " +
                                       std::to_string(config_.limits.max_queued) + " waiting"};
      r.rejected = true;
      return r;
    }
    case CallLane::Ending::Expired:
      call_ended();  // never ran
      [[fallthrough]];
    case CallLane::Ending::Abandoned: {
      stats_->deadline_exceeded(deadline_ms, what, true);
      CallResult r{CH_UNAVAILABLE, "plugin '" + name() + "' did not answer within " +
                                       std::to_string(deadline_ms) + " ms"};
      r.deadline_exceeded = true;
      r.deadline_ms = deadline_ms;
      return r;
    }
  }
  return CallResult{CH_ERROR, "unreachable"};
}

namespace {

// A request's arguments and reply, owned by the lane task: the caller may leave at its deadline.
template <class Call>
struct Frame {
  CallCopies copies;
  Call call;
  ch_reply reply;
};

}  // namespace

CallResult PluginInstance::http(uint64_t handler, const ch_http_request& request,
                                ch_reply& reply) {
  auto fn = library_->api->on_http;
  if (!fn) return CallResult{CH_UNSUPPORTED, "the plugin does not handle HTTP"};
  auto frame = std::make_shared<Frame<ch_http_request>>();
  CallCopies& c = frame->copies;
  ch_http_request& r = frame->call;
  r = request;
  r.method = c.keep(request.method);
  r.path = c.keep(request.path);
  r.param_names = c.keep(request.param_names, request.param_count);
  r.param_values = c.keep(request.param_values, request.param_count);
  r.query_names = c.keep(request.query_names, request.query_count);
  r.query_values = c.keep(request.query_values, request.query_count);
  r.content_type = c.keep(request.content_type);
  r.body = c.keep(request.body);
  r.caller = c.keep(request.caller);
  r.request_id = c.keep(request.request_id);
  r.header_names = c.keep(request.header_names, request.header_count);
  r.header_values = c.keep(request.header_values, request.header_count);
  auto run = [this, fn, handler, frame] {
    return fn(plugin_, handler, &frame->call, &frame->reply);
  };
  auto result = call(std::move(run), CallLane::Mode::Request, "an HTTP request");
  if (!result.deadline_exceeded && !result.rejected) reply = std::move(frame->reply);
  return result;
}

CallResult PluginInstance::command(uint64_t handler, const ch_command& command, ch_reply& reply) {
  auto fn = library_->api->on_command;
  if (!fn) return CallResult{CH_UNSUPPORTED, "the plugin does not handle commands"};
  auto frame = std::make_shared<Frame<ch_command>>();
  CallCopies& c = frame->copies;
  ch_command& r = frame->call;
  r = command;
  r.command = c.keep(command.command);
  r.args = c.keep(command.args);
  r.conversation_id = c.keep(command.conversation_id);
  r.caller = c.keep(command.caller);
  r.request_id = c.keep(command.request_id);
  auto run = [this, fn, handler, frame] {
    return fn(plugin_, handler, &frame->call, &frame->reply);
  };
  auto result = call(std::move(run), CallLane::Mode::Request, "a robot command");
  if (!result.deadline_exceeded && !result.rejected) reply = std::move(frame->reply);
  return result;
}

CallResult PluginInstance::card_action(uint64_t handler, const ch_card_action& action,
                                       ch_reply& reply) {
  auto fn = library_->api->on_card_action;
  if (!fn) return CallResult{CH_UNSUPPORTED, "the plugin does not handle card actions"};
  auto frame = std::make_shared<Frame<ch_card_action>>();
  CallCopies& c = frame->copies;
  ch_card_action& r = frame->call;
  r = action;
  r.action = c.keep(action.action);
  r.params_json = c.keep(action.params_json);
  r.out_track_id = c.keep(action.out_track_id);
  r.caller = c.keep(action.caller);
  r.request_id = c.keep(action.request_id);
  auto run = [this, fn, handler, frame] {
    return fn(plugin_, handler, &frame->call, &frame->reply);
  };
  auto result = call(std::move(run), CallLane::Mode::Request, "a card action");
  if (!result.deadline_exceeded && !result.rejected) reply = std::move(frame->reply);
  return result;
}

// Events and jobs wait for their end: their arguments stay on the caller's frame.
CallResult PluginInstance::event(uint64_t handler, const ch_event& event) {
  auto fn = library_->api->on_event;
  if (!fn) return CallResult{CH_UNSUPPORTED, "the plugin does not handle events"};
  // On the lane thread that runs the handler: what it commits carries the delivery's receipt.
  return call(
      [&] {
        DeliveryScope scope(Delivery{name(), event.event_id});
        return fn(plugin_, handler, &event);
      },
      CallLane::Mode::Delivery, "an event");
}

CallResult PluginInstance::job(uint64_t handler, const ch_job& job) {
  auto fn = library_->api->on_job;
  if (!fn) return CallResult{CH_UNSUPPORTED, "the plugin does not handle jobs"};
  return call([&] { return fn(plugin_, handler, &job); }, CallLane::Mode::Delivery, "a job");
}

Outcome PluginInstance::register_route(std::string_view method, std::string_view pattern,
                                       uint64_t handler, std::string_view audience) {
  if (!library_->api->on_http) return Outcome::invalid("routes need on_http in the plugin table");
  return routes_.add(method, pattern, handler, audience);
}

Outcome PluginInstance::register_command(std::string_view name, std::string_view usage,
                                         std::string_view summary, uint64_t handler) {
  if (!valid_command(name)) {
    return Outcome::invalid("command '" + std::string(name) +
                            "' must be a lowercase word ([a-z][a-z0-9-]*) or one CJK word");
  }
  for (auto& c : commands_)
    if (c.name == name) return Outcome::conflict("command '" + std::string(name) + "' twice");
  if (claim_check_) {
    Outcome claimed = claim_check_("command", name);
    if (!claimed.ok()) return claimed;
  }
  commands_.push_back({std::string(name), std::string(usage), std::string(summary), handler});
  return Outcome::success();
}

Outcome PluginInstance::register_card_action(std::string_view action, uint64_t handler) {
  if (!valid_card_action(action)) {
    return Outcome::invalid("card action '" + std::string(action) +
                            "' must be 1-128 characters of [A-Za-z0-9_.:-]");
  }
  for (auto& a : card_actions_)
    if (a.action == action) {
      return Outcome::conflict("card action '" + std::string(action) + "' twice");
    }
  if (claim_check_) {
    Outcome claimed = claim_check_("card action", action);
    if (!claimed.ok()) return claimed;
  }
  card_actions_.push_back({std::string(action), handler});
  return Outcome::success();
}

Outcome PluginInstance::subscribe(std::string_view topic, uint64_t handler) {
  // A DingTalk EventType (lowercase words) or "<plugin>.<name>".
  if (!is_ascii_word(topic, false, true)) {
    return Outcome::invalid("topic '" + std::string(topic) +
                            "' must be a DingTalk EventType or '<plugin>.<name>'");
  }
  subscriptions_.push_back({std::string(topic), handler});
  return Outcome::success();
}

Outcome PluginInstance::schedule(std::string_view job_name, std::string_view cron,
                                 std::string_view time_zone, uint64_t handler) {
  if (!is_ascii_word(job_name, true, true)) {
    return Outcome::invalid("job name '" + std::string(job_name) + "' must be [a-z][a-z0-9_.-]*");
  }
  for (auto& j : jobs_)
    if (j.name == job_name) return Outcome::conflict("job '" + std::string(job_name) + "' twice");
  auto expr = time::CronExpression::parse(cron);
  if (!expr) return expr.outcome();
  std::string tz = time_zone.empty() ? std::string(time::kDefaultZone) : std::string(time_zone);
  auto zone = time::find_zone(tz);
  if (!zone) return zone.outcome();
  jobs_.push_back({std::string(job_name), std::string(cron), tz, handler});
  return Outcome::success();
}

}  // namespace courthub::plugins
