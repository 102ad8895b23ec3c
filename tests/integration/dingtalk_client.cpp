// SPDX-License-Identifier: Apache-2.0
// The DingTalk side of integration tests.
#include "dingtalk_client.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

#include "host/dingtalk/callback_crypto.hpp"
#include "host/dingtalk/robot_signature.hpp"

namespace courthub::it {

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<Json> task_cards(const dingtalk_double::DingTalkDouble& dt, const std::string& user) {
  std::vector<Json> out;
  for (auto& r : dt.requests("/v1.0/card/instances/createAndDeliver")) {
    const Json& body = r["body"];
    if (json::get<std::string>(body, "outTrackId").rfind("task-", 0) == 0 &&
        json::get<std::string>(body, "openSpaceId") == "dtv1.card//IM_ROBOT." + user)
      out.push_back(body);
  }
  return out;
}

std::string work_notices_to(const dingtalk_double::DingTalkDouble& dt, const std::string& user) {
  std::string all;
  for (auto& r : dt.requests("/topapi/message/corpconversation/asyncsend_v2"))
    if (json::get<std::string>(r["body"], "userid_list") == user) all += r["body"].dump();
  return all;
}

std::unique_ptr<dingtalk_double::DingTalkDouble> start_double(int robot_per_minute,
                                                              dingtalk_double::Clock clock,
                                                              const TlsFiles& tls) {
  dingtalk_double::DoubleOptions o;
  o.tls_cert_file = tls.cert;
  o.tls_key_file = tls.key;
  o.now_ms = std::move(clock);
  o.app_key = kAppKey;
  o.app_secret = kAppSecret;
  o.corp_id = kCorpId;
  o.robot_per_minute = robot_per_minute;
  auto dt = std::make_unique<dingtalk_double::DingTalkDouble>(o);
  dt->add_group_robot(kRobotToken, kRobotSecret);
  // DingTalk's side of the tiny test directory (tests/integration/data/tiny-directory.yaml).
  struct U {
    const char* id;
    const char* name;
    int dept;
  };
  static const U kUsers[] = {{"T-HC-001", "高院长", 1000},        {"T-BC-01-001", "基院长", 2000},
                             {"T-BC-01-002", "副院长甲", 2000},   {"T-BC-01-010", "民一庭长", 2001},
                             {"T-BC-01-011", "法官甲", 2001},     {"T-BC-01-012", "法官乙", 2001},
                             {"T-BC-01-013", "书记员甲", 2001},   {"T-BC-01-020", "办公室主任", 2002},
                             {"T-BC-01-021", "管理员甲", 2002}};
  for (auto& u : kUsers) {
    dt->add_user(Json::object({{"userid", u.id}, {"name", u.name},
                               {"dept_id_list", Json::array({u.dept})}}));
  }
  dt->start();
  return dt;
}

TlsFiles self_signed_certificate(const std::string& dir) {
  TlsFiles files{dir + "/double-cert.pem", dir + "/double-key.pem"};
  const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "
                              "/CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
                              files.key + " -out " + files.cert + " > /dev/null 2>&1";
  if (std::system(command.c_str()) != 0)
    throw std::runtime_error("openssl could not make a certificate (Debian package openssl)");
  return files;
}

std::string dingtalk_config(const dingtalk_double::DingTalkDouble& dt,
                            const std::string& plugins_yaml, int robot_per_minute,
                            const std::string& seed) {
  std::string base = dt.base_url();
  std::string section =
      "dingtalk:\n"
      "  api_base: \"" + base + "\"\n"
      "  app_key: " + kAppKey + "\n"
      "  app_secret: " + kAppSecret + "\n"
      "  corp_id: " + kCorpId + "\n"
      "  agent_id: 4242\n"
      "  callback:\n"
      "    token: " + kCallbackToken + "\n"
      "    aes_key: " + kAesKey + "\n"
      "  cards:\n"
      "    route_key: " + kCardKey + "\n"
      "  group_robots:\n"
      "    - name: board\n"
      "      webhook: \"" + base + "/robot/send?access_token=" + kRobotToken + "\"\n"
      "      secret: " + kRobotSecret + "\n"
      "  outbox:\n"
      "    robot_per_minute: " + std::to_string(robot_per_minute) + "\n";
  return test_config(plugins_yaml, section, seed);
}

std::string with_dingtalk_keys(std::string yaml, const std::string& keys) {
  const std::string agent = "  agent_id: 4242\n";
  const auto at = yaml.find(agent);
  if (at == std::string::npos) return yaml;
  yaml.insert(at + agent.size(), keys);
  return yaml;
}

std::string in_stream_mode(std::string yaml) {
  return with_dingtalk_keys(std::move(yaml),
                            "  mode: stream\n  stream: {ping_interval_ms: 30000, "
                            "pong_timeout_ms: 10000, reconnect_min_ms: 1000, "
                            "reconnect_max_ms: 8000}\n");
}

Json ack_received(const dingtalk_double::DingTalkDouble& dt, const std::string& message_id) {
  for (auto& a : dt.stream_acks()) {
    const Json* headers = json::find(a["frame"], "headers");
    if (headers && json::get<std::string>(*headers, "messageId") == message_id) return a;
  }
  return Json();
}

Json ack_response(const Json& frame) {
  const Json data = Json::parse(json::get<std::string>(frame, "data"), nullptr, false);
  const Json* response = json::find(data, "response");
  return response ? *response : Json();
}

std::string SignedEvent::path() const {
  return "/dingtalk/events?msg_signature=" + signature + "&timestamp=" + timestamp +
         "&nonce=" + nonce;
}

std::string SignedEvent::body() const {
  return Json::object({{"encrypt", encrypt}}).dump();
}

SignedEvent sign_event(const Json& event, int64_t timestamp_ms, const std::string& nonce) {
  auto crypto = dingtalk::CallbackCrypto::create(kCallbackToken, kAesKey, kAppKey);
  SignedEvent e;
  e.timestamp = std::to_string(timestamp_ms ? timestamp_ms : now_ms());
  e.nonce = nonce;
  e.encrypt = crypto->encrypt(event.dump());
  e.signature = crypto->signature(e.timestamp, e.nonce, e.encrypt);
  return e;
}

HttpResponse post_signed(const HostProcess& host, const SignedEvent& e) {
  return http(host.port(), "POST", e.path(), e.body());
}

HttpResponse post_event(const HostProcess& host, const Json& event, int64_t timestamp_ms,
                        const std::string& nonce) {
  return post_signed(host, sign_event(event, timestamp_ms, nonce));
}

Json robot_message(const std::string& text, const std::string& user, const std::string& msg_id,
                   const std::string& session_webhook) {
  return Json::object({{"conversationId", "cid-it"},
                       {"msgId", msg_id},
                       {"senderNick", user},
                       {"senderStaffId", user},
                       {"sessionWebhook", session_webhook},
                       {"sessionWebhookExpiredTime", now_ms() + 5400000},
                       {"createAt", now_ms()},
                       {"conversationType", "1"},
                       {"msgtype", "text"},
                       {"text", Json::object({{"content", " " + text}})}});
}

HttpResponse post_robot(const HostProcess& host, const Json& message, int64_t timestamp_ms,
                        const std::string& sign_override) {
  // A timestamp/sign pair is good for one message (docs/operations.md "Robot replay"): two
  // messages sent within one millisecond must not share one.
  static std::atomic<int64_t> last_ms{0};
  int64_t fresh = now_ms(), previous = last_ms.load();
  do {
    fresh = std::max(fresh, previous + 1);
  } while (!last_ms.compare_exchange_weak(previous, fresh));
  std::string ts = std::to_string(timestamp_ms ? timestamp_ms : fresh);
  std::string sign = sign_override.empty() ? dingtalk::robot_sign(ts, kAppSecret) : sign_override;
  return http(host.port(), "POST", "/dingtalk/robot", message.dump(),
              {{"timestamp", ts}, {"sign", sign}});
}

Json card_callback(const std::string& action, const Json& params, const std::string& user,
                   const std::string& out_track_id) {
  std::string data = Json::object({{"cardPrivateData", Json::object({{"actionIds",
                                                                      Json::array({action})},
                                                                     {"params", params}})}})
                         .dump();
  return Json::object({{"corpId", kCorpId},
                       {"type", "actionCallback"},
                       {"userId", user},
                       {"userIdType", 1},
                       {"outTrackId", out_track_id},
                       {"content", data},
                       {"value", data}});
}

HttpResponse post_card(const HostProcess& host, const std::string& route_key,
                       const std::string& action, const Json& params, const std::string& user,
                       const std::string& out_track_id) {
  return http(host.port(), "POST", "/dingtalk/cards/" + route_key,
              card_callback(action, params, user, out_track_id).dump());
}

size_t calls(const dingtalk_double::DingTalkDouble& dt, const std::string& path) {
  size_t n = 0;
  for (auto& r : dt.requests(path))
    if (json::get<std::string>(r, "path") == path) ++n;
  return n;
}

}  // namespace courthub::it
