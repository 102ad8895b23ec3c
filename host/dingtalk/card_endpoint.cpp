// SPDX-License-Identifier: Apache-2.0
// POST /dingtalk/cards/<route-key>: an interactive-card button over HTTP push, and
// answer_card_press, which Stream mode's card callbacks share: the press is routed to the plugin
// that registered the action; the reply updates the card.
//
// A press is honoured only for a card this host sent (its outTrackId is in card_recipients),
// only from a person it was sent to, and only for an action of the plugin that sent it. Anything
// else gets one and the same refusal, so a guessed outTrackId or someone else's card reveals
// neither whether the card exists nor anything about the booking or approval behind it.
#include "host/dingtalk/card_press.hpp"
#include "host/dingtalk/channel.hpp"
#include "host/http/identity.hpp"
#include "host/jobs/card_recipients.hpp"
#include "host/log.hpp"
#include "host/plugins/dispatch.hpp"

namespace courthub::dingtalk {
namespace {

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
  ChannelAnswer answer = answer_card_press(ctx, *body, ex.request_id());
  ex.plugin_label = answer.plugin;
  ex.respond(answer.status, "application/json; charset=utf-8", answer.body);
}

}  // namespace

ChannelAnswer answer_card_press(ChannelContext& ctx, const Json& callback,
                                const std::string& request_id) {
  auto parsed = parse_card_press(callback);
  if (auto* problem = std::get_if<CardPressProblem>(&parsed)) {
    if (*problem == CardPressProblem::NoPrivateData) {
      return refused_answer(
          400, "invalid_argument",
          "the callback needs value (or content): a JSON string with cardPrivateData", request_id);
    }
    return refused_answer(400, "invalid_argument",
                          "no action: set params.action or an action id on the button", request_id);
  }
  const CardPress& press = std::get<CardPress>(parsed);
  auto sender = jobs::card_sender_for(*ctx.host_db, press.out_track_id, press.user);
  if (!sender) {
    return refused_answer(503, "unavailable", "the card press could not be checked; try again",
                          request_id);
  }
  if (!*sender) {
    log::warn("dingtalk", "card press refused: a card the host did not send to its presser");
    return refused_answer(403, "permission_denied", "this card was not sent to you", request_id);
  }

  http::Identity who;
  auto snapshot = ctx.directory->snapshot();
  if (const directory::Person* p = snapshot->person(press.user)) who = http::Identity::of(*p);

  for (auto& inst : ctx.plugins->live_all()) {
    if (inst->name() != **sender) continue;
    for (auto& a : inst->card_actions()) {
      if (a.action != press.action) continue;
      auto answer = plugins::call_card_action(*inst, a, press.params, press.out_track_id,
                                              who.caller(), request_id);
      if (!answer.logged_error.empty()) {
        ctx.metrics->count("courthub_plugin_errors_total",
                           {{"plugin", inst->name()}, {"kind", "card"}});
        log::error("plugin:" + inst->name(), "card action failed: " + answer.logged_error);
      }
      return ChannelAnswer{answer.status, json::dump(answer.body), inst->name()};
    }
  }
  return refused_answer(404, "not_found",
                        "no enabled plugin handles card action '" + press.action + "'", request_id);
}

void add_card_endpoint(http::Router& router, ChannelContext& ctx) {
  router.prefix("/dingtalk/cards/", "/dingtalk/cards",
                [&ctx](http::Exchange& ex) { serve(ex, ctx); });
}

}  // namespace courthub::dingtalk
