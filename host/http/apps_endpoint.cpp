// SPDX-License-Identifier: Apache-2.0
// The /apps/<plugin>/ endpoint: authenticate, then hand the exchange to the plugin's route.
#include "host/http/apps_endpoint.hpp"

#include <chrono>

#include "host/log.hpp"
#include "host/plugins/dispatch.hpp"

namespace courthub::http {
namespace {

int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void serve(Exchange& ex, plugins::PluginSet& plugins, const Authenticator& auth, Metrics& metrics) {
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

  auto identity = auth.authenticate(ex.bearer_token(), now_seconds());
  if (!identity) {
    ex.respond(401, "application/json; charset=utf-8",
               plugins::error_body("unauthenticated", identity.outcome().message(), "", Json(),
                                   ex.request_id()),
               {{"WWW-Authenticate", "Bearer realm=\"courthub\""}});
    return;
  }
  auto body = ex.body();
  if (!body) return;  // 413 answered

  plugins::HttpCall call{
      ex.method(),    sub, ex.query(), ex.content_type(), std::move(**body), &identity->caller(),
      ex.request_id()};
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
                       Metrics& metrics) {
  metrics.describe("courthub_plugin_errors_total", "counter",
                   "Calls into plugins that failed with an internal error, by plugin and kind");
  router.prefix("/apps/", "/apps",
                [&plugins, &auth, &metrics](Exchange& ex) { serve(ex, plugins, auth, metrics); });
}

}  // namespace courthub::http
