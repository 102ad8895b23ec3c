// SPDX-License-Identifier: Apache-2.0
// The development login (dingtalk.dev_login): GET /auth/dev/users lists the directory's people
// to pick from; POST /auth/dev {"user_id"} asks the DingTalk double for that user's auth code and
// exchanges it exactly as /auth/dingtalk does (answer_login). Both answer 404 while it is off.

#include "host/dingtalk/channel.hpp"
#include "host/directory/people_search.hpp"
#include "host/directory/query.hpp"
#include "host/http/directory_endpoint.hpp"
#include "host/log.hpp"

namespace courthub::dingtalk {
namespace {

constexpr size_t kDefaultLimit = 50;
constexpr size_t kMaxLimit = 500;

bool dev_login_on(http::Exchange& ex, const ChannelContext& ctx) {
  if (ctx.config.dev_login) return true;
  ex.respond_error(404, "not_found",
                   "the development login is off (dingtalk.dev_login in the configuration)");
  return false;
}

// GET /auth/dev/users?q=&court=&role=&limit=: the people directory::search_people finds (no
// caller, so no court first), as the pages' user JSON.
void list_users(http::Exchange& ex, ChannelContext& ctx) {
  if (!http::allow_methods(ex, {"GET"})) return;
  if (!dev_login_on(ex, ctx)) return;
  auto search = http::read_people_search(ex, kDefaultLimit, kMaxLimit);
  if (!search) return;
  auto snapshot = ctx.directory->snapshot();
  Json users = Json::array();
  for (const directory::Person* p : directory::search_people(*snapshot, *search))
    users.push_back(directory::to_user_json(*snapshot, *p));
  ex.respond_json(200, Json::object({{"users", users}}));
}

// POST /auth/dev {"user_id"}: the double's auth code for the user, then the real exchange.
void login(http::Exchange& ex, ChannelContext& ctx) {
  if (!http::allow_methods(ex, {"POST"})) return;
  if (!dev_login_on(ex, ctx)) return;
  auto body = ex.json_body();
  if (!body) return;
  const Json* user_id = json::find(*body, "user_id");
  if (!user_id || !user_id->is_string() || user_id->get<std::string>().empty()) {
    ex.respond_error(400, "invalid_argument", "send {\"user_id\": \"<a user id from /auth/dev/users>\"}",
                     "",
                     Json::object({{"fields", Json::array({Json::object(
                                                  {{"field", "user_id"},
                                                   {"message", "a user id is required"}})})}}));
    return;
  }
  const std::string id = user_id->get<std::string>();
  if (!ctx.directory->snapshot()->person(id)) {
    ex.respond_error(403, "permission_denied", "no one with the user id '" + id +
                                                   "' is in the court directory");
    return;
  }
  auto code = ctx.api->double_auth_code(id);
  if (!code) {
    if (code.outcome().code() == Status::NotFound) {
      ex.respond_error(403, "permission_denied",
                       "the DingTalk double does not know '" + id + "'; add the user to it");
    } else {
      log::error("dingtalk", "dev login: " + code.outcome().message());
      ex.respond_error(503, "unavailable",
                       "the DingTalk double (dingtalk.api_base) could not be reached; is it running?");
    }
    return;
  }
  log::info("dingtalk", "dev login as " + id);
  answer_login(ex, ctx, *code);
}

}  // namespace

void add_dev_login_endpoints(http::Router& router, ChannelContext& ctx) {
  router.exact("/auth/dev/users", "/auth/dev/users",
               [&ctx](http::Exchange& ex) { list_users(ex, ctx); });
  router.exact("/auth/dev", "/auth/dev", [&ctx](http::Exchange& ex) { login(ex, ctx); });
}

}  // namespace courthub::dingtalk
