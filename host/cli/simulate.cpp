// SPDX-License-Identifier: Apache-2.0
// `courthub simulate`: what DingTalk would send, correctly signed and encrypted with the
// configuration's own secrets, to a running host — so anyone can see a plugin answer without a
// DingTalk account. Login goes through the real 免登 flow against the local DingTalk double.
#include <chrono>
#include <cstdio>
#include <random>

#include "host/cli/verbs.hpp"
#include "host/config/config_loader.hpp"
#include "host/dingtalk/callback_crypto.hpp"
#include "host/dingtalk/open_api.hpp"
#include "host/dingtalk/robot_signature.hpp"
#include "host/dingtalk/stream_frames.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <sstream>

namespace courthub::cli {
namespace {

constexpr const char* kUsage =
    "usage: courthub simulate [--config FILE] [--host URL] [--stream | --http] <what>\n"
    "  event TYPE [JSON]             an encrypted event callback (EventType TYPE, fields JSON)\n"
    "  robot TEXT [--user ID] [--group]   a signed robot message; prints the reply\n"
    "  card ACTION [PARAMS] [--user ID] [--track ID]   an interactive-card button press; the\n"
    "                                host honours it only when ID is the outTrackId of a card it\n"
    "                                sent to that user (anything else answers 403)\n"
    "  login USERID                  mini-app login through the DingTalk double; prints the token\n"
    "Secrets come from the configuration (default: the one `serve` would use); --host defaults\n"
    "to its server.listen address. The default user is LN-BC-SY-01-024, a judge.\n"
    "event, robot and card go over Stream mode when the configuration's dingtalk.mode is stream\n"
    "(--stream: also in mode both): the DingTalk double pushes them down the host's connection\n"
    "and this prints the host's ACK. Otherwise (--http) they are POSTed to the host.\n";

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string random_text(size_t n) {
  static const char* kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  static std::mt19937_64 rng{std::random_device{}()};
  std::string out(n, ' ');
  for (auto& c : out) c = kAlphabet[rng() % 36];
  return out;
}

struct Reply {
  int status = 0;
  std::string body;
};

// Posts to a full URL. Exits with a message when the host cannot be reached.
std::optional<Reply> post(const std::string& url, const std::string& body,
                          const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  try {
    Poco::URI uri(url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest req("POST", uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("application/json; charset=utf-8");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    for (auto& [k, v] : headers) req.set(k, v);
    session.sendRequest(req) << body;
    Poco::Net::HTTPResponse res;
    std::istream& in = session.receiveResponse(res);
    std::stringstream text;
    text << in.rdbuf();
    return Reply{res.getStatus(), text.str()};
  } catch (const Poco::Exception& e) {
    std::fprintf(stderr, "courthub simulate: cannot reach %s: %s\n", url.c_str(),
                 e.displayText().c_str());
    return std::nullopt;
  }
}

struct Options {
  std::string config_path = default_config_path();
  std::string host;
  std::string user = "LN-BC-SY-01-024";
  std::string track;
  bool group = false;
  std::optional<bool> stream;  // --stream / --http; unset: from dingtalk.mode
  std::vector<std::string> words;
};

bool over_stream(const config::Config& cfg, const Options& o) {
  return o.stream.value_or(!cfg.dingtalk.http_push());
}

// Pushes `what` ({"event": TYPE} or {"callback": TOPIC}, with "data") down the host's Stream
// connection through the DingTalk double, which plays DingTalk's gateway, and prints the ACK.
// nullopt (said on stderr) when the double cannot push it or the host did not ACK it.
std::optional<Json> push_stream(const config::Config& cfg, const Json& what) {
  auto reply = post(cfg.dingtalk.api_base + "/__double/stream/push", what.dump());
  if (!reply) return std::nullopt;
  Json r = Json::parse(reply->body, nullptr, false);
  if (reply->status != 200 || !r.is_object()) {
    std::fprintf(stderr, "courthub simulate: the DingTalk double did not push it: HTTP %d %s\n",
                 reply->status, reply->body.c_str());
    return std::nullopt;
  }
  const Json* ack = json::find(r, "ack");
  if (!ack || !ack->is_object()) {
    std::fprintf(stderr, "courthub simulate: the host did not ACK frame %s in time\n",
                 json::get<std::string>(r, "message_id").c_str());
    return std::nullopt;
  }
  std::printf("<- ACK %lld %s\n", static_cast<long long>(json::get<int64_t>(*ack, "code")),
              json::get<std::string>(*ack, "message").c_str());
  return *ack;
}

// The `response` a CALLBACK's ACK carries (null when there is none).
Json ack_response(const Json& ack) {
  const Json data = Json::parse(json::get<std::string>(ack, "data"), nullptr, false);
  const Json* response = json::find(data, "response");
  return response ? *response : Json();
}

void print_robot_reply(const Json& r) {
  const Json* markdown = json::find(r, "markdown");
  const Json* text = json::find(r, "text");
  if (markdown) {
    std::printf("<- %s\n%s\n", json::get<std::string>(*markdown, "title").c_str(),
                json::get<std::string>(*markdown, "text").c_str());
  } else if (text) {
    std::printf("<- %s\n", json::get<std::string>(*text, "content").c_str());
  } else {
    std::printf("<- %s\n", r.dump().c_str());
  }
}

int event(const config::Config& cfg, const Options& o) {
  if (o.words.size() < 2 || o.words.size() > 3) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  Json payload = Json::object();
  if (o.words.size() == 3) {
    try {
      payload = Json::parse(o.words[2]);
    } catch (const Json::exception& e) {
      std::fprintf(stderr, "courthub simulate: event JSON: %s\n", e.what());
      return 2;
    }
  }
  if (over_stream(cfg, o)) {
    // Stream mode's event data: lower camelCase, the type and corp in the frame's headers.
    if (!payload.contains("timeStamp")) payload["timeStamp"] = std::to_string(now_ms());
    std::printf("-> Stream EVENT %s  %s\n", o.words[1].c_str(), payload.dump().c_str());
    auto ack = push_stream(cfg, Json::object({{"event", o.words[1]}, {"data", payload}}));
    if (!ack) return 1;
    std::printf("   %s\n", json::get<std::string>(*ack, "data").c_str());
    const Json data = Json::parse(json::get<std::string>(*ack, "data"), nullptr, false);
    return json::get<std::string>(data, "status") == "SUCCESS" ? 0 : 1;
  }
  payload["EventType"] = o.words[1];
  if (!payload.contains("TimeStamp")) payload["TimeStamp"] = std::to_string(now_ms());
  if (!payload.contains("CorpId")) payload["CorpId"] = cfg.dingtalk.corp_id;
  auto crypto = dingtalk::CallbackCrypto::create(
      cfg.dingtalk.callback_token, cfg.dingtalk.callback_aes_key,
      cfg.dingtalk.owner_key.empty() ? cfg.dingtalk.app_key : cfg.dingtalk.owner_key);
  if (!crypto) {
    std::fprintf(stderr, "courthub simulate: %s\n", crypto.outcome().message().c_str());
    return 1;
  }
  std::string encrypt = crypto->encrypt(payload.dump());
  std::string ts = std::to_string(now_ms()), nonce = random_text(12);
  std::string url = o.host + "/dingtalk/events?msg_signature=" +
                    crypto->signature(ts, nonce, encrypt) + "&timestamp=" + ts + "&nonce=" + nonce;
  std::printf("-> POST /dingtalk/events  %s\n", payload.dump().c_str());
  auto reply = post(url, Json::object({{"encrypt", encrypt}}).dump());
  if (!reply) return 1;
  std::printf("<- HTTP %d %s\n", reply->status, reply->body.c_str());
  if (reply->status != 200) return 1;
  try {
    auto decrypted = crypto->decrypt(json::get<std::string>(Json::parse(reply->body), "encrypt"));
    std::printf("   decrypted reply: %s\n",
                decrypted ? decrypted->c_str() : decrypted.outcome().message().c_str());
    return decrypted && *decrypted == "success" ? 0 : 1;
  } catch (const Json::exception&) {
    return 1;
  }
}

int robot(const config::Config& cfg, const Options& o) {
  if (o.words.size() != 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string id = random_text(16);
  Json message = Json::object(
      {{"conversationId", "cid-simulate-" + id},
       {"chatbotCorpId", cfg.dingtalk.corp_id},
       {"chatbotUserId", "$:LWCP_v1:$simulated-robot"},
       {"msgId", "msg-simulate-" + id},
       {"senderNick", o.user},
       {"isAdmin", false},
       {"senderStaffId", o.user},
       {"sessionWebhookExpiredTime", now_ms() + 5400000},
       {"createAt", now_ms()},
       {"senderCorpId", cfg.dingtalk.corp_id},
       {"conversationType", o.group ? "2" : "1"},
       {"senderId", "$:LWCP_v1:$" + o.user},
       {"isInAtList", true},
       {"sessionWebhook", cfg.dingtalk.api_base + "/robot/sendBySession?session=simulate-" + id},
       {"robotCode", cfg.dingtalk.app_key},
       {"msgtype", "text"},
       {"text", Json::object({{"content", " " + o.words[1]}})}});
  if (o.group) message["conversationTitle"] = "模拟群聊";
  if (over_stream(cfg, o)) {
    std::printf("-> Stream CALLBACK robot message from %s: %s\n", o.user.c_str(),
                o.words[1].c_str());
    auto ack = push_stream(cfg, Json::object({{"callback", dingtalk::kRobotMessageTopic},
                                              {"data", message}}));
    if (!ack) return 1;
    const Json reply = ack_response(*ack);
    if (json::get<int64_t>(*ack, "code") != 200 || !reply.is_object()) return 1;
    print_robot_reply(reply);
    return 0;
  }
  std::string ts = std::to_string(now_ms());
  std::printf("-> POST /dingtalk/robot  from %s: %s\n", o.user.c_str(), o.words[1].c_str());
  auto reply = post(o.host + "/dingtalk/robot", message.dump(),
                    {{"timestamp", ts}, {"sign", dingtalk::robot_sign(ts, cfg.dingtalk.app_secret)}});
  if (!reply) return 1;
  if (reply->status != 200) {
    std::printf("<- HTTP %d %s\n", reply->status, reply->body.c_str());
    return 1;
  }
  Json r = Json::parse(reply->body, nullptr, false);
  if (r.is_object()) {
    print_robot_reply(r);
  } else {
    std::printf("<- %s\n", reply->body.c_str());
  }
  return 0;
}

int card(const config::Config& cfg, const Options& o) {
  if (o.words.size() < 2 || o.words.size() > 3) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  Json params = Json::object();
  if (o.words.size() == 3) {
    try {
      params = Json::parse(o.words[2]);
    } catch (const Json::exception& e) {
      std::fprintf(stderr, "courthub simulate: card params JSON: %s\n", e.what());
      return 2;
    }
  }
  params["action"] = o.words[1];
  std::string data =
      Json::object({{"cardPrivateData", Json::object({{"actionIds", Json::array({o.words[1]})},
                                                      {"params", params}})}})
          .dump();
  Json body = Json::object({{"extension", "{}"},
                            {"corpId", cfg.dingtalk.corp_id},
                            {"spaceType", "im"},
                            {"userIdType", 1},
                            {"type", "actionCallback"},
                            {"userId", o.user},
                            {"spaceId", "cid-simulate"},
                            {"outTrackId", o.track.empty() ? "simulate-" + random_text(8) : o.track},
                            {"content", data},
                            {"value", data}});
  if (over_stream(cfg, o)) {
    std::printf("-> Stream CALLBACK card press %s %s by %s\n", o.words[1].c_str(),
                params.dump().c_str(), o.user.c_str());
    auto ack = push_stream(cfg, Json::object({{"callback", dingtalk::kCardCallbackTopic},
                                              {"data", body}}));
    if (!ack) return 1;
    std::printf("   %s\n", json::get<std::string>(*ack, "data").c_str());
    return json::get<int64_t>(*ack, "code") == 200 ? 0 : 1;
  }
  std::printf("-> POST /dingtalk/cards/…  %s %s by %s\n", o.words[1].c_str(),
              params.dump().c_str(), o.user.c_str());
  auto reply = post(o.host + "/dingtalk/cards/" + cfg.dingtalk.card_route_key, body.dump());
  if (!reply) return 1;
  std::printf("<- HTTP %d %s\n", reply->status, reply->body.c_str());
  return reply->status == 200 ? 0 : 1;
}

int login(const config::Config& cfg, const Options& o) {
  if (o.words.size() != 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  // The double plays DingTalk: it hands out the auth code a mini-app would get from
  // dd.getAuthCode, then the host exchanges it exactly as in production.
  auto code_reply = post(cfg.dingtalk.api_base + "/__double/auth_codes",
                         Json::object({{"userid", o.words[1]}}).dump());
  if (!code_reply) return 1;
  if (code_reply->status != 200) {
    std::fprintf(stderr, "the DingTalk double refused an auth code for %s: %s\n",
                 o.words[1].c_str(), code_reply->body.c_str());
    return 1;
  }
  std::string code;
  try {
    code = json::get<std::string>(Json::parse(code_reply->body), "code");
  } catch (const Json::exception&) {
  }
  auto reply = post(o.host + "/auth/dingtalk", Json::object({{"code", code}}).dump());
  if (!reply) return 1;
  if (reply->status != 200) {
    std::fprintf(stderr, "login refused: HTTP %d %s\n", reply->status, reply->body.c_str());
    return 1;
  }
  try {
    std::printf("%s\n", json::get<std::string>(Json::parse(reply->body), "token").c_str());
  } catch (const Json::exception&) {
    return 1;
  }
  return 0;
}

}  // namespace

int simulate(const Args& args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    std::optional<std::string> v;
    if (a == "--config" && (v = value())) {
      o.config_path = *v;
    } else if (a == "--host" && (v = value())) {
      o.host = *v;
    } else if (a == "--user" && (v = value())) {
      o.user = *v;
    } else if (a == "--track" && (v = value())) {
      o.track = *v;
    } else if (a == "--group") {
      o.group = true;
    } else if (a == "--stream") {
      o.stream = true;
    } else if (a == "--http") {
      o.stream = false;
    } else if (a.rfind("--", 0) == 0) {
      std::fprintf(stderr, "courthub simulate: unknown or incomplete flag '%s'\n%s", a.c_str(),
                   kUsage);
      return 2;
    } else {
      o.words.push_back(a);
    }
  }
  if (o.words.empty() || o.words[0] == "help") {
    std::fputs(kUsage, o.words.empty() ? stderr : stdout);
    return o.words.empty() ? 2 : 0;
  }
  auto loaded = config::load_config(o.config_path);
  if (!loaded.servable()) {
    for (auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
    return 1;
  }
  const config::Config& cfg = *loaded.config;
  if (cfg.dingtalk.app_key.empty()) {
    std::fprintf(stderr, "courthub simulate: %s has no dingtalk section\n", cfg.file.c_str());
    return 1;
  }
  if (o.host.empty()) {
    std::string host = cfg.server.host == "0.0.0.0" ? "127.0.0.1" : cfg.server.host;
    o.host = "http://" + host + ":" + std::to_string(cfg.server.port);
  }
  const std::string& what = o.words[0];
  if (what == "event") return event(cfg, o);
  if (what == "robot") return robot(cfg, o);
  if (what == "card") return card(cfg, o);
  if (what == "login") return login(cfg, o);
  std::fprintf(stderr, "courthub simulate: unknown '%s'\n%s", what.c_str(), kUsage);
  return 2;
}

}  // namespace courthub::cli
