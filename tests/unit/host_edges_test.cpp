// SPDX-License-Identifier: Apache-2.0
// Small host pieces: log redaction and request ids, session tokens, metrics exposition.
#include <gtest/gtest.h>

#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>

#include <optional>

#include "host/http/identity.hpp"
#include "host/http/metrics.hpp"
#include "host/http/session_token.hpp"
#include "host/log.hpp"

namespace courthub {
namespace {

constexpr std::string_view kStaff = http::kStaffAudience;

TEST(Log, SecretsAreMaskedAndLinesCarryTheRequestId) {
  std::vector<std::string> lines;
  log::set_sink([&](std::string_view l) { lines.emplace_back(l); });
  log::redact("super-secret-token-value");
  {
    log::RequestScope scope("req-123");
    log::info("plugin:x", "calling with token super-secret-token-value twice super-secret-token-value");
  }
  log::info("plugin:x", "outside");
  log::set_sink(nullptr);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].find("super-secret"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("token *** twice ***"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("[plugin:x] req=req-123 "), std::string::npos);
  EXPECT_EQ(lines[1].find("req="), std::string::npos);
}

TEST(SessionTokens, IssueVerifyExpireForge) {
  http::SessionTokens tokens("a-secret-of-sufficient-length", 600);
  std::string t = tokens.issue("LN-HC-001", kStaff, 1000);
  auto s = tokens.verify(t, kStaff, 1500);
  ASSERT_TRUE(s.ok()) << s.outcome().message();
  EXPECT_EQ(s->user_id, "LN-HC-001");
  EXPECT_EQ(s->expires_at, 1600);
  EXPECT_EQ(tokens.verify(t, kStaff, 1600).outcome().message(),
            "session token has expired; log in again");
  http::SessionTokens other("another-secret-of-good-length", 600);
  EXPECT_FALSE(other.verify(t, kStaff, 1500).ok());
  // An unsigned token ("alg":"none") is never accepted.
  std::string none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
                     "eyJzdWIiOiJMTi1IQy0wMDEiLCJpc3MiOiJjb3VydGh1YiIsImV4cCI6OTk5OTk5OTk5OX0.";
  EXPECT_FALSE(tokens.verify(none, kStaff, 1500).ok());
  EXPECT_FALSE(tokens.verify("garbage", kStaff, 1500).ok());
  EXPECT_FALSE(tokens.verify("", kStaff, 1500).ok());
}

// An outside user's session names the plugin it belongs to; staff sessions are never issued
// this way, and the authenticator lets a portal's own sessions through, nobody else's.
TEST(SessionTokens, OutsideSessionsNameTheirPluginAndOpenOnlyItsPortal) {
  http::SessionTokens tokens("a-secret-of-sufficient-length", 600);
  EXPECT_FALSE(tokens.issue_outside("lawyers", kStaff, "LN-HC-001", 1000).ok());
  auto t = tokens.issue_outside("lawyers", "lawyer", "17", 1000);
  ASSERT_TRUE(t.ok()) << t.outcome().message();
  auto s = tokens.verify(*t, "lawyer", 1001);
  ASSERT_TRUE(s.ok()) << s.outcome().message();
  EXPECT_EQ(s->plugin, "lawyers");
  EXPECT_EQ(s->user_id, "17");
  EXPECT_FALSE(tokens.verify(*t, kStaff, 1001).ok());

  http::Authenticator auth("the-admin-token", &tokens, kStaff, nullptr);
  auto who = auth.authenticate_outsider(*t, "lawyer", "lawyers", 1001);
  ASSERT_TRUE(who.ok()) << who.outcome().message();
  EXPECT_EQ(who->kind, static_cast<uint32_t>(CH_CALLER_OUTSIDER));
  EXPECT_EQ(who->user_id, "17");
  EXPECT_EQ(who->session_issued_at, 1000);
  EXPECT_FALSE(auth.authenticate_outsider(*t, "lawyer", "rooms", 1001).ok());
  EXPECT_FALSE(auth.authenticate_outsider("the-admin-token", "lawyer", "lawyers", 1001).ok());
  EXPECT_FALSE(auth.authenticate_outsider(tokens.issue("LN-HC-001", kStaff, 1000), "lawyer",
                                          "lawyers", 1001).ok());
  EXPECT_FALSE(auth.authenticate(*t, 1001).ok());  // a staff route

  // The same rule as the harness applies it, from an identity.
  EXPECT_TRUE(http::admits("lawyer", *who).ok());
  EXPECT_FALSE(http::admits("", *who).ok());
  EXPECT_FALSE(http::admits("lawyer", http::Identity::admin()).ok());
  EXPECT_TRUE(http::admits("", http::Identity::admin()).ok());
}

TEST(SessionTokens, RememberedTokensStillExpireAndForgeriesStillFail) {
  http::SessionTokens tokens("a-secret-of-sufficient-length", 600);
  std::string t = tokens.issue("LN-HC-001", kStaff, 1000);
  ASSERT_TRUE(tokens.verify(t, kStaff, 1001).ok());  // now remembered
  std::string forged = t;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(tokens.verify(forged, kStaff, 1001).outcome().message(),
            "session token signature is not valid");
  EXPECT_FALSE(tokens.verify(t + "x", kStaff, 1001).ok());
  // More distinct tokens than the cache holds: each still verifies, the first still expires.
  for (size_t i = 0; i < http::SessionTokens::kCacheSize + 10; ++i) {
    std::string u =
        tokens.issue("user-" + std::to_string(i), kStaff, 1000 + static_cast<int64_t>(i % 7));
    auto s = tokens.verify(u, kStaff, 1100);
    ASSERT_TRUE(s.ok()) << i;
    EXPECT_EQ(s->user_id, "user-" + std::to_string(i));
  }
  ASSERT_TRUE(tokens.verify(t, kStaff, 1599).ok());
  EXPECT_FALSE(tokens.verify(t, kStaff, 1600).ok());
}

// A session token opens only the doors of its own audience: a lawyer's token, correctly signed
// by the same host, is refused by the staff side (and the reverse), remembered or not.
TEST(SessionTokens, ATokenIsAcceptedOnlyForItsOwnAudience) {
  http::SessionTokens tokens("a-secret-of-sufficient-length", 600);
  std::string staff = tokens.issue("LN-HC-001", http::kStaffAudience, 1000);
  std::string lawyer = tokens.issue("LAWYER-7", http::kLawyerAudience, 1000);
  auto s = tokens.verify(staff, http::kStaffAudience, 1001);
  ASSERT_TRUE(s.ok()) << s.outcome().message();
  EXPECT_EQ(s->audience, "staff");
  EXPECT_EQ(tokens.verify(lawyer, http::kStaffAudience, 1001).outcome().message(),
            "session token is for another audience (lawyer)");
  EXPECT_FALSE(tokens.verify(staff, http::kLawyerAudience, 1001).ok());  // remembered, still no
  EXPECT_TRUE(tokens.verify(lawyer, http::kLawyerAudience, 1001).ok());
  EXPECT_FALSE(tokens.verify(lawyer, http::kStaffAudience, 1002).ok());  // remembered, still no
}

// A token signed with the host's secret but claiming to be issued, or valid only, in the future
// is refused: a little clock skew between hosts is tolerated, a year is not.
TEST(SessionTokens, TokensFromTheFutureAreRefused) {
  const std::string secret = "a-secret-of-sufficient-length";
  http::SessionTokens tokens(secret, 600);
  auto sign = [&](int64_t iat, std::optional<int64_t> nbf) {
    Poco::JWT::Token t;
    t.setType("JWT");
    t.setIssuer("courthub");
    t.setAudience(std::string(kStaff));
    t.setSubject("LN-HC-001");
    t.setIssuedAt(Poco::Timestamp::fromEpochTime(iat));
    if (nbf) t.setNotBefore(Poco::Timestamp::fromEpochTime(*nbf));
    t.setExpiration(Poco::Timestamp::fromEpochTime(iat + 400 * 86400));
    return Poco::JWT::Signer(secret).sign(t, Poco::JWT::Signer::ALGO_HS256);
  };
  const int64_t now = 1'800'000'000;
  const int64_t skew = http::SessionTokens::kClockSkewSeconds;
  EXPECT_TRUE(tokens.verify(sign(now, std::nullopt), kStaff, now).ok());
  EXPECT_TRUE(tokens.verify(sign(now + skew, now + skew), kStaff, now).ok());  // skew tolerated
  EXPECT_EQ(tokens.verify(sign(now + 365 * 86400, std::nullopt), kStaff, now).outcome().message(),
            "session token is issued in the future");
  EXPECT_EQ(tokens.verify(sign(now + skew + 1, std::nullopt), kStaff, now).outcome().message(),
            "session token is issued in the future");
  EXPECT_EQ(tokens.verify(sign(now, now + 3600), kStaff, now).outcome().message(),
            "session token is not valid yet");
  // Remembered tokens are judged against the clock on every call: valid once its time comes.
  std::string later = sign(now, now + 3600);
  EXPECT_FALSE(tokens.verify(later, kStaff, now).ok());
  EXPECT_TRUE(tokens.verify(later, kStaff, now + 3600).ok());
}

TEST(Metrics, RendersPrometheusText) {
  http::Metrics m;
  m.describe("requests_total", "counter", "Requests");
  m.count("requests_total", {{"route", "/a"}, {"status", "200"}});
  m.count("requests_total", {{"route", "/a"}, {"status", "200"}}, 2);
  m.observe("latency_seconds", {{"route", "/a"}}, 0.003);
  m.gauge("up", "Up", [] { return 1.0; }, {{"version", "1"}});
  std::string text = m.render();
  EXPECT_NE(text.find("# HELP requests_total Requests\n# TYPE requests_total counter\n"
                      "requests_total{route=\"/a\",status=\"200\"} 3\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("latency_seconds_bucket{route=\"/a\",le=\"0.0025\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_bucket{route=\"/a\",le=\"0.005\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_bucket{route=\"/a\",le=\"+Inf\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_count{route=\"/a\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("up{version=\"1\"} 1\n"), std::string::npos);
}

}  // namespace
}  // namespace courthub
