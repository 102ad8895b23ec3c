// SPDX-License-Identifier: Apache-2.0
// POST /dingtalk/cards/<route-key>: an interactive-card button, routed to the plugin that
// registered the action; the reply updates the card.
#include "host/dingtalk/channel.hpp"
#include "host/http/identity.hpp"
#include "host/log.hpp"
#include "host/plugins/dispatch.hpp"

namespace courthub::dingtalk {
namespace {

// `value` (or `content`) is a JSON string holding {"cardPrivateData": {actionIds, params}}.
std::optional<Json> private_data(const Json& body) {
  for (const char* field : {"value", "content"}) {
    const Json* v = json::find(body, field);
    if (!v || !v->is_string() || v->get<std::string>().empty()) continue;
    try {
      Json inner = Json::parse(v->get<std::string>());
      if (inner.is_object() && inner["cardPrivateData"].is_object()) {
        return inner["cardPrivateData"];
      }
    } catch (const Json::exception&) {
    }
  }
  return std::nullopt;
}

void serve(http::Exchange& ex, ChannelContext& ctx) {
  std::string key = ex.path().substr(std::string("/dingtalk/cards/").size());
  // The route key is the credential: a wrong one looks like nothing is there.
  if (ctx.config.card_route_key.empty() ||
      !constant_time_equal(key, ctx.config.card_route_key)) {
    log::warn("dingtalk", "card callback with a wrong route key from " + ex.remote_address());
    ex.respond_error(404, "not_found", "no endpoint at this path");
    return;
  }
  ex.route_label = "/dingtalk/cards/{key}";
  if (!http::allow_methods(ex, {"POST"})) return;
  auto body = ex.json_body();
  if (!body) return;
  auto data = private_data(*body);
  if (!data) {
    ex.respond_error(400, "invalid_argument",
                     "the callback needs value (or content): a JSON string with cardPrivateData");
    return;
  }
  Json params = (*data)["params"].is_object() ? (*data)["params"] : Json::object();
  std::string action = json::get<std::string>(params, "action");
  if (action.empty() && (*data)["actionIds"].is_array() && (*data)["actionIds"].size() > 0 &&
      (*data)["actionIds"].at(0).is_string()) {
    action = (*data)["actionIds"].at(0).get<std::string>();
  }
  if (action.empty()) {
    ex.respond_error(400, "invalid_argument",
                     "no action: set params.action or an action id on the button");
    return;
  }

  http::Identity who;
  std::string user = json::get<std::string>(*body, "userId");
  auto snapshot = ctx.directory->snapshot();
  if (const directory::Person* p = snapshot->person(user)) who = http::Identity::of(*p);

  for (auto& inst : ctx.plugins->live_all()) {
    for (auto& a : inst->card_actions()) {
      if (a.action != action) continue;
      ex.plugin_label = inst->name();
      auto answer =
          plugins::call_card_action(*inst, a, params, json::get<std::string>(*body, "outTrackId"),
                                    who.caller(), ex.request_id());
      if (!answer.logged_error.empty()) {
        ctx.metrics->count("courthub_plugin_errors_total",
                           {{"plugin", inst->name()}, {"kind", "card"}});
        log::error("plugin:" + inst->name(), "card action failed: " + answer.logged_error);
      }
      ex.respond_json(answer.status, answer.body);
      return;
    }
  }
  ex.respond_error(404, "not_found", "no enabled plugin handles card action '" + action + "'");
}

}  // namespace

void add_card_endpoint(http::Router& router, ChannelContext& ctx) {
  router.prefix("/dingtalk/cards/", "/dingtalk/cards",
                [&ctx](http::Exchange& ex) { serve(ex, ctx); });
}

}  // namespace courthub::dingtalk
