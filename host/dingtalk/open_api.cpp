// SPDX-License-Identifier: Apache-2.0
// OpenApi: HTTP(S) calls to DingTalk (or the local double) and their error mapping.
#include "host/dingtalk/open_api.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/URI.h>

#include <memory>
#include <sstream>

#include "host/dingtalk/robot_signature.hpp"
#include "host/version.hpp"

namespace courthub::dingtalk {
namespace {

// The server closed the connection without answering: what an idle keep-alive connection the
// server has since dropped looks like.
bool closed_before_answering(const Poco::Exception& e) {
  return dynamic_cast<const Poco::Net::NoMessageException*>(&e) ||
         dynamic_cast<const Poco::Net::ConnectionResetException*>(&e) ||
         dynamic_cast<const Poco::Net::ConnectionAbortedException*>(&e);
}

// errcodes that mean "the token is no good": fetch a new one and try again once.
bool token_refused(int64_t errcode) {
  return errcode == 40014 || errcode == 42001 || errcode == 40001 || errcode == 88;
}

// errcodes a later attempt may cure: system busy, rate limits.
bool transient(int64_t errcode) {
  return errcode == -1 || errcode == 90018 || errcode == 130101 || errcode == 90002 ||
         errcode == 88888 || errcode == 90030;
}


}  // namespace

OpenApi::OpenApi(const config::DingTalkConfig& config, const time::Clock& clock)
    : config_(config), clock_(clock), pool_(config.ca_file) {}

bool OpenApi::trusted_url(const std::string& url) const {
  try {
    Poco::URI u(url), base(config_.api_base);
    if (u.getScheme() != "https" && u.getScheme() != "http") return false;
    const std::string& host = u.getHost();
    if (host == base.getHost() && u.getPort() == base.getPort()) return true;
    static const std::string kDingTalk = ".dingtalk.com";
    return u.getScheme() == "https" && host.size() > kDingTalk.size() &&
           host.compare(host.size() - kDingTalk.size(), kDingTalk.size(), kDingTalk) == 0;
  } catch (const Poco::Exception&) {
    return false;
  }
}

Expected<OpenApi::Reply> OpenApi::send(
    const std::string& method, const std::string& url, const std::string& body,
    const std::vector<std::pair<std::string, std::string>>& headers) {
  try {
    Poco::URI uri(url);
    // A pooled connection may have been closed by the server while idle; that shows as no
    // response at all, and then the call is made once more on a fresh connection. A connection
    // that was just opened is never retried, so a message is not sent twice for other failures.
    for (int attempt = 0;; ++attempt) {
      ConnectionPool::Lease lease = pool_.take(uri);
      const bool may_retry = lease.reused && attempt == 0;
      try {
        return exchange(lease, uri, method, body, headers);
      } catch (const Poco::Exception& e) {
        if (!may_retry || !closed_before_answering(e)) throw;
      }
    }
  } catch (const Poco::Exception& e) {
    std::string where;
    try {
      where = Poco::URI(url).getPath();
    } catch (...) {
    }
    return Outcome::unavailable("cannot reach DingTalk (" + where + "): " + e.displayText());
  }
}

Expected<OpenApi::Reply> OpenApi::exchange(
    ConnectionPool::Lease& lease, const Poco::URI& uri, const std::string& method,
    const std::string& body, const std::vector<std::pair<std::string, std::string>>& headers) {
  Poco::Net::HTTPClientSession& session = *lease.session;
  session.setTimeout(Poco::Timespan(5, 0), Poco::Timespan(10, 0), Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest req(method, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
  req.setKeepAlive(true);
  req.set("Accept", "application/json");
  for (auto& [k, v] : headers) req.set(k, v);
  if (method != "GET") {
    req.setContentType("application/json; charset=utf-8");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  std::ostream& out = session.sendRequest(req);
  out << body;
  Poco::Net::HTTPResponse res;
  std::istream& in = session.receiveResponse(res);
  std::string text;
  {
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  // The whole response is read: the connection can carry the next call unless either side
  // asked to close it.
  if (res.getKeepAlive() && !in.bad()) pool_.give_back(std::move(lease));
  Reply reply;
  reply.status = res.getStatus();
  try {
    reply.body = Json::parse(text);
  } catch (const Json::exception&) {
    reply.body = Json::object({{"raw", text.substr(0, 200)}});
  }
  if (reply.status >= 500 || reply.status == 429) {
    return Outcome::unavailable("DingTalk answered HTTP " + std::to_string(reply.status) +
                                " for " + uri.getPath());
  }
  return reply;
}

Expected<OpenApi::Reply> OpenApi::post(
    const std::string& url, const Json& body,
    const std::vector<std::pair<std::string, std::string>>& headers) {
  return send("POST", url, body.dump(), headers);
}

Expected<OpenApi::Reply> OpenApi::get(const std::string& url) { return send("GET", url, "", {}); }

Outcome OpenApi::errcode_outcome(const Json& body, const std::string& what) {
  int64_t errcode = json::get<int64_t>(body, "errcode", 0);
  std::string message = what + ": DingTalk errcode " + std::to_string(errcode) + " " +
                        json::get<std::string>(body, "errmsg");
  if (transient(errcode)) return Outcome::unavailable(message);
  return Outcome::invalid(message);
}

Expected<std::string> OpenApi::access_token() {
  std::lock_guard lock(token_mu_);
  auto now = std::chrono::steady_clock::now();
  if (!token_.empty() && now + std::chrono::minutes(5) < token_expires_) return token_;
  auto reply = get(config_.api_base + "/gettoken?appkey=" + url_encode(config_.app_key) +
                   "&appsecret=" + url_encode(config_.app_secret));
  if (!reply) return reply.outcome();
  const Json& body = reply->body;
  if (json::get<int64_t>(body, "errcode", 0) != 0 ||
      json::get<std::string>(body, "access_token").empty()) {
    int64_t errcode = json::get<int64_t>(body, "errcode", 0);
    if (transient(errcode)) return errcode_outcome(body, "gettoken");
    return Outcome::failure(
        Status::PermissionDenied,
        "gettoken: DingTalk refused the app credentials (errcode " + std::to_string(errcode) + " " +
            json::get<std::string>(body, "errmsg") + "); check dingtalk.app_key and app_secret");
  }
  token_ = json::get<std::string>(body, "access_token");
  int64_t ttl = json::get<int64_t>(body, "expires_in", 7200);
  token_expires_ = now + std::chrono::seconds(ttl);
  return token_;
}

void OpenApi::drop_token() {
  std::lock_guard lock(token_mu_);
  token_.clear();
}

Expected<Json> OpenApi::topapi(const std::string& path, const Json& body) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto token = access_token();
    if (!token) return token.outcome();
    auto reply = post(config_.api_base + path + "?access_token=" + url_encode(*token), body);
    if (!reply) return reply.outcome();
    int64_t errcode = json::get<int64_t>(reply->body, "errcode", 0);
    if (errcode == 0) return reply->body;
    if (token_refused(errcode) && attempt == 0) {
      drop_token();
      continue;
    }
    return errcode_outcome(reply->body, path);
  }
  return Outcome::unavailable(path + ": DingTalk kept refusing fresh tokens");
}

Expected<std::string> OpenApi::userid_for_code(const std::string& code) {
  auto body = topapi("/topapi/v2/user/getuserinfo", Json::object({{"code", code}}));
  if (!body) {
    if (body.outcome().code() == Status::InvalidArgument) {
      return Outcome::failure(Status::PermissionDenied,
                              "DingTalk does not accept this auth code (expired, used or "
                              "forged): " + body.outcome().message());
    }
    return body.outcome();
  }
  std::string userid = json::get<std::string>((*body)["result"], "userid");
  if (userid.empty()) return Outcome::unavailable("getuserinfo answered without a userid");
  return userid;
}

Expected<std::string> OpenApi::double_auth_code(const std::string& userid) {
  auto reply = post(config_.api_base + "/__double/auth_codes", Json::object({{"userid", userid}}));
  if (!reply) return reply.outcome();
  std::string code = json::get<std::string>(reply->body, "code");
  if (reply->status == 400) {
    return Outcome::not_found("the DingTalk double has no user '" + userid + "'");
  }
  if (reply->status != 200 || code.empty()) {
    return Outcome::unavailable("the DingTalk double answered HTTP " +
                                std::to_string(reply->status) + " to /__double/auth_codes");
  }
  return code;
}

Expected<Json> OpenApi::open_stream_connection(const Json& subscriptions) {
  auto reply = post(config_.v1_base() + "/v1.0/gateway/connections/open",
                    Json::object({{"clientId", config_.app_key},
                                  {"clientSecret", config_.app_secret},
                                  {"subscriptions", subscriptions},
                                  {"ua", std::string("courthub/") + kVersion}}));
  if (!reply) return reply.outcome();
  if (reply->status == 401 || reply->status == 403) {
    return Outcome::failure(Status::PermissionDenied, "DingTalk refused the app's clientId and clientSecret for "
                                      "Stream mode (HTTP " + std::to_string(reply->status) + ")");
  }
  const std::string endpoint = json::get<std::string>(reply->body, "endpoint");
  const std::string ticket = json::get<std::string>(reply->body, "ticket");
  if (reply->status != 200 || endpoint.empty() || ticket.empty()) {
    return Outcome::unavailable("connections/open answered HTTP " +
                                std::to_string(reply->status) + " without an endpoint and ticket");
  }
  return Json::object({{"endpoint", endpoint}, {"ticket", ticket}});
}

Expected<Json> OpenApi::user(const std::string& userid) {
  auto body = topapi("/topapi/v2/user/get", Json::object({{"userid", userid}}));
  if (!body) {
    if (body.outcome().message().find("errcode 60121") != std::string::npos) {
      return Outcome::not_found("DingTalk has no user '" + userid + "'");
    }
    return body.outcome();
  }
  return (*body)["result"];
}

Expected<Json> OpenApi::department(int64_t dept_id) {
  auto body = topapi("/topapi/v2/department/get", Json::object({{"dept_id", dept_id}}));
  if (!body) {
    if (body.outcome().message().find("errcode 60003") != std::string::npos) {
      return Outcome::not_found("DingTalk has no department " + std::to_string(dept_id));
    }
    return body.outcome();
  }
  return (*body)["result"];
}

Expected<int64_t> OpenApi::send_work_notice(const std::string& userid_list, const Json& msg) {
  auto body = topapi("/topapi/message/corpconversation/asyncsend_v2",
                     Json::object({{"agent_id", config_.agent_id},
                                   {"userid_list", userid_list},
                                   {"msg", msg}}));
  if (!body) return body.outcome();
  return json::get<int64_t>(*body, "task_id", 0);
}

Outcome OpenApi::send_to_session(const std::string& session_webhook, const Json& message) {
  if (!trusted_url(session_webhook)) {
    return Outcome::failure(Status::PermissionDenied,
                            "refusing to post to a session webhook outside DingTalk");
  }
  auto reply = post(session_webhook, message);
  if (!reply) return reply.outcome();
  if (reply->status != 200 || json::get<int64_t>(reply->body, "errcode", 0) != 0) {
    return errcode_outcome(reply->body, "session webhook");
  }
  return Outcome::success();
}

Outcome OpenApi::send_to_group_robot(const std::string& webhook, const std::string& secret,
                                     const Json& message) {
  std::string url = secret.empty() ? webhook : signed_robot_webhook(webhook, secret, clock_.now_ms());
  auto reply = post(url, message);
  if (!reply) return reply.outcome();
  if (reply->status != 200 || json::get<int64_t>(reply->body, "errcode", 0) != 0) {
    return errcode_outcome(reply->body, "group robot");
  }
  return Outcome::success();
}

namespace {

// DingTalk's cardParamMap holds strings only: other values travel as their JSON text.
Json card_param_map(const Json& card) {
  Json param_map = Json::object();
  if (const Json* data = json::find(card, "card_data"); data && data->is_object()) {
    for (auto& [k, v] : data->items()) param_map[k] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  return param_map;
}

}  // namespace

Outcome OpenApi::card_call(const std::string& method, const std::string& path, const Json& body,
                           const std::string& what) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto token = access_token();
    if (!token) return token.outcome();
    auto reply = send(method, config_.v1_base() + path, body.dump(),
                      {{"x-acs-dingtalk-access-token", *token}});
    if (!reply) return reply.outcome();
    if (reply->status == 401 && attempt == 0) {
      drop_token();
      continue;
    }
    if (reply->status != 200 || !json::get<bool>(reply->body, "success", false)) {
      return Outcome::invalid(what + " refused: HTTP " + std::to_string(reply->status) + " " +
                              json::get<std::string>(reply->body, "code") + " " +
                              json::get<std::string>(reply->body, "message"));
    }
    return Outcome::success();
  }
  return Outcome::unavailable(what + ": DingTalk kept refusing fresh tokens");
}

Outcome OpenApi::deliver_card(const std::string& userid, const Json& card) {
  // Presses come back the way this host hears from DingTalk: to /dingtalk/cards/<route key>, or
  // over its Stream connection (dingtalk.mode stream, or both without a route key).
  const bool stream =
      config_.stream() && (!config_.http_push() || config_.card_route_key.empty());
  Json body =
      Json::object({{"cardTemplateId", json::get<std::string>(card, "template_id")},
                    {"outTrackId", json::get<std::string>(card, "out_track_id")},
                    {"callbackType", stream ? "STREAM" : "HTTP"},
                    {"cardData", Json::object({{"cardParamMap", card_param_map(card)}})},
                    {"openSpaceId", "dtv1.card//IM_ROBOT." + userid},
                    {"imRobotOpenDeliverModel",
                     Json::object({{"spaceType", "IM_ROBOT"}, {"robotCode", config_.app_key}})},
                    {"userIdType", 1}});
  if (!stream) body["callbackRouteKey"] = config_.card_route_key;
  return card_call("POST", "/v1.0/card/instances/createAndDeliver", body, "card delivery");
}

Outcome OpenApi::update_card(const Json& update) {
  Json body = Json::object(
      {{"outTrackId", json::get<std::string>(update, "out_track_id")},
       {"cardData", Json::object({{"cardParamMap", card_param_map(update)}})},
       {"cardUpdateOptions", Json::object({{"updateCardDataByKey", true}})}});
  return card_call("PUT", "/v1.0/card/instances", body, "card update");
}

}  // namespace courthub::dingtalk
