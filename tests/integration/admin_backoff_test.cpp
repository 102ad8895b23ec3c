// SPDX-License-Identifier: Apache-2.0
// Admin-token guesses over HTTP (issue 17 §3): after five wrong tokens an address waits (429 +
// Retry-After, doubling), other addresses are not held back, a success resets, the refusals are
// counted, audited once and logged at most once a minute. The guesser speaks from 127.0.0.2,
// the operator from 127.0.0.1; time moves on the host's test clock.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "host_process.hpp"

namespace courthub::it {
namespace {

constexpr int64_t kStart = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

// One request from `from` (Connection: close; `forwarded_for` as X-Forwarded-For when set): the
// status, Retry-After, and the body.
struct Answer {
  int status = 0;
  std::string retry_after;
  std::string body;
};
Answer from_address(const char* from, uint16_t port, const std::string& path,
                    const std::string& bearer, const std::string& forwarded_for = {}) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  inet_pton(AF_INET, from, &local.sin_addr);
  sockaddr_in remote{};
  remote.sin_family = AF_INET;
  remote.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
  Answer a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
    ::close(fd);
    return a;
  }
  std::string req = "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + bearer +
                    "\r\nConnection: close\r\n";
  if (!forwarded_for.empty()) req += "X-Forwarded-For: " + forwarded_for + "\r\n";
  req += "\r\n";
  (void)::send(fd, req.data(), req.size(), 0);
  std::string raw;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) raw.append(buf, n);
  ::close(fd);
  if (raw.size() > 12) a.status = std::stoi(raw.substr(9, 3));
  size_t ra = raw.find("\r\nRetry-After: ");
  if (ra != std::string::npos) a.retry_after = raw.substr(ra + 15, raw.find("\r\n", ra + 15) - ra - 15);
  size_t end = raw.find("\r\n\r\n");
  if (end != std::string::npos) a.body = raw.substr(end + 4);
  return a;
}

Answer from_other_address(uint16_t port, const std::string& path, const std::string& bearer,
                          const std::string& forwarded_for = {}) {
  return from_address("127.0.0.2", port, path, bearer, forwarded_for);
}

size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

class AdminBackoff : public ::testing::Test {
 protected:
  AdminBackoff()
      : host_(test_config("  - name: hello\n"), {}, {{"COURTHUB_TEST_CLOCK_MS", std::to_string(kStart)}}) {}
  void advance(int64_t ms) {
    auto r = host_.admin_post("/admin/clock", Json::object({{"advance_ms", ms}}).dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }
  std::string metric() {
    std::string m = host_.get("/metrics").body;
    size_t at = m.find("\ncourthub_admin_auth_failures_total ");
    return at == std::string::npos ? "missing" : m.substr(at + 36, m.find('\n', at + 1) - at - 36);
  }
  HostProcess host_;
};

TEST_F(AdminBackoff, WrongTokensFromOneAddressWaitDoublingAndASuccessResets) {
  for (int i = 0; i < 5; ++i) {
    Answer a = from_other_address(host_.port(), "/admin/plugins", "guess-" + std::to_string(i));
    ASSERT_EQ(a.status, 401) << i << " " << a.body;
  }
  // The sixth attempt is not even compared: even the right token waits.
  for (const std::string token : {std::string("guess-5"), std::string(kAdminToken)}) {
    Answer a = from_other_address(host_.port(), "/admin/plugins", token);
    EXPECT_EQ(a.status, 429) << a.body;
    EXPECT_EQ(a.retry_after, "1");
    Json body = Json::parse(a.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << a.body;
    EXPECT_EQ(body["error"]["code"], "too_many_requests");
  }
  // The guesses on /apps are the same guesses.
  EXPECT_EQ(from_other_address(host_.port(), "/apps/hello/greet", "guess-6").status, 429);
  // Another address is not held back.
  EXPECT_EQ(host_.admin_get("/admin/plugins").status, 200);
  EXPECT_EQ(metric(), "5");

  advance(1'000);
  EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", "guess-7").status, 401);
  Answer doubled = from_other_address(host_.port(), "/admin/plugins", "guess-8");
  EXPECT_EQ(doubled.status, 429);
  EXPECT_EQ(doubled.retry_after, "2");

  advance(2'000);
  EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", kAdminToken).status, 200);
  for (int i = 0; i < 5; ++i)  // afresh: five free failures again
    EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", "again").status, 401);
  EXPECT_EQ(metric(), "11");

  // Audited when the address started waiting (twice: before and after the reset).
  auto audit = host_.admin_get("/admin/audit?limit=100");
  ASSERT_EQ(audit.status, 200);
  EXPECT_EQ(count_of(audit.body, "\"admin.auth_backoff\""), 2u) << audit.body;
  EXPECT_NE(audit.body.find("127.0.0.2"), std::string::npos);

  // Eleven refusals within one minute of the host's clock: one WARN line; a minute later the
  // next line says how many were left out.
  const std::string line = "from 127.0.0.2: missing or wrong admin token";
  EXPECT_EQ(count_of(host_.log(), line), 1u) << host_.log();
  advance(60'000);
  EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", "later").status, 401);
  EXPECT_EQ(count_of(host_.log(), line), 2u);
  EXPECT_NE(host_.log().find("(and 10 more refusals from this address"), std::string::npos)
      << host_.log();
}

TEST_F(AdminBackoff, ExpiredOrForgedSessionsDoNotLockAnAddressOut) {
  // A JWT-shaped bearer is a session, not an admin-token guess: staff behind one NAT address
  // with stale sessions keep their access.
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", "a.b.c").status, 401);
  EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", kAdminToken).status, 200);
  EXPECT_EQ(metric(), "0");
}

TEST_F(AdminBackoff, WithoutTrustedProxiesXForwardedForIsIgnored) {
  // Each guess claims another client; all of them come from 127.0.0.2.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", "guess",
                                 "203.0.113." + std::to_string(i)).status, 401);
  }
  EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", "guess", "198.51.100.1").status,
            429);
}

// Behind a balancer (server.trusted_proxies): the client is the one the proxy forwarded for.
class AdminBackoffBehindAProxy : public ::testing::Test {
 protected:
  static std::string config() {
    std::string yaml = test_config("  - name: hello\n");
    const std::string threads = "  threads: 8\n";
    return yaml.replace(yaml.find(threads), threads.size(),
                        threads + "  trusted_proxies: [\"127.0.0.2/32\"]\n");
  }
  AdminBackoffBehindAProxy()
      : host_(config(), {}, {{"COURTHUB_TEST_CLOCK_MS", std::to_string(kStart)}}) {}
  HostProcess host_;
};

TEST_F(AdminBackoffBehindAProxy, EachForwardedClientWaitsOnItsOwn) {
  // The "proxy" 127.0.0.2 forwards five wrong guesses of 203.0.113.5 (after a forged entry).
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", "guess",
                                 "10.9.9.9, 203.0.113.5").status, 401);
  }
  Answer held = from_other_address(host_.port(), "/admin/plugins", kAdminToken, "203.0.113.5");
  EXPECT_EQ(held.status, 429) << held.body;
  // Another client behind the same proxy, and the proxy's own requests, are not held back.
  EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", kAdminToken, "198.51.100.7").status,
            200);
  EXPECT_EQ(from_other_address(host_.port(), "/admin/plugins", kAdminToken).status, 200);
  // A peer that is not a trusted proxy cannot borrow a client's address to dodge its own wait
  // or to put another client in one: 127.0.0.1 claiming to be 203.0.113.5 is 127.0.0.1.
  EXPECT_EQ(from_address("127.0.0.1", host_.port(), "/admin/plugins", kAdminToken, "198.51.100.7")
                .status,
            200);
  EXPECT_EQ(from_address("127.0.0.1", host_.port(), "/admin/plugins", kAdminToken, "203.0.113.5")
                .status,
            200);
  // The audit log and the log line name the client, not the proxy.
  auto audit = host_.admin_get("/admin/audit?limit=100");
  EXPECT_NE(audit.body.find("203.0.113.5"), std::string::npos) << audit.body;
  EXPECT_NE(host_.log().find("from 203.0.113.5: missing or wrong admin token"), std::string::npos)
      << host_.log();
}

}  // namespace
}  // namespace courthub::it
