// SPDX-License-Identifier: Apache-2.0
// The DingTalk double answers, records and fails the way courthub's tests rely on, over real HTTP.
#include <gtest/gtest.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <atomic>
#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "courthub/json.hpp"
#include "tests/dingtalk_double/robot_sign.hpp"
#include "tests/dingtalk_double/server.hpp"

namespace courthub::dingtalk_double {
namespace {

constexpr int64_t kStart = 1'700'000'000'000;  // an arbitrary fixed "now" for the fake clock

struct HttpResult {
  int status = 0;
  Json body;
};

std::string url_encode(const std::string& value) {
  std::string out;
  Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", out);
  return out;
}

class DingTalkDoubleTest : public ::testing::Test {
 protected:
  void SetUp() override { start({}); }

  // Restarts the double with `options` on a fake clock that the test moves with advance().
  void start(DoubleOptions options) {
    if (dtd_) dtd_->stop();
    options.now_ms = [this] { return now_.load(); };
    dtd_ = std::make_unique<DingTalkDouble>(std::move(options));
    dtd_->start();
  }

  void advance(int64_t ms) { now_ += ms; }

  HttpResult call(const std::string& method, const std::string& uri, const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {}) {
    Poco::Net::HTTPClientSession session("127.0.0.1", dtd_->port());
    Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty() || method == "POST") {
      if (!request.has("Content-Type")) request.setContentType("application/json");
      request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return HttpResult{static_cast<int>(response.getStatus()), Json::parse(text)};
  }
  HttpResult post(const std::string& uri, const Json& body) {
    return call("POST", uri, body.dump());
  }

  std::string token() {
    HttpResult r = call("GET", "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret");
    return json::get<std::string>(r.body, "access_token");
  }

  std::string signed_robot_uri(const std::string& robot, int64_t ts, const std::string& secret) {
    const std::string t = std::to_string(ts);
    return "/robot/send?access_token=" + robot + "&timestamp=" + t +
           "&sign=" + url_encode(robot_sign_base64(t, secret));
  }

  void add_judge() {
    dtd_->add_user(Json::parse(
        R"({"userid":"judge01","name":"王法官","dept_id_list":[2],"mobile":"13800000001"})"));
  }

  static Json text_msg() { return Json::parse(R"({"msgtype":"text","text":{"content":"hi"}})"); }

  std::atomic<int64_t> now_{kStart};
  std::unique_ptr<DingTalkDouble> dtd_;
};

// --- tokens
// ---------------------------------------------------------------------------------------

TEST_F(DingTalkDoubleTest, GetTokenIssuesAToken) {
  HttpResult r = call("GET", "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body["errcode"], 0);
  EXPECT_EQ(r.body["errmsg"], "ok");
  EXPECT_EQ(r.body["expires_in"], 7200);
  EXPECT_GE(r.body["access_token"].get<std::string>().size(), 16u);
  EXPECT_NE(token(), r.body["access_token"].get<std::string>())
      << "every call issues a fresh token";
}

TEST_F(DingTalkDoubleTest, GetTokenRejectsWrongCredentials) {
  HttpResult r = call("GET", "/gettoken?appkey=demo-app-key&appsecret=wrong");
  EXPECT_EQ(r.body["errcode"], 40089);
  EXPECT_EQ(r.body["errmsg"], "invalid appkey or appsecret");
  EXPECT_FALSE(r.body.contains("access_token"));
}

TEST_F(DingTalkDoubleTest, NewStyleTokenSharesTheStoreAndRejectsWrongSecret) {
  HttpResult ok =
      post("/v1.0/oauth2/accessToken",
           Json::object({{"appKey", "demo-app-key"}, {"appSecret", "demo-app-secret"}}));
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body["expireIn"], 7200);
  add_judge();
  std::string code = dtd_->issue_auth_code("judge01");
  HttpResult user =
      post("/topapi/v2/user/getuserinfo?access_token=" + ok.body["accessToken"].get<std::string>(),
           Json::object({{"code", code}}));
  EXPECT_EQ(user.body["errcode"], 0);

  HttpResult bad = post("/v1.0/oauth2/accessToken",
                        Json::object({{"appKey", "demo-app-key"}, {"appSecret", "nope"}}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(bad.body.contains("code"));
}

TEST_F(DingTalkDoubleTest, TokensExpireAfterTheirTtl) {
  std::string t = token();
  add_judge();
  advance(7200 * 1000);
  HttpResult r =
      post("/topapi/v2/user/get?access_token=" + t, Json::object({{"userid", "judge01"}}));
  EXPECT_EQ(r.body["errcode"], 40014);
}

// --- 免登 login and users ----------------------------------------------------------------------

TEST_F(DingTalkDoubleTest, AuthCodeLogsInOnceOnly) {
  add_judge();
  std::string t = token();
  std::string code = dtd_->issue_auth_code("judge01");
  HttpResult first =
      post("/topapi/v2/user/getuserinfo?access_token=" + t, Json::object({{"code", code}}));
  ASSERT_EQ(first.body["errcode"], 0) << first.body.dump();
  const Json& result = first.body["result"];
  EXPECT_EQ(result.at("userid"), "judge01");
  EXPECT_EQ(result.at("name"), "王法官");
  EXPECT_FALSE(result.at("sys").get<bool>());
  EXPECT_EQ(result.at("sys_level"), 0);
  for (const char* key : {"unionid", "device_id", "associated_unionid"}) {
    EXPECT_TRUE(result.contains(key)) << key;
  }

  HttpResult again =
      post("/topapi/v2/user/getuserinfo?access_token=" + t, Json::object({{"code", code}}));
  EXPECT_EQ(again.body["errcode"], 40078);
  EXPECT_EQ(again.body["errmsg"], "不存在的临时授权码");
}

TEST_F(DingTalkDoubleTest, UnknownAndExpiredAuthCodesAreRejected) {
  add_judge();
  std::string t = token();
  HttpResult unknown =
      post("/topapi/v2/user/getuserinfo?access_token=" + t, Json::object({{"code", "made-up"}}));
  EXPECT_EQ(unknown.body["errcode"], 40078);

  std::string code = dtd_->issue_auth_code("judge01");
  advance(5 * 60 * 1000);
  HttpResult expired =
      post("/topapi/v2/user/getuserinfo?access_token=" + t, Json::object({{"code", code}}));
  EXPECT_EQ(expired.body["errcode"], 40078);
  EXPECT_THROW(dtd_->issue_auth_code("nobody"), std::invalid_argument);
}

TEST_F(DingTalkDoubleTest, GetUserInfoRejectsABadToken) {
  add_judge();
  std::string code = dtd_->issue_auth_code("judge01");
  HttpResult r =
      post("/topapi/v2/user/getuserinfo?access_token=forged", Json::object({{"code", code}}));
  EXPECT_EQ(r.body["errcode"], 40014);
  EXPECT_EQ(r.body["errmsg"], "不合法的access_token");
  HttpResult missing = post("/topapi/v2/user/getuserinfo", Json::object({{"code", code}}));
  EXPECT_EQ(missing.body["errcode"], 40014);
}

TEST_F(DingTalkDoubleTest, UserGetReturnsTheUserOr60121) {
  add_judge();
  std::string t = token();
  HttpResult found =
      post("/topapi/v2/user/get?access_token=" + t, Json::object({{"userid", "judge01"}}));
  EXPECT_EQ(found.body["errcode"], 0);
  EXPECT_EQ(found.body["result"]["mobile"], "13800000001");
  EXPECT_EQ(found.body["result"]["dept_id_list"].at(0), 2);

  HttpResult missing =
      post("/topapi/v2/user/get?access_token=" + t, Json::object({{"userid", "nobody"}}));
  EXPECT_EQ(missing.body["errcode"], 60121);
  EXPECT_EQ(missing.body["errmsg"], "找不到该用户");
  EXPECT_THROW(dtd_->add_user(Json::object({{"name", "no id"}})), std::invalid_argument);
}

// --- work notifications -------------------------------------------------------------------------

TEST_F(DingTalkDoubleTest, WorkNoticeIsAcceptedAndRecorded) {
  std::string t = token();
  Json body =
      Json::object({{"agent_id", 1234}, {"userid_list", "judge01,clerk02"}, {"msg", text_msg()}});
  HttpResult r = post("/topapi/message/corpconversation/asyncsend_v2?access_token=" + t, body);
  ASSERT_EQ(r.body["errcode"], 0) << r.body.dump();
  EXPECT_TRUE(r.body["task_id"].is_number_integer());
  EXPECT_FALSE(r.body["request_id"].get<std::string>().empty());

  std::vector<Json> recorded = dtd_->requests("/topapi/message/");
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0]["method"], "POST");
  EXPECT_EQ(recorded[0]["path"], "/topapi/message/corpconversation/asyncsend_v2");
  EXPECT_EQ(recorded[0]["query"]["access_token"].get<std::string>(), t);
  EXPECT_EQ(recorded[0]["headers"]["content-type"], "application/json");
  EXPECT_EQ(recorded[0]["body"], body);
  EXPECT_EQ(recorded[0]["at"].get<int64_t>(), kStart);
  EXPECT_FALSE(recorded[0].contains("injected"));
  EXPECT_EQ(dtd_->requests().size(), 2u) << "gettoken is recorded too";
}

TEST_F(DingTalkDoubleTest, WorkNoticeValidation) {
  const std::string uri = "/topapi/message/corpconversation/asyncsend_v2?access_token=" + token();
  auto errcode = [&](const Json& body) { return post(uri, body).body["errcode"].get<int64_t>(); };
  const Json msg = text_msg();

  EXPECT_EQ(errcode(Json::object({{"userid_list", "a"}, {"msg", msg}})), 40035) << "no agent_id";
  EXPECT_EQ(errcode(Json::object({{"agent_id", 1}, {"msg", msg}})), 40035) << "no recipients";
  EXPECT_EQ(errcode(Json::object({{"agent_id", 1}, {"to_all_user", false}, {"msg", msg}})), 40035);
  EXPECT_EQ(errcode(Json::object({{"agent_id", 1}, {"userid_list", "a"}})), 40035) << "no msg";
  EXPECT_EQ(errcode(Json::object(
                {{"agent_id", 1}, {"userid_list", Json::array({"a", "b"})}, {"msg", msg}})),
            40035)
      << "lists are comma-separated strings on the wire";

  Json big = Json::object(
      {{"msgtype", "text"}, {"text", Json::object({{"content", std::string(2100, 'x')}})}});
  HttpResult too_big =
      post(uri, Json::object({{"agent_id", 1}, {"userid_list", "a"}, {"msg", big}}));
  EXPECT_EQ(too_big.body["errcode"], 40035);
  EXPECT_NE(too_big.body["errmsg"].get<std::string>().find("2048"), std::string::npos);

  EXPECT_EQ(errcode(Json::object({{"agent_id", "1234"}, {"dept_id_list", "2,3"}, {"msg", msg}})),
            0);
  EXPECT_EQ(errcode(Json::object({{"agent_id", 1}, {"to_all_user", true}, {"msg", msg}})), 0);
}

// --- custom group robot -------------------------------------------------------------------------

TEST_F(DingTalkDoubleTest, RobotSignMatchesTheOfficialVector) {
  // Protocol doc §3: the url-encoded form is hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D.
  EXPECT_EQ(robot_sign_base64("1577262236757", "this is secret"),
            "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
}

TEST_F(DingTalkDoubleTest, SignedRobotSendSucceeds) {
  dtd_->add_group_robot("court-group", "SECdemo");
  HttpResult r = post(signed_robot_uri("court-group", kStart - 1000, "SECdemo"), text_msg());
  EXPECT_EQ(r.body["errcode"], 0) << r.body.dump();
  EXPECT_EQ(r.body["errmsg"], "ok");
  std::vector<Json> recorded = dtd_->requests("/robot/send");
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0]["body"], text_msg());
}

TEST_F(DingTalkDoubleTest, RobotRejectsBadSignStaleTimestampAndUnknownToken) {
  dtd_->add_group_robot("court-group", "SECdemo");
  HttpResult wrong = post(signed_robot_uri("court-group", kStart, "SECother"), text_msg());
  EXPECT_EQ(wrong.body["errcode"], 310000);
  EXPECT_EQ(wrong.body["errmsg"], "sign not match");

  HttpResult unsigned_send = post("/robot/send?access_token=court-group", text_msg());
  EXPECT_EQ(unsigned_send.body["errcode"], 310000);

  HttpResult stale =
      post(signed_robot_uri("court-group", kStart - 60 * 60 * 1000 - 1, "SECdemo"), text_msg());
  EXPECT_EQ(stale.body["errcode"], 310000);

  HttpResult unknown = post("/robot/send?access_token=nope", text_msg());
  EXPECT_EQ(unknown.body["errcode"], 300001);
  EXPECT_EQ(unknown.body["errmsg"], "token is not exist");
}

TEST_F(DingTalkDoubleTest, UnsignedRobotNeedsNoSign) {
  dtd_->add_group_robot("plain", "");
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).body["errcode"], 0);
  HttpResult no_type = post("/robot/send?access_token=plain", Json::object({{"text", "hi"}}));
  EXPECT_EQ(no_type.body["errcode"], 40035);
}

TEST_F(DingTalkDoubleTest, RobotRateLimitSlidesOverSixtySeconds) {
  dtd_->add_group_robot("plain", "");
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(post("/robot/send?access_token=plain", text_msg()).body["errcode"], 0) << i;
    advance(1000);  // 20 sends spread over 20 s
  }
  HttpResult limited = post("/robot/send?access_token=plain", text_msg());
  EXPECT_EQ(limited.body["errcode"], 130101);
  EXPECT_EQ(limited.body["errmsg"], "send too fast, exceed 20 times per minute");

  advance(40'000);  // the first send leaves the window (sent at kStart, now kStart + 60 s)
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).body["errcode"], 0);
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).body["errcode"], 130101);
}

TEST_F(DingTalkDoubleTest, RobotRateLimitFollowsOptions) {
  DoubleOptions options;
  options.robot_per_minute = 2;
  start(options);
  dtd_->add_group_robot("plain", "");
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).body["errcode"], 0);
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).body["errcode"], 0);
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).body["errcode"], 130101);
}

TEST_F(DingTalkDoubleTest, SessionWebhookRepliesAreRecorded) {
  Json reply = Json::parse(R"({"msgtype":"markdown","markdown":{"title":"立案","text":"已受理"},)"
                           R"("at":{"atUserIds":["u1"]}})");
  HttpResult r = post("/robot/sendBySession?session=abc123", reply);
  EXPECT_EQ(r.body["errcode"], 0);
  std::vector<Json> recorded = dtd_->requests("/robot/sendBySession");
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0]["query"]["session"], "abc123");
  EXPECT_EQ(recorded[0]["body"], reply);
}

// --- interactive cards --------------------------------------------------------------------------

TEST_F(DingTalkDoubleTest, CardNeedsTheAcsTokenHeader) {
  Json card = Json::object({{"cardTemplateId", "tpl.schema"}, {"outTrackId", "case-42"}});
  HttpResult no_token = call("POST", "/v1.0/card/instances/createAndDeliver", card.dump());
  EXPECT_EQ(no_token.status, 401);
  EXPECT_EQ(no_token.body["code"], "InvalidAuthentication");

  std::string t = token();
  HttpResult ok = call("POST", "/v1.0/card/instances/createAndDeliver", card.dump(),
                       {{"x-acs-dingtalk-access-token", t}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_TRUE(ok.body["success"].get<bool>());
  EXPECT_EQ(ok.body["result"]["outTrackId"], "case-42");
  std::vector<Json> recorded = dtd_->requests("/v1.0/card/");
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded[1]["headers"]["x-acs-dingtalk-access-token"].get<std::string>(), t);
}

// --- failure injection --------------------------------------------------------------------------

TEST_F(DingTalkDoubleTest, FailNextFailsExactlyCountCallsAndRecordsThem) {
  dtd_->add_group_robot("plain", "");
  dtd_->fail_next("/robot/send", 2, 500, 0);
  for (int i = 0; i < 2; ++i) {
    HttpResult r = post("/robot/send?access_token=plain", text_msg());
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.body["errcode"], -1);
    EXPECT_EQ(r.body["errmsg"], "injected failure");
  }
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).status, 200);

  std::vector<Json> attempts = dtd_->requests("/robot/send");
  ASSERT_EQ(attempts.size(), 3u);
  EXPECT_TRUE(attempts[0]["injected"].get<bool>());
  EXPECT_TRUE(attempts[1]["injected"].get<bool>());
  EXPECT_FALSE(attempts[2].contains("injected"));
}

TEST_F(DingTalkDoubleTest, FailNextWithAnErrcodeAnswers200) {
  dtd_->add_group_robot("plain", "");
  dtd_->fail_next("/robot/send", 1, 200, 130101);
  dtd_->fail_next("/robot/send", 1, 502, 0);
  HttpResult first = post("/robot/send?access_token=plain", text_msg());
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body["errcode"], 130101);
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).status, 502) << "plans queue up";
  EXPECT_EQ(post("/robot/send?access_token=plain", text_msg()).body["errcode"], 0);
  EXPECT_THROW(dtd_->fail_next("/robot/send", 1, 200, 0), std::invalid_argument);
  EXPECT_THROW(dtd_->fail_next("/robot/send", 0, 500, 0), std::invalid_argument);
}

TEST_F(DingTalkDoubleTest, DownModeAnswers503UntilUp) {
  dtd_->set_down(true);
  HttpResult down = call("GET", "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret");
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(down.body["errcode"], -1);
  EXPECT_EQ(call("GET", "/__double/health").status, 200) << "control stays up";
  EXPECT_TRUE(dtd_->requests("/gettoken")[0]["injected"].get<bool>());
  dtd_->set_down(false);
  EXPECT_FALSE(token().empty());
}

// --- control endpoints --------------------------------------------------------------------------

TEST_F(DingTalkDoubleTest, ControlEndpointsDriveTheDoubleOverHttp) {
  EXPECT_EQ(call("GET", "/__double/health").body, Json::object({{"ok", true}}));

  ASSERT_EQ(
      post("/__double/users", Json::parse(R"({"userid":"clerk02","name":"李书记员"})")).status,
      200);
  HttpResult code = post("/__double/auth_codes", Json::object({{"userid", "clerk02"}}));
  ASSERT_EQ(code.status, 200);
  HttpResult login = post("/topapi/v2/user/getuserinfo?access_token=" + token(),
                          Json::object({{"code", code.body["code"]}}));
  EXPECT_EQ(login.body["result"]["name"], "李书记员");

  ASSERT_EQ(post("/__double/robots", Json::object({{"access_token", "r"}, {"secret", ""}})).status,
            200);
  ASSERT_EQ(post("/__double/fail",
                 Json::object(
                     {{"path", "/robot/send"}, {"count", 1}, {"status", 200}, {"errcode", 310000}}))
                .status,
            200);
  EXPECT_EQ(post("/robot/send?access_token=r", text_msg()).body["errcode"], 310000);
  EXPECT_EQ(post("/robot/send?access_token=r", text_msg()).body["errcode"], 0);

  HttpResult listed = call("GET", "/__double/requests?path=/robot/");
  ASSERT_EQ(listed.body["requests"].size(), 2u);
  EXPECT_TRUE(listed.body["requests"].at(0)["injected"].get<bool>());

  ASSERT_EQ(post("/__double/down", Json::object({{"down", true}})).status, 200);
  EXPECT_EQ(post("/robot/send?access_token=r", text_msg()).status, 503);
  ASSERT_EQ(post("/__double/down", Json::object({{"down", false}})).status, 200);

  ASSERT_EQ(post("/__double/reset", Json::object()).status, 200);
  EXPECT_EQ(call("GET", "/__double/requests").body["requests"].size(), 0u);
  EXPECT_EQ(post("/robot/send?access_token=r", text_msg()).body["errcode"], 0)
      << "robots survive reset";
}

TEST_F(DingTalkDoubleTest, ControlEndpointsExplainBadInput) {
  HttpResult no_path = post("/__double/fail", Json::object({{"count", 1}}));
  EXPECT_EQ(no_path.status, 400);
  EXPECT_FALSE(no_path.body["error"].get<std::string>().empty());
  EXPECT_EQ(post("/__double/auth_codes", Json::object({{"userid", "ghost"}})).status, 400);
  EXPECT_EQ(call("POST", "/__double/users", "not json").status, 400);
  EXPECT_EQ(call("GET", "/__double/reset").status, 405);
  EXPECT_EQ(call("GET", "/__double/nothing").status, 404);
  EXPECT_TRUE(dtd_->requests().empty()) << "control calls are not recorded";
}

TEST_F(DingTalkDoubleTest, ResetForgetsCallsAndCodesButKeepsUsersAndTokens) {
  add_judge();
  std::string t = token();
  std::string code = dtd_->issue_auth_code("judge01");
  dtd_->fail_next("/gettoken", 1, 500, 0);
  dtd_->reset();
  EXPECT_TRUE(dtd_->requests().empty());
  EXPECT_EQ(post("/topapi/v2/user/getuserinfo?access_token=" + t, Json::object({{"code", code}}))
                .body["errcode"]
                .get<int64_t>(),
            40078);
  EXPECT_EQ(post("/topapi/v2/user/get?access_token=" + t, Json::object({{"userid", "judge01"}}))
                .body["errcode"]
                .get<int64_t>(),
            0);
  EXPECT_FALSE(token().empty()) << "the failure plan was forgotten";
}

// --- everything else ----------------------------------------------------------------------------

TEST_F(DingTalkDoubleTest, UnknownPathsAnswer404AndAreRecorded) {
  HttpResult r = post("/topapi/v2/department/listsub?access_token=x", Json::object());
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body["errcode"], 404);
  EXPECT_EQ(r.body["errmsg"].get<std::string>(),
            "no such API in the DingTalk double: /topapi/v2/department/listsub");
  EXPECT_EQ(dtd_->requests("/topapi/v2/department").size(), 1u);
  EXPECT_EQ(call("GET", "/robot/send").status, 405);
}

TEST_F(DingTalkDoubleTest, BaseUrlNamesTheBoundPortAndRestartWorks) {
  EXPECT_NE(dtd_->port(), 0);
  EXPECT_EQ(dtd_->base_url(), "http://127.0.0.1:" + std::to_string(dtd_->port()));
  EXPECT_THROW(dtd_->start(), std::logic_error);
  dtd_->stop();
  dtd_->stop();
  dtd_->start();
  EXPECT_EQ(call("GET", "/__double/health").status, 200);
}

TEST_F(DingTalkDoubleTest, ASecondDoubleCannotShareThePort) {
  DoubleOptions options;
  options.port = dtd_->port();
  DingTalkDouble second(options);
  EXPECT_ANY_THROW(second.start());
}

TEST_F(DingTalkDoubleTest, StopDoesNotWaitForIdleKeepAliveConnections) {
  // A host under test keeps its HTTP session open; stopping the double must not hang on it.
  Poco::Net::HTTPClientSession session("127.0.0.1", dtd_->port());
  session.setKeepAlive(true);
  Poco::Net::HTTPRequest request("GET", "/__double/health", Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::string ignored;
  Poco::StreamCopier::copyToString(session.receiveResponse(response), ignored);
  ASSERT_TRUE(response.getKeepAlive());

  const auto begun = std::chrono::steady_clock::now();
  dtd_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - begun, std::chrono::seconds(2));
}

TEST_F(DingTalkDoubleTest, ConcurrentCallsAreAllAnsweredAndRecorded) {
  dtd_->add_group_robot("plain", "");
  constexpr int kThreads = 4, kCalls = 10;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < kCalls; ++j) {
        if (call("GET", "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret")
                .body["errcode"]
                .get<int64_t>() == 0) {
          ++ok;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kCalls);
  EXPECT_EQ(dtd_->requests("/gettoken").size(), static_cast<size_t>(kThreads * kCalls));
}

}  // namespace
}  // namespace courthub::dingtalk_double
