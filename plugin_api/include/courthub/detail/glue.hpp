// SPDX-License-Identifier: Apache-2.0
// The machinery behind COURTHUB_PLUGIN: noexcept C thunks over an author's class.
#pragma once

#include <exception>
#include <memory>
#include <new>
#include <string>
#include <type_traits>

namespace courthub::detail {

// What the author's class must or may provide, checked at compile time with readable messages.
template <class T>
concept HasName = requires {
  { T::kName } -> std::convertible_to<std::string_view>;
};
template <class T>
concept HasVersion = requires {
  { T::kVersion } -> std::convertible_to<std::string_view>;
};
template <class T>
concept HasDescription = requires {
  { T::kDescription } -> std::convertible_to<std::string_view>;
};
template <class T>
concept HasThreadSafe = requires {
  { T::kThreadSafe } -> std::convertible_to<bool>;
};
template <class T>
concept HasPortableSql = requires {
  { T::kPortableSql } -> std::convertible_to<bool>;
};
template <class T>
concept HasConfigureMember = requires { &T::configure; };
template <class T>
concept HasConfigure = requires(T t, const Json& j, SettingsErrors& e) { t.configure(j, e); };
template <class T>
concept HasActivateMember = requires { &T::activate; };
template <class T>
concept HasActivate = requires(T t, Registrar& r) { t.activate(r); };

// One live plugin instance: the author's object plus the handlers it registered.
template <class T>
struct Instance {
  Instance(const ch_host_api* api, ch_host* h) : host(api, h) {}
  Host host;
  Handlers handlers;
  std::unique_ptr<T> object;
};

// The text behind last_error: per thread, valid until the next call on this thread.
inline std::string& last_error_text() {
  thread_local std::string text;
  return text;
}

// Runs `fn`, turning every exception into a status and last_error. Never throws.
template <class F>
ch_status guarded(F&& fn) noexcept {
  try {
    last_error_text().clear();
    fn();
    return CH_OK;
  } catch (const Error& e) {
    try { last_error_text() = e.what(); } catch (...) {}
    return static_cast<ch_status>(e.status());
  } catch (const Json::exception& e) {  // parse and type errors in the handler's own reads
    try {
      last_error_text() = json_error_message(e);
    } catch (...) {
    }
    return CH_INVALID_ARGUMENT;
  } catch (const std::exception& e) {
    try { last_error_text() = e.what(); } catch (...) {}
    return CH_ERROR;
  } catch (...) {
    try { last_error_text() = "unknown exception"; } catch (...) {}
    return CH_ERROR;
  }
}

// Failure details travel in the reply body (see ch_plugin_api.on_http).
inline void reply_error_details(ch_reply* reply, const ch_host_api* api, const Json& details) {
  if (details.is_null()) return;
  std::string body = json::dump(details);
  api->reply_body(reply, view("application/json"), view(body));
}

template <class T>
struct Glue {
  static_assert(HasName<T>,
                "a courthub plugin class needs: static constexpr std::string_view kName = \"id\";");
  static_assert(HasVersion<T>,
                "a courthub plugin class needs: static constexpr std::string_view kVersion = "
                "\"1.0.0\";");
  static_assert(std::is_constructible_v<T, Host&>,
                "a courthub plugin class needs the constructor: explicit T(courthub::Host& host)");
  static_assert(!HasConfigureMember<T> || HasConfigure<T>,
                "configure must be: void configure(const courthub::Json& settings, "
                "courthub::SettingsErrors& errors)");
  static_assert(!HasActivateMember<T> || HasActivate<T>,
                "activate must be: void activate(courthub::Registrar& r)");

  using I = Instance<T>;
  static I* self(ch_plugin* p) { return reinterpret_cast<I*>(p); }

  static ch_str name() noexcept { return view(T::kName); }
  static ch_str version() noexcept { return view(T::kVersion); }
  static ch_str description() noexcept {
    if constexpr (HasDescription<T>) return view(T::kDescription);
    return view("");
  }
  static uint64_t flags() noexcept {
    uint64_t f = 0;
    if constexpr (HasThreadSafe<T>) f |= T::kThreadSafe ? CH_PLUGIN_THREAD_SAFE : 0;
    if constexpr (HasPortableSql<T>) f |= T::kPortableSql ? CH_PLUGIN_PORTABLE_SQL : 0;
    return f;
  }

  static ch_plugin* create(const ch_host_api* api, ch_host* host) noexcept {
    I* inst = nullptr;
    ch_status st = guarded([&] {
      auto owned = std::make_unique<I>(api, host);
      owned->object = std::make_unique<T>(owned->host);
      inst = owned.release();
    });
    if (st != CH_OK) {
      std::string msg = "create failed: " + last_error_text();
      api->log(host, CH_LOG_ERROR, view(msg));
      return nullptr;
    }
    return reinterpret_cast<ch_plugin*>(inst);
  }

  static void destroy(ch_plugin* p) noexcept {
    guarded([&] { delete self(p); });
  }

  static ch_str last_error(ch_plugin*) noexcept { return view(last_error_text()); }

  static ch_status configure(ch_plugin* p, ch_str settings) noexcept {
    I* inst = self(p);
    SettingsErrors errors(inst->host.abi(), inst->host.handle());
    ch_status st = guarded([&] {
      Json json = settings.size ? Json::parse(to_string(settings)) : Json::object();
      if (!json.is_object()) {
        errors.add("", "settings must be a mapping");
        return;
      }
      if constexpr (HasConfigure<T>) inst->object->configure(json, errors);
    });
    if (st != CH_OK) {
      errors.add("", last_error_text());
      return CH_INVALID_ARGUMENT;
    }
    if (!errors.empty()) {
      last_error_text() = std::to_string(errors.count()) + " settings error(s)";
      return CH_INVALID_ARGUMENT;
    }
    return CH_OK;
  }

  static ch_status activate(ch_plugin* p) noexcept {
    I* inst = self(p);
    return guarded([&] {
      Registrar r(inst->host, inst->handlers);
      if constexpr (HasActivate<T>) inst->object->activate(r);
    });
  }

  template <class Handler>
  static Handler* find(std::vector<Handler>& v, uint64_t id) {
    return id < v.size() ? &v[id] : nullptr;
  }

  static ch_status on_http(ch_plugin* p, uint64_t handler, const ch_http_request* req,
                           ch_reply* reply) noexcept {
    I* inst = self(p);
    const ch_host_api* api = inst->host.abi();
    Json details;
    ch_status st = guarded([&] {
      auto* fn = find(inst->handlers.routes, handler);
      if (!fn) throw Error(Status::NotFound, "no such route handler");
      try {
        Response res = (*fn)(Request::from(req));
        api->reply_status(reply, res.status);
        for (auto& [k, v] : res.headers) api->reply_header(reply, view(k), view(v));
        api->reply_body(reply, view(res.content_type), view(res.body));
      } catch (const Error& e) {
        details = e.details();
        throw;
      }
    });
    if (st != CH_OK) reply_error_details(reply, api, details);
    return st;
  }

  static ch_status on_command(ch_plugin* p, uint64_t handler, const ch_command* cmd,
                              ch_reply* reply) noexcept {
    I* inst = self(p);
    const ch_host_api* api = inst->host.abi();
    return guarded([&] {
      auto* fn = find(inst->handlers.commands, handler);
      if (!fn) throw Error(Status::NotFound, "no such command handler");
      Reply r = (*fn)(Command::from(cmd));
      if (r.markdown) api->reply_title(reply, view(r.title));
      api->reply_body(reply, view(r.markdown ? "text/markdown" : "text/plain"), view(r.text));
    });
  }

  static ch_status on_card_action(ch_plugin* p, uint64_t handler, const ch_card_action* a,
                                  ch_reply* reply) noexcept {
    I* inst = self(p);
    const ch_host_api* api = inst->host.abi();
    return guarded([&] {
      auto* fn = find(inst->handlers.card_actions, handler);
      if (!fn) throw Error(Status::NotFound, "no such card action handler");
      std::string body = json::dump((*fn)(CardAction::from(a)).to_json());
      api->reply_body(reply, view("application/json"), view(body));
    });
  }

  static ch_status on_event(ch_plugin* p, uint64_t handler, const ch_event* e) noexcept {
    I* inst = self(p);
    return guarded([&] {
      auto* fn = find(inst->handlers.events, handler);
      if (!fn) throw Error(Status::NotFound, "no such event handler");
      (*fn)(Event::from(e));
    });
  }

  static ch_status on_job(ch_plugin* p, uint64_t handler, const ch_job* j) noexcept {
    I* inst = self(p);
    return guarded([&] {
      auto* fn = find(inst->handlers.jobs, handler);
      if (!fn) throw Error(Status::NotFound, "no such job handler");
      (*fn)(Job::from(j));
    });
  }

  static const ch_plugin_api* entry(uint32_t host_major, uint32_t /*host_minor*/) noexcept {
    static const ch_plugin_api table = {
        sizeof(ch_plugin_api), CH_ABI_MAJOR,   CH_ABI_MINOR, &name,     &version,
        &description,          &flags,         &create,      &destroy,  &last_error,
        &configure,            &activate,      &on_http,     &on_command, &on_card_action,
        &on_event,             &on_job,
    };
    // A host of another major cannot read this table's layout; say so by returning NULL only
    // when the host is older than the first ABI. Otherwise the host compares versions itself and
    // prints a precise refusal.
    (void)host_major;
    return &table;
  }
};

}  // namespace courthub::detail
