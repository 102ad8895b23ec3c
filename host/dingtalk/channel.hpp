// SPDX-License-Identifier: Apache-2.0
// The DingTalk channel: the endpoints DingTalk and the mini-apps call, the courier that talks
// back, and the directory's contact-event subscriber.
//
//   POST /dingtalk/events            encrypted event callbacks -> durable inbox (dingtalk.mode
//                                    http or both; Stream mode's connection feeds the same)
//   POST /dingtalk/robot             robot chat messages -> plugin commands
//   POST /dingtalk/cards/<route-key> interactive-card buttons -> plugin card actions
//   POST /auth/dingtalk              mini-app 免登 code -> session token
//   GET /auth/dev/users, POST /auth/dev  the development login (dingtalk.dev_login; 404 if off)
//
// In Stream mode (dingtalk.mode: stream | both) the host's own connection (StreamClient) brings
// events, robot messages and card presses too; they go through the same paths (store_event,
// answer_robot_message, answer_card_press), so plugins cannot tell how they came.
//
// Threading: endpoints run on HTTP workers, Stream frames on the Stream client's thread; the
// courier on the outbox worker; contact events on the inbox worker. All shared state is in the parts the channel is given.
#pragma once

#include <memory>
#include <optional>

#include "host/config/config.hpp"
#include "host/dingtalk/callback_crypto.hpp"
#include "host/dingtalk/courier.hpp"
#include "host/dingtalk/open_api.hpp"
#include "host/dingtalk/stream_client.hpp"
#include "host/dingtalk/used_robot_signs.hpp"
#include "host/directory/directory.hpp"
#include "host/http/metrics.hpp"
#include "host/http/router.hpp"
#include "host/http/session_token.hpp"
#include "host/jobs/inbox.hpp"
#include "host/jobs/outbox.hpp"
#include "host/plugins/plugin_set.hpp"
#include "host/storage/database.hpp"
#include "host/time/clock.hpp"

namespace courthub::dingtalk {

// What the channel's endpoints share. Owned by DingTalkChannel.
struct ChannelContext {
  config::DingTalkConfig config;
  OpenApi* api = nullptr;
  std::optional<CallbackCrypto> crypto;  // absent when the callback is not configured
  directory::Directory* directory = nullptr;
  jobs::Inbox* inbox = nullptr;
  jobs::Outbox* outbox = nullptr;
  plugins::PluginSet* plugins = nullptr;
  const http::SessionTokens* sessions = nullptr;
  storage::Database* host_db = nullptr;
  http::Metrics* metrics = nullptr;
  const time::Clock* clock = nullptr;
  std::unique_ptr<UsedRobotSigns> robot_signs;  // in host_db
};

// How a robot message or a card press is answered, whichever way it came (HTTP push or Stream
// mode): an HTTP status and the body's JSON text (the reply, or {"error": ..., "request_id"}).
struct ChannelAnswer {
  int status = 200;
  std::string body;
  std::string plugin;  // the plugin that answered, for metrics; "" when none did
};

// A refusal: `status` with the error body every endpoint answers ({"error": {code, message},
// "request_id"}).
ChannelAnswer refused_answer(int status, std::string_view code, std::string_view message,
                             const std::string& request_id);

// The endpoints, one file each.
void add_event_endpoint(http::Router& router, ChannelContext& ctx);
void add_robot_endpoint(http::Router& router, ChannelContext& ctx);
void add_card_endpoint(http::Router& router, ChannelContext& ctx);
void add_login_endpoint(http::Router& router, ChannelContext& ctx);
void add_dev_login_endpoints(http::Router& router, ChannelContext& ctx);

// Stores a DingTalk event durably in the inbox under `key` (`payload`: the event's JSON text, as
// HTTP push carries it), counted in /metrics, a duplicate logged: the one path HTTP push and
// Stream mode share, so plugins cannot tell them apart. Errors: the inbox's (the event is not
// stored; DingTalk must be asked to push it again).
Expected<jobs::Inbox::Stored> store_event(ChannelContext& ctx, const std::string& type,
                                          const std::string& key, const std::string& payload);

// A robot chat message (dingtalk-protocol.md §2.2), its signature already checked (HTTP) or its
// connection authenticated (Stream): de-duplicated on msgId (a msgId seen before gets the reply
// it got then, and nothing runs), the command run, the reply stored and queued for the session
// webhook when that is DingTalk's. 200 with the reply; 400 without a msgId; 503 when the message
// cannot be recorded (nothing ran).
ChannelAnswer answer_robot_message(ChannelContext& ctx, const Json& message,
                                   const std::string& request_id);

// An interactive-card press (dingtalk-protocol.md §4), the HTTP route key already checked, or
// its connection authenticated: honoured only for a card this host sent to the presser, and only
// for an action of the plugin that sent it (one and the same 403 otherwise). The plugin's answer
// (200 with the card update); 400 for a malformed press; 404 for an action no enabled plugin
// handles; 503 when the press cannot be checked.
ChannelAnswer answer_card_press(ChannelContext& ctx, const Json& callback,
                                const std::string& request_id);

// A Stream mode CALLBACK frame (a robot message or a card press), answered as HTTP push's are:
// the ACK to send, {"response": <the reply>} for a 2xx answer, code 400 (a bad callback) or 500
// (try again) with {"response": null} otherwise, 404 for a topic not subscribed.
std::string answer_stream_callback(ChannelContext& ctx, const StreamFrame& frame);

// Exchanges a 免登 auth code for a staff session and answers `ex`: 200 {token, token_type,
// expires_at, user}; 401 when DingTalk refuses the code; 403 when its user is not in the
// directory; 503 when DingTalk cannot be reached. The one code -> session path: /auth/dingtalk
// and /auth/dev both end here.
void answer_login(http::Exchange& ex, ChannelContext& ctx, const std::string& code);

// GET /auth/config (public): {"corp_id", "dev_login", "now_ms"} for the pages' login, from the
// configuration the host started with (dingtalk changes need a restart); now_ms on `clock`,
// which must outlive the router.
void add_auth_config_endpoint(http::Router& router, const config::DingTalkConfig& config,
                              const time::Clock& clock);

// The "@directory" inbox subscriber: contact events update the host directory.
jobs::HandleResult apply_contact_event(ChannelContext& ctx, const jobs::InboxEvent& event);

class DingTalkChannel {
 public:
  // Errors: InvalidArgument when the callback AES key is unusable.
  static Expected<std::unique_ptr<DingTalkChannel>> create(
      const config::DingTalkConfig& config, directory::Directory& directory, jobs::Inbox& inbox,
      jobs::Outbox& outbox, plugins::PluginSet& plugins, const http::SessionTokens& sessions,
      storage::Database& host_db, http::Metrics& metrics, const time::Clock& clock);

  void add_endpoints(http::Router& router);
  jobs::Courier& courier() { return *courier_; }
  // Stream mode (dingtalk.mode: stream | both): opens the connection to DingTalk, once the
  // plugins run and the host serves; stop_stream before the inbox stops. No-ops in http mode.
  void start_stream();
  void stop_stream();
  // The Stream connection's state for /healthz: "ok" or "down"; "" in http mode.
  std::string stream_health() const;
  jobs::HandleResult handle_contact_event(const jobs::InboxEvent& event) {
    return apply_contact_event(ctx_, event);
  }

 private:
  DingTalkChannel() = default;
  std::unique_ptr<OpenApi> api_;
  std::unique_ptr<DingTalkCourier> courier_;
  ChannelContext ctx_;
  std::unique_ptr<StreamClient> stream_;  // in stream and both modes
};

// When there is no dingtalk section: the same paths answer 503 saying so.
void add_unconfigured_endpoints(http::Router& router);

}  // namespace courthub::dingtalk
