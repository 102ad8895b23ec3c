// SPDX-License-Identifier: Apache-2.0
// The HTTP edge over real sockets: health, limits, errors, containment, identity, request ids,
// metrics.
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "bundled_plugins.hpp"
#include "host_process.hpp"

namespace courthub::it {
namespace {

class HttpEdge : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new HostProcess(
        test_config("  - name: hello\n  - name: throws_in_handler\n"
                    // Six callers at once queue behind its one call (the default is 4).
                    "    limits: {max_queued: 8}\n  - name: sdk_probe\n"));
  }
  static void TearDownTestSuite() {
    delete host_;
    host_ = nullptr;
  }
  static HostProcess* host_;
};
HostProcess* HttpEdge::host_ = nullptr;

TEST_F(HttpEdge, HealthNeedsNoAuth) {
  auto r = host_->get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["status"], "ok");
}

TEST_F(HttpEdge, UnknownRouteIs404WithJsonError) {
  auto r = host_->get("/no/such/thing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.json()["error"]["code"], "not_found");
  EXPECT_FALSE(r.json()["request_id"].get<std::string>().empty());
}

TEST_F(HttpEdge, AdminWithoutTokenIs401AndWrongTokenToo) {
  EXPECT_EQ(host_->get("/admin/plugins").status, 401);
  EXPECT_EQ(host_->get("/admin/plugins", "wrong-token").status, 401);
  EXPECT_EQ(host_->admin_get("/admin/plugins").status, 200);
}

TEST_F(HttpEdge, AppsWithoutCredentialsIs401) {
  auto r = host_->post("/apps/hello/greetings", R"({"to":"x"})");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.headers["WWW-Authenticate"], "Bearer realm=\"courthub\"");
  EXPECT_EQ(host_->post("/apps/hello/greetings", R"({"to":"x"})", "forged.jwt.token").status, 401);
}

TEST_F(HttpEdge, PublicRoutesNeedNoLoginAndAlwaysSeeAnAnonymousCaller) {
  auto r = host_->get("/apps/sdk_probe/public/caller");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()["anonymous"].get<bool>()) << r.body;
  // A token changes nothing there: the answer is the same for everybody.
  r = host_->get("/apps/sdk_probe/public/caller", session_token("T-BC-01-011"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()["anonymous"].get<bool>()) << r.body;
  EXPECT_EQ(r.json()["user_id"], "");
  // Only /public/ itself: the rest of the plugin, and look-alike paths, still want a login.
  EXPECT_EQ(host_->get("/apps/sdk_probe/now").status, 401);
  EXPECT_EQ(host_->get("/apps/sdk_probe/publicity").status, 401);
  EXPECT_EQ(host_->get("/apps/sdk_probe/public").status, 401);
}

TEST_F(HttpEdge, StaffSessionReachesThePluginWithTheCallersIdentity) {
  auto r = host_->get("/apps/throws_in_handler/ok", session_token("T-BC-01-011"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["caller"], "T-BC-01-011");
}

// A token correctly signed with the host's secret but minted for the lawyers' portal (aud
// "lawyer") names a real member of staff; the staff side must still refuse it. Built with
// Poco::JWT directly, as a forger holding a lawyer's token would see it.
TEST_F(HttpEdge, SessionTokenOfAnotherAudienceIs401) {
  auto signed_for = [](const std::string& audience) {
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setIssuer("courthub");
    token.setAudience(audience);
    token.setSubject("T-BC-01-011");
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    token.setIssuedAt(Poco::Timestamp::fromEpochTime(now));
    token.setExpiration(Poco::Timestamp::fromEpochTime(now + 600));
    return Poco::JWT::Signer(kSessionSecret).sign(token, Poco::JWT::Signer::ALGO_HS256);
  };
  auto r = host_->get("/apps/throws_in_handler/ok", signed_for("lawyer"));
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_NE(r.body.find("another audience"), std::string::npos) << r.body;
  EXPECT_EQ(host_->get("/apps/throws_in_handler/ok", signed_for("staff")).status, 200);
}

// SDK 2.2: a plugin signs an outside user in (issue_session) and serves them on its portal
// routes. The host lets only that plugin's lawyer sessions through there, and keeps them off
// every staff route.
TEST_F(HttpEdge, PortalRoutesTakeOnlyTheirOwnPluginsOutsideSessions) {
  auto r = host_->post("/apps/sdk_probe/public/sign-in", R"({"subject": "17"})");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string lawyer = r.json()["token"].get<std::string>();
  EXPECT_GT(r.json()["expires_at"].get<int64_t>(), 0);

  r = host_->get("/apps/sdk_probe/portal/whoami", lawyer);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()["outsider"].get<bool>()) << r.body;
  EXPECT_EQ(r.json()["user_id"], "17");
  EXPECT_EQ(r.json()["audience"], "lawyer");
  EXPECT_GT(r.json()["session_issued_at"].get<int64_t>(), 0);

  // Nobody else reaches the portal: no token, the operator's, a member of staff's.
  for (const std::string& other : {std::string(), std::string(kAdminToken),
                                   session_token("T-BC-01-011")}) {
    r = host_->get("/apps/sdk_probe/portal/whoami", other);
    EXPECT_EQ(r.status, 401) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], "unauthenticated") << r.body;
  }
  // A lawyer session signed by this host but for another plugin's portal.
  Poco::JWT::Token forged;
  forged.setType("JWT");
  forged.setIssuer("courthub");
  forged.setAudience("lawyer");
  forged.setSubject("17");
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  forged.setIssuedAt(Poco::Timestamp::fromEpochTime(now));
  forged.setExpiration(Poco::Timestamp::fromEpochTime(now + 600));
  forged.payload().set("plg", std::string("hello"));
  r = host_->get("/apps/sdk_probe/portal/whoami",
                 Poco::JWT::Signer(kSessionSecret).sign(forged, Poco::JWT::Signer::ALGO_HS256));
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_NE(r.body.find("another portal"), std::string::npos) << r.body;

  // The lawyer's session opens no staff route, of this plugin or another.
  EXPECT_EQ(host_->get("/apps/sdk_probe/now", lawyer).status, 401);
  r = host_->get("/apps/throws_in_handler/ok", lawyer);
  EXPECT_EQ(r.status, 401) << r.body;

  // A plugin says when a sign-in no longer holds; staff sessions are never issued this way.
  r = host_->get("/apps/sdk_probe/portal/ended", lawyer);
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(r.json()["error"]["code"], "unauthenticated") << r.body;
  r = host_->post("/apps/sdk_probe/public/sign-in", R"({"subject": "T-BC-01-011", "audience": "staff"})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.body.find("eyJ"), std::string::npos) << r.body;  // no token came back
}

TEST_F(HttpEdge, SessionOfSomeoneNotInTheDirectoryIs401) {
  auto r = host_->get("/apps/throws_in_handler/ok", session_token("nobody-here"));
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("no longer in the directory"), std::string::npos);
}

TEST_F(HttpEdge, PluginsSeeTheRequestHeadersButNeverTheCredentials) {
  auto r = http(host_->port(), "GET", "/apps/sdk_probe/headers", "",
                {{"Authorization", std::string("Bearer ") + kAdminToken},
                 {"X-Trace-Id", "trace-7"},
                 {"Cookie", "session=1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  Json seen = Json::object();
  for (Json doc = r.json(); auto& h : doc["headers"]) seen[h.at(0).get<std::string>()] = h.at(1);
  EXPECT_EQ(seen["x-trace-id"].get<std::string>(), "trace-7") << r.body;
  EXPECT_TRUE(seen["host"].is_string()) << r.body;
  EXPECT_FALSE(seen.contains("authorization")) << r.body;
  EXPECT_FALSE(seen.contains("cookie")) << r.body;
  EXPECT_EQ(r.body.find(kAdminToken), std::string::npos);
}

TEST_F(HttpEdge, HeadersOverSixteenKibibytesAre431ForAPlugin) {
  std::vector<std::pair<std::string, std::string>> headers{
      {"Authorization", std::string("Bearer ") + kAdminToken}};
  for (int i = 0; i < 3; ++i) headers.emplace_back("X-Pad-" + std::to_string(i), std::string(6000, 'p'));
  auto r = http(host_->port(), "GET", "/apps/sdk_probe/headers", "", headers);
  EXPECT_EQ(r.status, 431) << r.body;
  EXPECT_EQ(r.json()["error"]["code"].get<std::string>(), "headers_too_large");
}

TEST_F(HttpEdge, MalformedJsonIs400AndNeverReachesThePlugin) {
  auto r = host_->post("/apps/hello/greetings", "{\"to\": ", kAdminToken);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["code"], "invalid_json");
}

TEST_F(HttpEdge, MalformedRequestLineIs400WithJsonAndTheConnectionCloses) {
  std::string reply = raw_exchange(host_->port(), "GARBAGE\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_NE(reply.find("\"code\":\"invalid_argument\""), std::string::npos) << reply;
  EXPECT_NE(reply.find("malformed HTTP request"), std::string::npos) << reply;
  EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
  EXPECT_EQ(host_->get("/healthz").status, 200);
}

TEST_F(HttpEdge, OneKeepAliveConnectionServesPipelinedRequestsWithADate) {
  // Three requests sent at once: the second and third are already read when the first is
  // answered, so the connection must serve them without waiting for more input.
  const std::string get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string reply = raw_exchange(host_->port(), get + get +
                                                      "GET /healthz HTTP/1.1\r\nHost: x\r\n"
                                                      "Connection: close\r\n\r\n");
  size_t answers = 0;
  for (size_t at = reply.find("HTTP/1.1 200"); at != std::string::npos;
       at = reply.find("HTTP/1.1 200", at + 1)) {
    ++answers;
  }
  EXPECT_EQ(answers, 3u) << reply;
  // An IMF-fixdate, e.g. "Date: Thu, 26 Nov 2026 22:38:31 GMT".
  auto date = reply.find("\r\nDate: ");
  ASSERT_NE(date, std::string::npos) << reply;
  std::string value = reply.substr(date + 8, reply.find("\r\n", date + 2) - date - 8);
  EXPECT_EQ(value.size(), 29u) << value;
  EXPECT_EQ(value.substr(value.size() - 4), " GMT") << value;
  EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
}

// An endpoint that answers without reading the body (405 here; /admin/reload never reads its
// "{}") must not leave it on the connection, where it would prefix the next request ("{}GET").
TEST_F(HttpEdge, AnUnreadBodyDoesNotSpillIntoTheNextRequest) {
  std::string reply = raw_exchange(
      host_->port(),
      "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2\r\n\r\n{}"
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 405", 0), 0u) << reply;
  EXPECT_NE(reply.find("HTTP/1.1 200 OK"), std::string::npos) << reply;
  EXPECT_EQ(reply.find("{}GET"), std::string::npos) << reply;
  std::string chunked = raw_exchange(
      host_->port(),
      "POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "2\r\n{}\r\n0\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(chunked.find("HTTP/1.1 200 OK"), std::string::npos) << chunked;
}

TEST_F(HttpEdge, BodyOverTheLimitIs413WithoutReadingIt) {
  // Announce 2 MiB (over the default 1 MiB limit) and send only a little: the host must answer
  // from the header alone and close the connection.
  std::string reply = raw_exchange(
      host_->port(), "POST /apps/hello/greetings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                         std::string(kAdminToken) +
                         "\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n{\"to\":");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413 ", 0), 0u) << reply;
  EXPECT_NE(reply.find("payload_too_large"), std::string::npos);
  EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
  EXPECT_EQ(host_->get("/healthz").status, 200);
}

TEST_F(HttpEdge, ChunkedBodyOverTheLimitIs413Too) {
  std::string chunk(64 * 1024, 'x');
  char size[16];
  snprintf(size, sizeof size, "%zx", chunk.size());
  std::string raw = "POST /apps/hello/greetings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                    std::string(kAdminToken) +
                    "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 20; ++i) raw += std::string(size) + "\r\n" + chunk + "\r\n";
  raw += "0\r\n\r\n";
  std::string reply = raw_exchange(host_->port(), raw);
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 200);
}

TEST_F(HttpEdge, PluginThatThrowsGives500NamingItWithoutLeakingAndTheHostLives) {
  auto r = host_->get("/apps/throws_in_handler/boom", kAdminToken);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.json()["error"]["plugin"], "throws_in_handler");
  EXPECT_EQ(r.body.find("secret internal detail"), std::string::npos) << r.body;
  // The detail is in the log, on a line carrying the same request id.
  std::string rid = r.headers["X-Request-Id"];
  ASSERT_FALSE(rid.empty());
  std::string log = host_->log();
  auto line_start = log.find("req=" + rid);
  ASSERT_NE(line_start, std::string::npos) << log;
  EXPECT_NE(log.find("secret internal detail", line_start), std::string::npos);
  // Still serving, the same plugin included.
  EXPECT_EQ(host_->get("/apps/throws_in_handler/ok", kAdminToken).status, 200);
}

TEST_F(HttpEdge, IncomingRequestIdIsKept) {
  auto r = http(host_->port(), "GET", "/healthz", "", {{"X-Request-Id", "trace-abc-123"}});
  EXPECT_EQ(r.headers["X-Request-Id"], "trace-abc-123");
}

TEST_F(HttpEdge, WrongMethodIs405WithAllow) {
  auto r = host_->get("/apps/hello/greetings", kAdminToken);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers["Allow"], "POST");
}

TEST_F(HttpEdge, PluginThatIsNotThreadSafeIsCalledOneAtATime) {
  std::vector<std::future<HttpResponse>> calls;
  for (int i = 0; i < 6; ++i) {
    calls.push_back(std::async(std::launch::async, [] {
      return host_->get("/apps/throws_in_handler/slow", kAdminToken);
    }));
  }
  for (auto& c : calls) {
    auto r = c.get();
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["max_inside"], 1);
  }
}

TEST_F(HttpEdge, MetricsCountRequestsPerRouteAndPlugin) {
  host_->get("/apps/throws_in_handler/ok", kAdminToken);
  host_->get("/apps/throws_in_handler/boom", kAdminToken);
  auto r = host_->get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("courthub_http_requests_total{route=\"/apps/throws_in_handler/ok\","
                        "plugin=\"throws_in_handler\",method=\"GET\",status=\"200\"}"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("courthub_http_request_duration_seconds_bucket{route=\"/apps/"
                        "throws_in_handler/ok\",plugin=\"throws_in_handler\",le=\"0.005\"}"),
            std::string::npos);
  EXPECT_NE(r.body.find("courthub_plugin_errors_total{plugin=\"throws_in_handler\",kind=\"http\"}"),
            std::string::npos);
  EXPECT_NE(r.body.find("courthub_build_info{version=\""), std::string::npos);
}

}  // namespace
}  // namespace courthub::it
