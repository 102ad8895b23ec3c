// SPDX-License-Identifier: Apache-2.0
// DingTalkChannel: assembling the channel's parts.
#include "host/dingtalk/channel.hpp"

#include "host/log.hpp"
#include "host/plugins/dispatch.hpp"

namespace courthub::dingtalk {

ChannelAnswer refused_answer(int status, std::string_view code, std::string_view message,
                             const std::string& request_id) {
  return ChannelAnswer{status, plugins::error_body(code, message, "", Json(), request_id), ""};
}

Expected<std::unique_ptr<DingTalkChannel>> DingTalkChannel::create(
    const config::DingTalkConfig& config, directory::Directory& directory, jobs::Inbox& inbox,
    jobs::Outbox& outbox, plugins::PluginSet& plugins, const http::SessionTokens& sessions,
    storage::Database& host_db, http::Metrics& metrics, const time::Clock& clock) {
  std::unique_ptr<DingTalkChannel> ch(new DingTalkChannel());
  ch->api_ = std::make_unique<OpenApi>(config, clock);
  ch->courier_ = std::make_unique<DingTalkCourier>(config, *ch->api_, clock, host_db);
  ChannelContext& c = ch->ctx_;
  c.config = config;
  c.api = ch->api_.get();
  if (!config.callback_aes_key.empty()) {
    auto crypto = CallbackCrypto::create(
        config.callback_token, config.callback_aes_key,
        config.owner_key.empty() ? config.app_key : config.owner_key);
    if (!crypto) return Outcome::invalid("dingtalk.callback.aes_key: " + crypto.outcome().message());
    c.crypto.emplace(std::move(*crypto));
  }
  c.directory = &directory;
  c.inbox = &inbox;
  c.outbox = &outbox;
  c.plugins = &plugins;
  c.sessions = &sessions;
  c.host_db = &host_db;
  c.metrics = &metrics;
  c.clock = &clock;
  c.robot_signs = std::make_unique<UsedRobotSigns>(host_db);
  metrics.describe("courthub_dingtalk_events_total", "counter",
                   "Event callbacks by event type and outcome (stored, duplicate, refused)");
  metrics.describe("courthub_dingtalk_robot_messages_total", "counter",
                   "Robot messages by command and outcome");
  metrics.describe("courthub_robot_replays_refused_total", "counter",
                   "Robot messages refused because their timestamp and sign were already used by "
                   "another message");
  metrics.count("courthub_robot_replays_refused_total", {}, 0);
  if (config.stream()) {
    ch->stream_ = std::make_unique<StreamClient>(
        config, *ch->api_, clock, metrics, [&c](const StreamFrame& frame) -> Outcome {
          auto event = stream_event_as_push(frame);
          if (!event) {
            // It can never be stored: asking for it again would loop. Acknowledged, counted.
            c.metrics->count("courthub_dingtalk_events_total",
                             {{"type", ""}, {"outcome", "refused"}});
            log::warn("dingtalk", "Stream event refused: " + event.outcome().message());
            return Outcome::success();
          }
          const std::string type = (*event)["EventType"].get<std::string>();
          if (type == "check_url") return Outcome::success();
          auto stored = store_event(c, type, stream_event_key(frame, *event), event->dump());
          return stored ? Outcome::success() : stored.outcome();
        },
        [&c](const StreamFrame& frame) { return answer_stream_callback(c, frame); });
  }
  return ch;
}

void DingTalkChannel::start_stream() {
  if (stream_) stream_->start();
}

void DingTalkChannel::stop_stream() {
  if (stream_) stream_->stop();
}

std::string DingTalkChannel::stream_health() const {
  if (!stream_) return "";
  return stream_->connected() ? "ok" : "down";
}

void DingTalkChannel::add_endpoints(http::Router& router) {
  if (ctx_.config.http_push()) {
    add_event_endpoint(router, ctx_);
  } else {
    router.exact("/dingtalk/events", "/dingtalk/events", [](http::Exchange& ex) {
      ex.respond_error(503, "unavailable",
                       "this host receives DingTalk events over Stream mode (dingtalk.mode: "
                       "stream), not by HTTP push");
    });
  }
  add_robot_endpoint(router, ctx_);
  add_card_endpoint(router, ctx_);
  add_login_endpoint(router, ctx_);
  add_dev_login_endpoints(router, ctx_);
}

void add_unconfigured_endpoints(http::Router& router) {
  auto off = [](http::Exchange& ex) {
    ex.respond_error(503, "unavailable",
                     "the DingTalk channel is not configured: add a dingtalk section to the "
                     "configuration (docs/configuration.md)");
  };
  router.prefix("/dingtalk/", "/dingtalk", off);
  router.exact("/auth/dingtalk", "/auth/dingtalk", off);
}

}  // namespace courthub::dingtalk
