// SPDX-License-Identifier: Apache-2.0
// Integration-test side of the DingTalk channel: an in-process DingTalk double, the matching
// configuration, and correctly (or deliberately wrongly) signed requests to a host.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "courthub/json.hpp"
#include "host_process.hpp"
#include "tests/dingtalk_double/server.hpp"

namespace courthub::it {

inline constexpr const char* kAppKey = "it-app-key";
inline constexpr const char* kAppSecret = "it-app-secret-0123456789";
inline constexpr const char* kCorpId = "dingitcorp";
inline constexpr const char* kCallbackToken = "it-callback-token";
inline constexpr const char* kAesKey = "ItCallbackAesKey0123456789abcdefghijklmnopq";  // 43
inline constexpr const char* kCardKey = "it-card-route-key-0001";
inline constexpr const char* kRobotToken = "it-board-robot";
inline constexpr const char* kRobotSecret = "SECitboardrobotsecret";

// A double with the test app's credentials and a "board" group robot, started. `clock` is the
// double's "now" (empty = the system clock); a test that moves time passes the one it moves.
// With `tls` (PEM files of a certificate and its key) the double speaks HTTPS and wss://.
struct TlsFiles {
  std::string cert, key;
};
std::unique_ptr<dingtalk_double::DingTalkDouble> start_double(int robot_per_minute = 20,
                                                              dingtalk_double::Clock clock = {},
                                                              const TlsFiles& tls = {});
// A self-signed certificate for 127.0.0.1 and its key, written into `dir` by the openssl tool.
TlsFiles self_signed_certificate(const std::string& dir);

// The dingtalk: section (and the rest of the configuration) for a host using `dt`.
std::string dingtalk_config(const dingtalk_double::DingTalkDouble& dt,
                            const std::string& plugins_yaml, int robot_per_minute = 20,
                            const std::string& seed = "tiny");

// `yaml` (from dingtalk_config) with `keys` (YAML lines, two spaces in) added to its dingtalk
// section.
std::string with_dingtalk_keys(std::string yaml, const std::string& keys);
// `yaml` (from dingtalk_config) with dingtalk.mode: stream and the Stream timers as the tests
// use them (ping 30 s, pong timeout 10 s, reconnect 1-8 s).
std::string in_stream_mode(std::string yaml);

int64_t now_ms();

// What the double was asked to deliver to `user`: the approvals task cards (outTrackId task-...,
// to the user's robot space), and every work notification's body, concatenated.
std::vector<Json> task_cards(const dingtalk_double::DingTalkDouble& dt, const std::string& user);
std::string work_notices_to(const dingtalk_double::DingTalkDouble& dt, const std::string& user);

// POST /dingtalk/events with `event` encrypted and signed as DingTalk does.
HttpResponse post_event(const HostProcess& host, const Json& event, int64_t timestamp_ms = 0,
                        const std::string& nonce = "nonce123");
// The query string and body of a signed event, for tests that tamper with them.
struct SignedEvent {
  std::string signature, timestamp, nonce, encrypt;
  std::string path() const;
  std::string body() const;
};
SignedEvent sign_event(const Json& event, int64_t timestamp_ms = 0,
                       const std::string& nonce = "nonce123");
HttpResponse post_signed(const HostProcess& host, const SignedEvent& e);

// A robot message as DingTalk's HTTP mode sends it.
Json robot_message(const std::string& text, const std::string& user, const std::string& msg_id,
                   const std::string& session_webhook);
HttpResponse post_robot(const HostProcess& host, const Json& message,
                        int64_t timestamp_ms = 0, const std::string& sign_override = "");

// The callback DingTalk sends when `user` presses the button `action` of the card `out_track_id`
// (dingtalk-protocol.md §4): the HTTP body, and the Stream frame's data.
Json card_callback(const std::string& action, const Json& params, const std::string& user,
                   const std::string& out_track_id);
// `user` presses a button of the card `out_track_id` (the host honours it only for a card it
// sent to that user).
HttpResponse post_card(const HostProcess& host, const std::string& route_key,
                       const std::string& action, const Json& params, const std::string& user,
                       const std::string& out_track_id);

// The first ACK the double's Stream gateway received for `message_id`: {"link", "frame"}; null
// until there is one.
Json ack_received(const dingtalk_double::DingTalkDouble& dt, const std::string& message_id);
// The `response` a CALLBACK's ACK frame carried (null for none).
Json ack_response(const Json& frame);

// Recorded calls of `path` on the double.
size_t calls(const dingtalk_double::DingTalkDouble& dt, const std::string& path);

}  // namespace courthub::it
