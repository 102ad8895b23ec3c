// SPDX-License-Identifier: Apache-2.0
// The DingTalk open API as courthub calls it: the app access token (cached, renewed before it
// expires), 免登 code exchange, user and department lookups, work notifications, robot and
// session-webhook messages, interactive cards and their updates.
//
// Connections are kept alive and reused (ConnectionPool); a call that finds its pooled connection
// closed by the server is made once more on a new one.
//
// Threading: every method from any thread; the token is shared and refreshed by one caller at a
// time. Errors: Unavailable for what a retry may cure (network, HTTP 5xx, DingTalk busy, rate
// limits); PermissionDenied for a refused credential or code; InvalidArgument for a request
// DingTalk rejects. Messages carry DingTalk's errcode and errmsg, never a secret.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "courthub/json.hpp"
#include "host/config/config.hpp"
#include "host/dingtalk/connection_pool.hpp"
#include "host/outcome.hpp"
#include "host/time/clock.hpp"

namespace courthub::dingtalk {

class OpenApi {
 public:
  // `clock` dates the group robots' signatures; it must outlive the client. Token expiry is
  // measured on the steady clock (it is a duration, not a date).
  OpenApi(const config::DingTalkConfig& config, const time::Clock& clock);

  // The app access token (gettoken), from the cache while it has more than 5 minutes left.
  Expected<std::string> access_token();
  // Forgets the cached token (after DingTalk says it is invalid).
  void drop_token();

  // topapi/v2/user/getuserinfo: the userid a mini-app auth code belongs to.
  // PermissionDenied when DingTalk does not know the code (expired, used, forged).
  Expected<std::string> userid_for_code(const std::string& code);
  // The local DingTalk double's POST /__double/auth_codes {"userid"}: a fresh auth code for
  // `userid`, for the development login (dingtalk.dev_login; real DingTalk has no such call).
  // Unavailable when the double cannot be reached; NotFound when it does not know the user.
  Expected<std::string> double_auth_code(const std::string& userid);
  // topapi/v2/user/get. NotFound when DingTalk has no such user.
  Expected<Json> user(const std::string& userid);
  // topapi/v2/department/get. NotFound when DingTalk has no such department.
  Expected<Json> department(int64_t dept_id);

  // asyncsend_v2 to at most 100 userids (comma-separated); returns DingTalk's task id.
  Expected<int64_t> send_work_notice(const std::string& userid_list, const Json& msg);
  // A reply into a robot conversation through its sessionWebhook.
  Outcome send_to_session(const std::string& session_webhook, const Json& message);
  // A custom group robot message, signed (加签) when `secret` is set.
  Outcome send_to_group_robot(const std::string& webhook, const std::string& secret,
                              const Json& message);
  // An interactive card (template, instance id, data) into one person's robot chat; its buttons
  // call back to /dingtalk/cards/<route-key>.
  Outcome deliver_card(const std::string& userid, const Json& card);
  // PUT v1.0/card/instances: new values for keys of a delivered card's data ({"out_track_id",
  // "card_data"}), the other keys kept (updateCardDataByKey). InvalidArgument when DingTalk
  // refuses it (an unknown outTrackId among others).
  Outcome update_card(const Json& update);

  // POST v1.0/gateway/connections/open (Stream mode, dingtalk-protocol.md §5.1): the app's
  // clientId and clientSecret with `subscriptions`; returns {"endpoint", "ticket"} (the ticket
  // is good for one connection within 90 s). PermissionDenied when DingTalk refuses the
  // credentials; Unavailable otherwise.
  Expected<Json> open_stream_connection(const Json& subscriptions);

  // Whether a URL may receive our messages: DingTalk's hosts or the configured api_base's host.
  // sessionWebhook URLs come from inbound messages, so this keeps a forged one from turning the
  // host into a proxy.
  bool trusted_url(const std::string& url) const;

 private:
  struct Reply {
    int status = 0;
    Json body;
  };
  Expected<Reply> post(const std::string& url, const Json& body,
                       const std::vector<std::pair<std::string, std::string>>& headers = {});
  Expected<Reply> get(const std::string& url);
  Expected<Reply> send(const std::string& method, const std::string& url, const std::string& body,
                       const std::vector<std::pair<std::string, std::string>>& headers);
  // One request and response on the leased connection; returns the connection to the pool when
  // it can carry another. Throws Poco::Exception when the connection fails.
  Expected<Reply> exchange(ConnectionPool::Lease& lease, const Poco::URI& uri,
                           const std::string& method, const std::string& body,
                           const std::vector<std::pair<std::string, std::string>>& headers);
  // A topapi call with ?access_token=; retries once with a fresh token if DingTalk refuses it.
  Expected<Json> topapi(const std::string& path, const Json& body);
  // A v1.0 card call with the x-acs token header; retries once with a fresh token on HTTP 401.
  // `what` names the call in errors.
  Outcome card_call(const std::string& method, const std::string& path, const Json& body,
                    const std::string& what);
  static Outcome errcode_outcome(const Json& body, const std::string& what);

  config::DingTalkConfig config_;
  const time::Clock& clock_;
  ConnectionPool pool_;
  std::mutex token_mu_;
  std::string token_;
  std::chrono::steady_clock::time_point token_expires_{};
};

}  // namespace courthub::dingtalk
