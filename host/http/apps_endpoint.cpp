// SPDX-License-Identifier: Apache-2.0
// The /apps/<plugin>/ endpoint: authenticate, then hand the exchange to the plugin's route.
#include "host/http/apps_endpoint.hpp"

#include <chrono>
#include <filesystem>
#include <memory>

#include "host/http/admin_token_guard.hpp"
#include "host/http/static_files.hpp"
#include "host/log.hpp"
#include "host/plugins/dispatch.hpp"

namespace courthub::http {
namespace {

// /apps/<plugin>/ui/...: the plugin's pages, public (a page logs in by itself), from the folder
// <plugin>.ui/ beside the plugin's .so.
void serve_pages(Exchange& ex, const plugins::PluginInstance& plugin, StaticFiles& pages) {
  const std::string prefix = "/apps/" + plugin.name() + "/ui/";
  ex.route_label = "/apps/" + plugin.name() + "/ui";
  std::string raw = ex.raw_path();
  if (raw.rfind(prefix, 0) != 0) {
    ex.respond_error(400, "invalid_path", "write the page path as /apps/<plugin>/ui/<file>");
    return;
  }
  std::filesystem::path so(plugin.library().path);
  pages.serve(ex, so.parent_path() / (plugin.name() + ".ui"),
              std::string_view(raw).substr(prefix.size()));
}

void serve(Exchange& ex, plugins::PluginSet& plugins, const Authenticator& auth, Metrics& metrics,
           StaticFiles& pages, const time::Clock& clock) {
  // /apps/<plugin>/<rest>
  std::string_view rest = std::string_view(ex.path()).substr(6);
  size_t slash = rest.find('/');
  std::string name(rest.substr(0, slash));
  std::string sub = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  auto plugin = plugins.live(name);
  if (name.empty() || !plugin) {
    ex.respond_error(404, "not_found", "no plugin '" + name + "' is enabled");
    return;
  }
  ex.plugin_label = name;
  if (sub == "/ui") {
    ex.respond(308, "", "", {{"Location", "/apps/" + name + "/ui/"}});
    return;
  }
  if (sub.rfind("/ui/", 0) == 0) {
    serve_pages(ex, *plugin, pages);
    return;
  }

  // /apps/<plugin>/public/...: what a plugin shows everyone (a court's 开庭公告). No login is
  // asked and none is used: the plugin always sees an ANONYMOUS caller here, whatever token
  // came, and must answer alike for all. Every other path needs a token.
  // A portal route (register_portal_route) takes only an outside session its own plugin
  // issued; every other route a staff session or the admin token.
  const bool open_to_all = sub.rfind("/public/", 0) == 0;
  std::string audience;
  if (plugins::RouteMatch m; plugin->routes().match(ex.method(), sub, m) ==
                             plugins::RouteTable::Result::Matched) {
    audience = *m.audience;
  }
  AdminTokenGuard* guard = open_to_all ? nullptr : auth.admin_guard();
  if (guard && !guard->admit(ex)) return;
  auto identity =
      open_to_all       ? Expected<Identity>(Identity{})
      : audience.empty() ? auth.authenticate(ex.bearer_token(), clock.now_seconds())
                         : auth.authenticate_outsider(ex.bearer_token(), audience, name,
                                                      clock.now_seconds());
  if (guard && identity && identity->kind == CH_CALLER_ADMIN) guard->succeeded(ex);
  if (guard && !identity && AdminTokenGuard::is_token_attempt(ex.bearer_token())) {
    guard->refused(ex, "wrong admin token");
  }
  if (!identity) {
    ex.respond(401, "application/json; charset=utf-8",
               plugins::error_body("unauthenticated", identity.outcome().message(), "", Json(),
                                   ex.request_id()),
               {{"WWW-Authenticate", "Bearer realm=\"courthub\""}});
    return;
  }
  auto body = ex.body();
  if (!body) return;  // 413 answered

  plugins::HttpCall call;
  call.method = ex.method();
  call.path = sub;
  call.query = ex.query();
  call.content_type = ex.content_type();
  call.body = std::move(**body);
  call.headers = ex.headers();
  call.caller = &identity->caller();
  call.request_id = ex.request_id();
  plugins::HttpAnswer answer = plugins::call_http(*plugin, call);
  if (!answer.route.empty()) ex.route_label = "/apps/" + name + answer.route;
  if (!answer.logged_error.empty()) {
    metrics.count("courthub_plugin_errors_total", {{"plugin", name}, {"kind", "http"}});
    log::error("plugin:" + name, "request failed: " + answer.logged_error);
  }
  ex.respond(answer.status, answer.content_type, answer.body, answer.headers);
}

}  // namespace

void add_apps_endpoint(Router& router, plugins::PluginSet& plugins, const Authenticator& auth,
                       Metrics& metrics, const time::Clock& clock) {
  metrics.describe("courthub_plugin_errors_total", "counter",
                   "Calls into plugins that failed with an internal error, by plugin and kind");
  auto pages = std::make_shared<StaticFiles>();
  router.prefix("/apps/", "/apps", [&plugins, &auth, &metrics, pages, &clock](Exchange& ex) {
    serve(ex, plugins, auth, metrics, *pages, clock);
  });
}

}  // namespace courthub::http
