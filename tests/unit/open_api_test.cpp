// SPDX-License-Identifier: Apache-2.0
// The DingTalk open-API client against the local double: token caching and renewal, error
// mapping, refusal of untrusted webhooks.
#include <gtest/gtest.h>

#include "host/dingtalk/open_api.hpp"
#include "host/time/clock.hpp"
#include "tests/dingtalk_double/server.hpp"

namespace courthub::dingtalk {
namespace {

struct Fixture {
  explicit Fixture(int64_t ttl_seconds) {
    dingtalk_double::DoubleOptions o;
    o.token_ttl_seconds = ttl_seconds;
    dt = std::make_unique<dingtalk_double::DingTalkDouble>(o);
    dt->add_user(Json::object({{"userid", "u1"}, {"name", "张三"}, {"dept_id_list", Json::array({7})}}));
    dt->start();
    config.api_base = dt->base_url();
    config.app_key = "demo-app-key";
    config.app_secret = "demo-app-secret";
    config.agent_id = 9;
  }
  size_t token_calls() const { return dt->requests("/gettoken").size(); }
  std::unique_ptr<dingtalk_double::DingTalkDouble> dt;
  config::DingTalkConfig config;
};

TEST(OpenApi, TokenIsCachedWhileItHasMoreThanFiveMinutesLeft) {
  Fixture f(7200);
  OpenApi api(f.config, time::system_clock());
  ASSERT_TRUE(api.user("u1").ok());
  ASSERT_TRUE(api.user("u1").ok());
  ASSERT_TRUE(api.send_work_notice("u1", Json::object({{"msgtype", "text"},
                                                       {"text", Json::object({{"content", "x"}})}}))
                  .ok());
  EXPECT_EQ(f.token_calls(), 1u);
}

TEST(OpenApi, TokenIsRenewedBeforeItExpires) {
  Fixture f(240);  // under five minutes from the start: renewed on every use
  OpenApi api(f.config, time::system_clock());
  ASSERT_TRUE(api.user("u1").ok());
  ASSERT_TRUE(api.user("u1").ok());
  EXPECT_EQ(f.token_calls(), 2u);
}

TEST(OpenApi, RefusedTokenIsReplacedAndTheCallRetriedOnce) {
  Fixture f(7200);
  OpenApi api(f.config, time::system_clock());
  ASSERT_TRUE(api.user("u1").ok());
  f.dt->fail_next("/topapi/v2/user/get", 1, 200, 40014);  // "invalid access_token"
  ASSERT_TRUE(api.user("u1").ok());
  EXPECT_EQ(f.token_calls(), 2u);
}

TEST(OpenApi, ErrorsAreMappedForTheCaller) {
  Fixture f(7200);
  OpenApi api(f.config, time::system_clock());
  EXPECT_EQ(api.user("nobody").outcome().code(), Status::NotFound);
  EXPECT_EQ(api.userid_for_code("forged").outcome().code(), Status::PermissionDenied);
  f.dt->fail_next("/topapi/v2/user/get", 1, 502, 0);
  EXPECT_EQ(api.user("u1").outcome().code(), Status::Unavailable);
  f.dt->set_down(true);
  api.drop_token();
  EXPECT_EQ(api.user("u1").outcome().code(), Status::Unavailable);
  f.dt->set_down(false);
  config::DingTalkConfig wrong = f.config;
  wrong.app_secret = "wrong";
  OpenApi bad(wrong, time::system_clock());
  auto r = bad.access_token();
  EXPECT_EQ(r.outcome().code(), Status::PermissionDenied);
  EXPECT_EQ(r.outcome().message().find("wrong"), std::string::npos);  // never the secret
}

TEST(OpenApi, CallsShareOneKeptAliveConnection) {
  Fixture f(7200);
  OpenApi api(f.config, time::system_clock());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(api.user("u1").ok());
  auto calls = f.dt->requests("");
  ASSERT_EQ(calls.size(), 6u);  // gettoken + five lookups
  for (auto& c : calls)
    EXPECT_EQ(json::get<std::string>(c, "peer"), json::get<std::string>(calls[0], "peer"))
        << c.dump();
  EXPECT_FALSE(json::get<std::string>(calls[0], "peer").empty());
}

TEST(OpenApi, AConnectionTheServerClosedIsReplacedNotReportedAsAFailure) {
  Fixture f(7200);
  OpenApi api(f.config, time::system_clock());
  ASSERT_TRUE(api.user("u1").ok());  // leaves an idle connection in the pool
  // The server goes away and comes back on the same port: the pooled connection is dead.
  dingtalk_double::DoubleOptions o;
  o.port = f.dt->port();
  f.dt->stop();
  auto again = std::make_unique<dingtalk_double::DingTalkDouble>(o);
  again->add_user(Json::object({{"userid", "u1"}, {"name", "张三"}, {"dept_id_list", Json::array({7})}}));
  again->start();
  auto r = api.user("u1");
  ASSERT_TRUE(r.ok()) << r.outcome().message();
  EXPECT_EQ(json::get<std::string>((*r), "name"), "张三");
  // Nothing was sent twice: the dead connection carried no request to the new server.
  auto lookups = again->requests("/topapi/v2/user/get");
  ASSERT_FALSE(lookups.empty());
  EXPECT_LE(lookups.size(), 2u);  // at most: refused old token, then the retry with a new one
}

TEST(OpenApi, OnlyDingTalkOrTheConfiguredBaseIsTrusted) {
  Fixture f(7200);
  OpenApi api(f.config, time::system_clock());
  EXPECT_TRUE(api.trusted_url(f.dt->base_url() + "/robot/sendBySession?session=1"));
  EXPECT_TRUE(api.trusted_url("https://oapi.dingtalk.com/robot/sendBySession?session=1"));
  EXPECT_FALSE(api.trusted_url("http://oapi.dingtalk.com/robot/sendBySession"));  // not TLS
  EXPECT_FALSE(api.trusted_url("https://dingtalk.com.evil.example/x"));
  EXPECT_FALSE(api.trusted_url("http://169.254.169.254/latest/meta-data"));
  EXPECT_EQ(api.send_to_session("http://169.254.169.254/x", Json::object()).code(),
            Status::PermissionDenied);
}

}  // namespace
}  // namespace courthub::dingtalk
