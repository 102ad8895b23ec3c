// SPDX-License-Identifier: Apache-2.0
// The /admin endpoints.
#include "host/http/admin_endpoints.hpp"

#include "host/http/admin_token_guard.hpp"
#include "host/log.hpp"

namespace courthub::http {
namespace {

int limit_of(const Exchange& ex, int fallback) {
  auto v = ex.query_value("limit");
  if (!v) return fallback;
  try {
    int n = std::stoi(*v);
    return n < 1 ? 1 : (n > 1000 ? 1000 : n);
  } catch (...) {
    return fallback;
  }
}

void refuse_unauthenticated(Exchange& ex, AdminTokenGuard* guard) {
  if (guard) {
    guard->refused(ex, "missing or wrong admin token");
  } else {
    log::warn("admin", "refused " + ex.method() + " " + ex.path() + " from " +
                           ex.remote_address() + ": missing or wrong admin token");
  }
  ex.respond(401, "application/json; charset=utf-8",
             json::dump(Json::object(
                 {{"error", Json::object({{"code", "unauthenticated"},
                                          {"message", "send Authorization: Bearer <admin token>"}})},
                  {"request_id", ex.request_id()}})),
             {{"WWW-Authenticate", "Bearer realm=\"courthub-admin\""}});
}

// Runs `fn` for a caller holding the admin token (actor "admin@<address>") or, unless
// `token_only`, a staff session with the court_admin role (actor: the user id). A staff session
// without the role gets 403; anything else 401; an address in back-off after wrong admin tokens
// 429 (AdminTokenGuard).
template <class F>
Handler admin_only(const Authenticator& auth, const time::Clock& clock, F fn,
                   bool token_only = false) {
  return [a = &auth, c = &clock, fn, token_only](Exchange& ex) {
    const std::string bearer = ex.bearer_token();
    AdminTokenGuard* guard = a->admin_guard();
    if (guard && !guard->admit(ex)) return;
    if (a->is_admin(bearer)) {
      if (guard) guard->succeeded(ex);
      fn(ex, "admin@" + ex.remote_address());
      return;
    }
    if (token_only || bearer.empty()) return refuse_unauthenticated(ex, guard);
    auto caller = a->authenticate(bearer, c->now_seconds());
    if (!caller || caller->kind != CH_CALLER_STAFF) return refuse_unauthenticated(ex, guard);
    if (!opens_console(caller->roles)) {
      log::warn("admin", "refused " + ex.method() + " " + ex.path() + " to " + caller->user_id +
                             ": not a court_admin");
      ex.respond_error(403, "permission_denied",
                       "the admin console is for court administrators (role court_admin); " +
                           caller->user_id + " does not have that role");
      return;
    }
    fn(ex, caller->user_id);
  };
}

void respond_expected(Exchange& ex, const Expected<Json>& value, const char* key) {
  if (!value) {
    ex.respond_outcome(value.outcome());
    return;
  }
  ex.respond_json(200, Json::object({{key, *value}}));
}

// POST /admin/clock {"advance_ms": n}: moves the test clock n ms forward and wakes the workers
// that wait on it, so whatever became due is tried now rather than at their next poll.
void add_test_clock_endpoint(Router& router, const Authenticator& auth, const AdminTargets& t) {
  router.exact(
      "/admin/clock", "/admin/clock", admin_only(auth, *t.clock, [t](Exchange& ex, const std::string& actor) {
        if (!allow_methods(ex, {"POST"})) return;
        auto body = ex.json_body();
        if (!body) return;
        const Json* advance = json::find(*body, "advance_ms");
        if (!advance || !advance->is_number_integer() || advance->get<int64_t>() < 0) {
          ex.respond_error(400, "invalid_argument",
                           "send {\"advance_ms\": <milliseconds, 0 or more>}");
          return;
        }
        int64_t now = t.test_clock->advance(advance->get<int64_t>());
        (void)t.audit->record(actor, "clock.advance", std::to_string(advance->get<int64_t>()), "",
                              "ok");
        log::info("admin", "test clock advanced " + std::to_string(advance->get<int64_t>()) +
                               " ms to " + std::to_string(now));
        t.inbox->wake();
        t.outbox->wake();
        t.scheduler->wake();
        ex.respond_json(200, Json::object({{"now_ms", now}}));
      }, /*token_only=*/true));
}

}  // namespace

Json plugins_json(const plugins::PluginSet& plugins) {
  Json list = Json::array();
  for (auto& s : plugins.status()) {
    Json p = Json::object({{"name", s.name},
                           {"version", s.version},
                           {"abi", s.abi},
                           {"state", s.state},
                           {"error", s.error},
                           {"file", s.file},
                           {"sha256", s.sha256},
                           {"description", s.description},
                           {"thread_safe", s.thread_safe},
                           {"routes", s.routes},
                           {"commands", s.commands},
                           {"card_actions", s.card_actions},
                           {"subscriptions", s.subscriptions},
                           {"jobs", s.jobs},
                           {"in_flight", s.in_flight}});
    const plugins::CallReport& c = s.calls;
    p["calls"] = Json::object({{"in_flight", c.in_flight},
                               {"queued", c.queued},
                               {"completed", c.counts.completed()},
                               {"failed", c.counts.failed},
                               {"deadline_exceeded", c.counts.deadline_exceeded},
                               {"rejected", c.counts.rejected},
                               {"late_results", c.counts.late_results},
                               {"slow", c.slow},
                               {"limits", Json::object({{"deadline_ms", c.limits.deadline_ms},
                                                        {"max_concurrent", c.limits.max_concurrent},
                                                        {"max_queued", c.limits.max_queued}})}});
    const auto& iso = s.isolation;
    p["isolation"] = Json::object({{"mode", iso.mode},
                                   {"runner_pid", iso.runner_pid ? Json(iso.runner_pid) : Json()},
                                   {"restarts", iso.restarts},
                                   {"crashes", iso.crashes},
                                   {"state", iso.state},
                                   {"last_crash", iso.last_crash}});
    list.push_back(std::move(p));
  }
  return list;
}

void add_admin_endpoints(Router& router, const Authenticator& auth, AdminTargets t) {
  router.exact("/admin/plugins", "/admin/plugins",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string&) {
                 if (!allow_methods(ex, {"GET"})) return;
                 ex.respond_json(200, Json::object({{"plugins", plugins_json(*t.plugins)}}));
               }));

  router.exact("/admin/apps", "/admin/apps",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string&) {
                 if (!allow_methods(ex, {"GET"})) return;
                 Json list = Json::array();
                 if (t.apps) {
                   for (const AppTile& tile : *t.apps->tiles()) list.push_back(tile.to_json());
                 }
                 ex.respond_json(200, Json::object({{"apps", list}}));
               }));

  router.exact("/admin/reload", "/admin/reload",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string& actor) {
                 if (!allow_methods(ex, {"POST"})) return;
                 Json result = t.reload(actor);
                 // Each plugin as it stands after the reload, for a console to show beside
                 // what changed.
                 result["plugins"] = plugins_json(*t.plugins);
                 if (!json::get<bool>(result, "ok")) {
                   ex.respond_error(400, "invalid_config",
                                    "the new configuration was refused; the running one stays", "",
                                    result["errors"]);
                   return;
                 }
                 ex.respond_json(200, result);
               }));

  router.exact("/admin/audit", "/admin/audit",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string&) {
                 if (!allow_methods(ex, {"GET"})) return;
                 int64_t before = 0;
                 if (auto b = ex.query_value("before")) {
                   try {
                     before = std::stoll(*b);
                   } catch (...) {
                     ex.respond_error(400, "invalid_argument", "before must be an audit row id");
                     return;
                   }
                 }
                 respond_expected(ex, t.audit->list(limit_of(ex, 100), before), "entries");
               }));

  router.exact("/admin/inbox", "/admin/inbox",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string&) {
                 if (!allow_methods(ex, {"GET"})) return;
                 respond_expected(ex, t.inbox->counts(), "inbox");
               }));
  router.exact("/admin/inbox/dead", "/admin/inbox/dead",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string&) {
                 if (!allow_methods(ex, {"GET"})) return;
                 respond_expected(ex, t.inbox->dead_letters(limit_of(ex, 100)), "dead_letters");
               }));
  router.exact("/admin/inbox/replay", "/admin/inbox/replay",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string& actor) {
                 if (!allow_methods(ex, {"POST"})) return;
                 auto body = ex.json_body();
                 if (!body) return;
                 const Json* id = json::find(*body, "event_id");
                 const Json* sub = json::find(*body, "subscriber");
                 if (!id || !id->is_number_integer() || !sub || !sub->is_string()) {
                   ex.respond_error(400, "invalid_argument",
                                    "send {\"event_id\": <number>, \"subscriber\": \"<plugin>\"}");
                   return;
                 }
                 Outcome o = t.inbox->replay(id->get<int64_t>(), sub->get<std::string>());
                 (void)t.audit->record(
                     actor, "inbox.replay",
                     std::to_string(id->get<int64_t>()) + "/" + sub->get<std::string>(), "",
                     o.ok() ? "ok" : o.message());
                 if (!o.ok()) return ex.respond_outcome(o);
                 ex.respond_json(200, Json::object({{"replayed", true}}));
               }));

  router.exact("/admin/outbox", "/admin/outbox",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string&) {
                 if (!allow_methods(ex, {"GET"})) return;
                 respond_expected(ex, t.outbox->counts(), "outbox");
               }));
  router.exact("/admin/outbox/dead", "/admin/outbox/dead",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string&) {
                 if (!allow_methods(ex, {"GET"})) return;
                 respond_expected(ex, t.outbox->dead_letters(limit_of(ex, 100)), "dead_letters");
               }));
  router.exact("/admin/outbox/replay", "/admin/outbox/replay",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string& actor) {
                 if (!allow_methods(ex, {"POST"})) return;
                 auto body = ex.json_body();
                 if (!body) return;
                 const Json* id = json::find(*body, "id");
                 if (!id || !id->is_number_integer()) {
                   ex.respond_error(400, "invalid_argument", "send {\"id\": <outbox id>}");
                   return;
                 }
                 Outcome o = t.outbox->replay(id->get<int64_t>());
                 (void)t.audit->record(actor, "outbox.replay", std::to_string(id->get<int64_t>()),
                                       "", o.ok() ? "ok" : o.message());
                 if (!o.ok()) return ex.respond_outcome(o);
                 ex.respond_json(200, Json::object({{"replayed", true}}));
               }));

  router.exact("/admin/jobs", "/admin/jobs",
               admin_only(auth, *t.clock, [t](Exchange& ex, const std::string&) {
                 if (!allow_methods(ex, {"GET"})) return;
                 Json list = Json::array();
                 for (auto& e : t.scheduler->timetable()) {
                   list.push_back(Json::object({{"plugin", e.plugin},
                                                {"job", e.job},
                                                {"cron", e.cron},
                                                {"time_zone", e.time_zone},
                                                {"next_ms", e.next_ms},
                                                {"running", e.running->load()}}));
                 }
                 ex.respond_json(200, Json::object({{"jobs", list}}));
               }));
  router.exact(
      "/admin/jobs/run", "/admin/jobs/run",
      admin_only(auth, *t.clock, [t](Exchange& ex, const std::string& actor) {
        if (!allow_methods(ex, {"POST"})) return;
        auto body = ex.json_body();
        if (!body) return;
        std::string plugin = json::get<std::string>(*body, "plugin"), job = json::get<std::string>(*body, "job");
        if (plugin.empty() || job.empty()) {
          ex.respond_error(400, "invalid_argument", "send {\"plugin\": \"...\", \"job\": \"...\"}");
          return;
        }
        Outcome o = t.scheduler->run_now(plugin, job, t.clock->now_ms());
        (void)t.audit->record(actor, "jobs.run", plugin + "/" + job, "",
                              o.ok() ? "ok" : o.message());
        if (!o.ok()) return ex.respond_outcome(o, plugin);
        ex.respond_json(200, Json::object({{"ran", true}}));
      }));

  if (t.test_clock) add_test_clock_endpoint(router, auth, t);
}

}  // namespace courthub::http
