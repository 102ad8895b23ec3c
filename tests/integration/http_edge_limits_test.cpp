// SPDX-License-Identifier: Apache-2.0
// The event-driven edge under the issue-17 attacks: idle and trickling connections, the caps,
// the header deadline, keep-alive fairness, request framing (the 0x80 desync, pipelining,
// chunked bodies, 100-continue, 413, 431). Deadlines are configured small; nothing is timed.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <atomic>
#include <barrier>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "host_process.hpp"

namespace courthub::it {
namespace {

// test_config with `server_keys` (indented lines) added under `server:`.
std::string edge_config(const std::string& server_keys, int threads = 8) {
  std::string cfg = test_config("  - name: hello\n");
  const std::string line = "  threads: 8\n";
  cfg.replace(cfg.find(line), line.size(),
              "  threads: " + std::to_string(threads) + "\n" + server_keys);
  return cfg;
}

// A blocking TCP socket connected to the host, closed when it goes.
class Socket {
 public:
  explicit Socket(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      throw std::runtime_error(std::string("connect: ") + std::strerror(errno));
    }
  }
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(Socket&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Socket(const Socket&) = delete;

  bool send(const std::string& s) {
    return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
  }
  // Reads until `until` appears in what arrived, the peer closes or 10 s pass.
  std::string read_until(const std::string& until = {}) {
    std::string out;
    char buf[4096];
    while (until.empty() || out.find(until) == std::string::npos) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 10000) <= 0) break;
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

 private:
  int fd_ = -1;
};

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The JSON body of the one response in `reply`.
Json body_of(const std::string& reply) {
  return Json::parse(reply.substr(reply.find("\r\n\r\n") + 4));
}

double metric(const HostProcess& host, const std::string& series) {
  std::string text = host.get("/metrics", kAdminToken).body;
  size_t at = text.find("\n" + series + " ");
  return at == std::string::npos ? 0 : std::stod(text.substr(at + series.size() + 2));
}

// `n` connections that each had one request answered and stay open (fewer on a failure).
std::vector<Socket> keep_alive_connections(const HostProcess& host, int n) {
  std::vector<Socket> held;
  for (int i = 0; i < n; ++i) {
    held.emplace_back(host.port());
    if (!held.back().send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") ||
        held.back().read_until("\r\n\r\n").rfind("HTTP/1.1 200", 0) != 0) {
      held.pop_back();
      break;
    }
  }
  return held;
}

void raise_file_limit() {
  rlimit r{};
  ::getrlimit(RLIMIT_NOFILE, &r);
  r.rlim_cur = r.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &r);
}

// Issue 17 §1: 16 idle connections used to take /healthz offline. 1,000 idle connections and
// 100 that trickle a header stay in the event loop; a new client is answered.
TEST(HttpEdgeLimits, IdleAndTricklingConnectionsDoNotKeepANewClientOut) {
  raise_file_limit();
  HostProcess host(edge_config("  max_connections_per_address: 2000\n", 4));
  std::vector<Socket> held;
  for (int i = 0; i < 1000; ++i) held.emplace_back(host.port());
  for (int i = 0; i < 100; ++i) {
    held.emplace_back(host.port());
    ASSERT_TRUE(held.back().send("GET /healthz HTTP/1.1\r\nHo"));
  }
  ASSERT_TRUE(eventually(
      [&] { return metric(host, "courthub_http_connections{state=\"open\"}") >= 1101; }));
  for (int i = 1000; i < 1100; ++i) ASSERT_TRUE(held[i].send("s"));  // still trickling
  auto r = host.get("/healthz");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_GE(metric(host, "courthub_http_connections{state=\"reading\"}"), 1100);
}

TEST(HttpEdgeLimits, ATrickledHeaderIsCutAtTheHeaderDeadlineAndCounted) {
  HostProcess host(edge_config("  header_timeout_ms: 300\n"));
  Socket s(host.port());
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: abcdefghij\r\n\r\n";
  std::atomic<bool> cut{false};
  std::thread trickle([&] {
    for (char c : head) {
      if (cut || !s.send(std::string(1, c))) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  std::string reply = s.read_until();
  cut = true;
  trickle.join();
  ASSERT_EQ(reply.rfind("HTTP/1.1 408", 0), 0u) << reply;
  EXPECT_EQ(body_of(reply)["error"]["code"], "request_timeout");
  EXPECT_FALSE(body_of(reply)["request_id"].get<std::string>().empty());
  EXPECT_NE(reply.find("Connection: close"), std::string::npos);
  EXPECT_GE(metric(host, "courthub_http_timeouts_total{phase=\"header\"}"), 1);
}

TEST(HttpEdgeLimits, ABodyBelowTheMinimumRateIsCutAndCounted) {
  HostProcess host(edge_config("  body_timeout_ms: 600000\n  body_min_bytes_per_second: 100000\n"));
  Socket s(host.port());
  ASSERT_TRUE(
      s.send("POST /apps/hello/greetings HTTP/1.1\r\nHost: x\r\nContent-Type: "
             "application/json\r\nContent-Length: 1000000\r\n\r\n{\"to\":"));
  std::string reply = s.read_until();
  ASSERT_EQ(reply.rfind("HTTP/1.1 408", 0), 0u) << reply;
  EXPECT_NE(body_of(reply)["error"]["message"].get<std::string>().find("body_min_bytes_per_second"),
            std::string::npos)
      << reply;
  EXPECT_GE(metric(host, "courthub_http_timeouts_total{phase=\"body_rate\"}"), 1);
}

TEST(HttpEdgeLimits, AnIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
  HostProcess host(edge_config("  idle_timeout_ms: 200\n"));
  Socket s(host.port());
  ASSERT_TRUE(s.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string reply = s.read_until();  // the answer, then the end of the connection
  EXPECT_EQ(count_of(reply, "HTTP/1.1 200"), 1u) << reply;
  EXPECT_EQ(reply.find("Connection: close"), std::string::npos) << reply;
  EXPECT_GE(metric(host, "courthub_http_timeouts_total{phase=\"idle\"}"), 1);
}

TEST(HttpEdgeLimits, ConnectionsOverThePerAddressCapGet503WithRetryAfter) {
  HostProcess host(edge_config("  max_connections_per_address: 4\n"));
  std::vector<Socket> held = keep_alive_connections(host, 4);
  ASSERT_EQ(held.size(), 4u);
  std::string reply = raw_exchange(host.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
  EXPECT_NE(reply.find("Retry-After: 1"), std::string::npos) << reply;
  Json body = body_of(reply);
  EXPECT_EQ(body["error"]["code"], "too_many_connections");
  EXPECT_FALSE(body["request_id"].get<std::string>().empty());
  held.pop_back();  // room for the metrics request
  EXPECT_TRUE(eventually([&] {
    return metric(host, "courthub_http_connections_refused_total{reason=\"per_address\"}") >= 1;
  }));
}

// A balancer (server.trusted_proxies) carries every client's connections: the cap is not for it.
TEST(HttpEdgeLimits, ATrustedProxyIsNotHeldToThePerAddressCap) {
  HostProcess host(edge_config("  max_connections_per_address: 4\n"
                               "  trusted_proxies: [127.0.0.1]\n"));
  std::vector<Socket> held = keep_alive_connections(host, 12);
  EXPECT_EQ(held.size(), 12u);
  std::string reply = raw_exchange(
      host.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply;
  EXPECT_EQ(metric(host, "courthub_http_connections_refused_total{reason=\"per_address\"}"), 0);
}

TEST(HttpEdgeLimits, ConnectionsOverTheTotalCapGet503WithRetryAfter) {
  HostProcess host(edge_config("  max_connections: 3\n"));
  std::vector<Socket> held = keep_alive_connections(host, 3);
  ASSERT_EQ(held.size(), 3u);
  std::string reply = raw_exchange(host.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
  EXPECT_NE(reply.find("Retry-After: 1"), std::string::npos) << reply;
  EXPECT_EQ(body_of(reply)["error"]["code"], "too_many_connections");
  held.pop_back();
  EXPECT_TRUE(eventually([&] {
    return metric(host, "courthub_http_connections_refused_total{reason=\"total\"}") >= 1;
  }));
}

// 32 keep-alive clients on 4 workers, all connected at once: each is served in turn (a
// connection holds no worker between its requests), none waits for another to leave.
TEST(HttpEdgeLimits, ThirtyTwoKeepAliveClientsAreAllServedWhileConnected) {
  HostProcess host(edge_config("", 4));
  constexpr int kClients = 32;
  constexpr int kRequests = 20;
  std::barrier all_connected(kClients);
  std::atomic<int> served{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&] {
      Poco::Net::HTTPClientSession session("127.0.0.1", host.port());
      session.setKeepAlive(true);
      session.setTimeout(Poco::Timespan(10, 0));
      auto one = [&] {
        try {
          Poco::Net::HTTPRequest req("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
          req.setKeepAlive(true);
          session.sendRequest(req);
          Poco::Net::HTTPResponse res;
          std::istream& in = session.receiveResponse(res);
          std::string body(std::istreambuf_iterator<char>(in), {});
          if (res.getStatus() == 200) return true;
        } catch (const Poco::Exception&) {
        }
        return false;
      };
      if (one())
        ++served;
      else
        ++failed;
      all_connected.arrive_and_wait();  // every client holds its connection open from here
      for (int k = 1; k < kRequests; ++k) {
        if (one())
          ++served;
        else
          ++failed;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(served.load(), kClients * kRequests);
}

// findings17: a header byte >= 0x80 made the old parser end the header early and read the
// rest, body included, as a second request. Now it is one request and one answer.
TEST(HttpEdgeLimits, AHighByteInAHeaderIsOneRequestAndOneAnswer) {
  HostProcess host(edge_config(""));
  std::string reply = raw_exchange(
      host.port(), "POST /apps/hello/greetings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                       std::string(kAdminToken) +
                       "\r\nContent-Type: application/json; charset=\xff\r\n"
                       "Content-Length: 10\r\n\r\n{\"to\":\"a\"}");
  EXPECT_EQ(count_of(reply, "HTTP/1.1 "), 1u) << reply;
  ASSERT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
  EXPECT_EQ(body_of(reply)["error"]["code"], "invalid_argument");
  // Well-formed UTF-8 in a header is fine.
  reply = raw_exchange(host.port(),
                       "POST /apps/hello/greetings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           std::string(kAdminToken) +
                           "\r\nContent-Type: application/json\r\nX-Court: \xe6\xb3\x95\xe9\x99\xa2"
                           "\r\nConnection: close\r\nContent-Length: 10\r\n\r\n{\"to\":\"a\"}");
  EXPECT_EQ(count_of(reply, "HTTP/1.1 "), 1u) << reply;
  EXPECT_EQ(reply.rfind("HTTP/1.1 201", 0), 0u) << reply;
}

TEST(HttpEdgeLimits, AmbiguousFramingIsRefusedOnceAndTheConnectionCloses) {
  HostProcess host(edge_config(""));
  for (const char* framing :
       {"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
        "Content-Length: 4\r\nContent-Length: 5\r\n", "Transfer-Encoding: xchunked\r\n"}) {
    std::string reply =
        raw_exchange(host.port(), "POST /healthz HTTP/1.1\r\nHost: x\r\n" + std::string(framing) +
                                      "\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n");
    EXPECT_EQ(count_of(reply, "HTTP/1.1 "), 1u) << reply;
    EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
    EXPECT_EQ(body_of(reply)["error"]["code"], "invalid_argument") << reply;
  }
}

TEST(HttpEdgeLimits, PipelinedRequestsWithBodiesAreAnsweredInOrder) {
  HostProcess host(edge_config(""));
  const std::string auth = "Authorization: Bearer " + std::string(kAdminToken) + "\r\n";
  std::string reply = raw_exchange(
      host.port(), "POST /apps/hello/greetings HTTP/1.1\r\nHost: x\r\n" + auth +
                       "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"to\":\"a\"}"
                       "GET /no/such/path HTTP/1.1\r\nHost: x\r\n\r\n"
                       "POST /apps/hello/greetings HTTP/1.1\r\nHost: x\r\n" +
                       auth +
                       "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "4\r\n{\"to\r\n6\r\n\":\"b\"}\r\n0\r\n\r\n"
                       "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  size_t a = reply.find("HTTP/1.1 201");
  size_t b = reply.find("HTTP/1.1 404");
  size_t c = reply.find("HTTP/1.1 201", a + 1);
  size_t d = reply.find("HTTP/1.1 200");
  ASSERT_NE(a, std::string::npos) << reply;
  ASSERT_NE(b, std::string::npos) << reply;
  ASSERT_NE(c, std::string::npos) << reply;
  ASSERT_NE(d, std::string::npos) << reply;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_LT(c, d);
  EXPECT_EQ(count_of(reply, "HTTP/1.1 "), 4u) << reply;
}

TEST(HttpEdgeLimits, ExpectContinueGets100BeforeTheBodyIsSent) {
  HostProcess host(edge_config(""));
  Socket s(host.port());
  ASSERT_TRUE(s.send("POST /apps/hello/greetings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                     std::string(kAdminToken) +
                     "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                     "Content-Length: 10\r\n\r\n"));
  std::string interim = s.read_until("\r\n\r\n");
  ASSERT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(s.send("{\"to\":\"a\"}"));
  std::string reply = s.read_until("}");
  EXPECT_EQ(reply.rfind("HTTP/1.1 201", 0), 0u) << reply;
}

TEST(HttpEdgeLimits, AHeaderOverMaxHeaderBytesIs431) {
  HostProcess host(edge_config("  max_header_bytes: 2048\n"));
  std::string reply = raw_exchange(host.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " +
                                                    std::string(3000, 'a') + "\r\n\r\n");
  ASSERT_EQ(reply.rfind("HTTP/1.1 431", 0), 0u) << reply;
  EXPECT_EQ(body_of(reply)["error"]["code"], "headers_too_large");
  EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
}

TEST(HttpEdgeLimits, ABadServerLimitIsRefusedWithFileAndLine) {
  HostProcess probe(edge_config(""));
  probe.rewrite_config(edge_config("  header_timeout_ms: 0\n"));
  auto r = probe.admin_post("/admin/reload");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("courthub.yaml:4: server.header_timeout_ms"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace courthub::it
