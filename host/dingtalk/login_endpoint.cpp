// SPDX-License-Identifier: Apache-2.0
// POST /auth/dingtalk: a mini-app's 免登 auth code becomes a courthub session token. The exchange
// itself (answer_login) is shared with the development login (dev_login_endpoint.cpp).

#include "host/dingtalk/channel.hpp"
#include "host/directory/query.hpp"
#include "host/log.hpp"

namespace courthub::dingtalk {
namespace {

void serve(http::Exchange& ex, ChannelContext& ctx) {
  if (!http::allow_methods(ex, {"POST"})) return;
  auto body = ex.json_body();
  if (!body) return;
  std::string code = json::get<std::string>(*body, "code");
  if (code.empty()) {
    ex.respond_error(400, "invalid_argument",
                     "send {\"code\": \"<authCode from dd.getAuthCode / requestAuthCode>\"}");
    return;
  }
  answer_login(ex, ctx, code);
}

}  // namespace

void answer_login(http::Exchange& ex, ChannelContext& ctx, const std::string& code) {
  auto userid = ctx.api->userid_for_code(code);
  if (!userid) {
    const Outcome& o = userid.outcome();
    if (o.code() == Status::PermissionDenied) {
      ex.respond_error(401, "unauthenticated", "DingTalk did not accept the auth code; get a new one");
    } else {
      log::error("dingtalk", "login: " + o.message());
      ex.respond_error(503, "unavailable", "DingTalk could not be reached; try again");
    }
    return;
  }
  auto snapshot = ctx.directory->snapshot();
  const directory::Person* person = snapshot->person(*userid);
  if (!person) {
    log::warn("dingtalk", "login refused: " + *userid + " is not in the directory");
    ex.respond_error(403, "permission_denied",
                     "this DingTalk account is not in the court directory");
    return;
  }
  const int64_t now = ctx.clock->now_seconds();
  std::string token = ctx.sessions->issue(person->user_id, http::kStaffAudience, now);
  log::info("dingtalk", "login: " + person->user_id);
  ex.respond_json(200, Json::object({{"token", token},
                                     {"token_type", "Bearer"},
                                     {"expires_at", now + ctx.sessions->ttl_seconds()},
                                     {"user", directory::to_user_json(*snapshot, *person)}}));
}

void add_login_endpoint(http::Router& router, ChannelContext& ctx) {
  router.exact("/auth/dingtalk", "/auth/dingtalk",
               [&ctx](http::Exchange& ex) { serve(ex, ctx); });
}

}  // namespace courthub::dingtalk
