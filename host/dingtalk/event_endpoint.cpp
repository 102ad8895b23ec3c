// SPDX-License-Identifier: Apache-2.0
// POST /dingtalk/events: verify, decrypt, store durably, then acknowledge with encrypted success.
#include <random>

#include "host/dingtalk/channel.hpp"
#include "host/dingtalk/event_keys.hpp"
#include "host/dingtalk/timestamp_window.hpp"
#include "host/log.hpp"

namespace courthub::dingtalk {
namespace {


std::string random_nonce() {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string out(16, ' ');
  for (auto& c : out) c = kAlphabet[rng() % 62];
  return out;
}

// The encrypted "success" every acknowledged callback gets. Its plaintext never changes, so
// each thread encrypts and signs it once per 100 ms and sends the same text meanwhile: the
// timestamp stays current, and what the nonce and random prefix protect (the key stream and
// the plaintext) gains nothing from a fresh draw for an identical, public plaintext.
const std::string& success_reply(const CallbackCrypto& crypto, int64_t now) {
  struct Cached {
    uint64_t crypto = 0;
    int64_t made_ms = 0;
    std::string text;
  };
  thread_local Cached cached;
  if (cached.crypto != crypto.identity() || now - cached.made_ms >= 100 || now < cached.made_ms ||
      cached.text.empty()) {
    Json reply = crypto.encrypted_reply("success", std::to_string(now), random_nonce());
    const bool made = !json::get<std::string>(reply, "encrypt").empty();
    cached = Cached{crypto.identity(), now, made ? reply.dump() : ""};
    if (cached.text.empty()) {
      // OpenSSL failed: DingTalk rejects the empty reply and retries, the safe outcome.
      static const std::string kNone = "{}";
      return kNone;
    }
  }
  return cached.text;
}

std::string first_of(const http::Exchange& ex, const char* a, const char* b) {
  if (auto v = ex.query_value(a)) return *v;
  if (auto v = ex.query_value(b)) return *v;
  return {};
}

void refuse(http::Exchange& ex, ChannelContext& ctx, int status, const std::string& code,
            const std::string& message) {
  ctx.metrics->count("courthub_dingtalk_events_total", {{"type", ""}, {"outcome", "refused"}});
  log::warn("dingtalk", "event refused: " + message);
  ex.respond_error(status, code, message);
}

void serve(http::Exchange& ex, ChannelContext& ctx) {
  if (!http::allow_methods(ex, {"POST"})) return;
  if (!ctx.crypto) {
    ex.respond_error(503, "unavailable",
                     "event callbacks are not configured: set dingtalk.callback.token and aes_key");
    return;
  }
  std::string signature = first_of(ex, "msg_signature", "signature");
  std::string timestamp = first_of(ex, "timestamp", "timeStamp");
  std::string nonce = first_of(ex, "nonce", "nonce");
  if (signature.empty() || timestamp.empty() || nonce.empty()) {
    return refuse(ex, ctx, 400, "invalid_argument",
                  "msg_signature (or signature), timestamp and nonce are required query "
                  "parameters");
  }
  auto body = ex.json_body();
  if (!body) return;  // 400 or 413 answered
  const Json* encrypt = json::find(*body, "encrypt");
  if (!encrypt || !encrypt->is_string() || encrypt->get<std::string>().empty()) {
    return refuse(ex, ctx, 400, "invalid_argument", "the body needs {\"encrypt\": \"<base64>\"}");
  }
  if (!ctx.crypto->signature_matches(timestamp, nonce, encrypt->get<std::string>(), signature)) {
    return refuse(ex, ctx, 401, "unauthenticated", "signature mismatch");
  }
  Outcome fresh = check_timestamp(timestamp, ctx.clock->now_ms(), ctx.config.callback_window_ms);
  if (!fresh.ok()) return refuse(ex, ctx, 401, "unauthenticated", fresh.message());
  auto plain = ctx.crypto->decrypt(encrypt->get<std::string>());
  if (!plain) {
    bool owner = plain.outcome().code() == Status::PermissionDenied;
    return refuse(ex, ctx, owner ? 401 : 400, owner ? "unauthenticated" : "invalid_argument",
                  plain.outcome().message());
  }
  Json event;
  try {
    event = Json::parse(*plain);
  } catch (const Json::exception& e) {
    return refuse(ex, ctx, 400, "invalid_argument",
                  std::string("the decrypted event is not JSON: ") + e.what());
  }
  std::string type = event.is_object() ? json::get<std::string>(event, "EventType") : "";
  if (type.empty()) {
    return refuse(ex, ctx, 400, "invalid_argument", "the decrypted event has no EventType");
  }

  if (type != "check_url") {
    // Acknowledge only what is durable: DingTalk forgets an event once we say success.
    auto stored = store_event(ctx, type, event_dedup_key(event), *plain);
    if (!stored) {
      ex.respond_error(503, "unavailable", "the event could not be stored; DingTalk will retry");
      return;
    }
  }
  ex.respond(200, "application/json; charset=utf-8", success_reply(*ctx.crypto, ctx.clock->now_ms()));
}

}  // namespace

Expected<jobs::Inbox::Stored> store_event(ChannelContext& ctx, const std::string& type,
                                          const std::string& key, const std::string& payload) {
  auto stored = ctx.inbox->store("dingtalk", type, key, payload);
  if (!stored) {
    log::error("dingtalk", "cannot store event " + type + ": " + stored.outcome().message());
    return stored.outcome();
  }
  ctx.metrics->count("courthub_dingtalk_events_total",
                     {{"type", type}, {"outcome", stored->duplicate ? "duplicate" : "stored"}});
  if (stored->duplicate) {
    log::info("dingtalk", "event " + type + " is a duplicate of inbox event " +
                              std::to_string(stored->id));
  }
  return stored;
}

void add_event_endpoint(http::Router& router, ChannelContext& ctx) {
  router.exact("/dingtalk/events", "/dingtalk/events",
               [&ctx](http::Exchange& ex) { serve(ex, ctx); });
}

}  // namespace courthub::dingtalk
