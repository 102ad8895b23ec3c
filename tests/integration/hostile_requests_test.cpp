// SPDX-License-Identifier: Apache-2.0
// Every error body is valid UTF-8 JSON (issue 17 §3): 2,000 deterministic hostile requests —
// seeded random bytes in the method, path, query, headers and JSON bodies, ill-formed UTF-8
// among them — to the host's routes and to plugin routes. Each must get exactly one HTTP
// response, never a 5xx, and a 4xx body that parses as JSON with error.code.
//
// Header values with bytes >= 0x80 are kept on purpose: the old POCO edge stops reading the
// header section there and answers the rest as a second request (findings17.md). Until the
// event-driven edge (issue 17 §1, part `edge`) refuses such headers with 400 + close, this test
// fails on those cases with "2 responses" — the desync, not a bad body. Likewise a POST, PUT,
// PATCH or OPTIONS without Content-Length: POCO reads its body until the client closes, so the
// old edge answers nothing ("0 responses" after 5 s); RFC 9112 §6.3 makes that body empty.
// COURTHUB_HOSTILE_SHOW=1 prints every answer; COURTHUB_HOSTILE_REQUESTS=n sends n random ones.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <random>

#include "bundled_plugins.hpp"
#include "dingtalk_client.hpp"

namespace courthub::it {
namespace {

constexpr int kRequests = 2000;  // COURTHUB_HOSTILE_REQUESTS=n runs fewer while debugging
constexpr uint32_t kSeed = 17;

// Sends `raw` on a new connection; returns what came back until the host closed it, or until
// 300 ms passed without a byte once something arrived (or 5 s before anything did).
std::string exchange(uint16_t port, const std::string& raw) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  std::string out;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return out;
  }
  (void)::send(fd, raw.data(), raw.size(), MSG_NOSIGNAL);
  char buf[8192];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, out.empty() ? 5000 : 300) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

struct Parsed {
  int status = 0;
  std::string body;
  size_t responses = 0;  // complete HTTP responses found
  std::string rest;      // bytes after the first response
};

// Splits what came back into responses (Content-Length framed; the host never chunks errors).
Parsed parse(const std::string& raw) {
  Parsed p;
  size_t at = 0;
  while (at < raw.size()) {
    size_t end = raw.find("\r\n\r\n", at);
    if (raw.compare(at, 5, "HTTP/") != 0 || end == std::string::npos) break;
    std::string head = raw.substr(at, end - at);
    size_t length = 0;
    for (size_t h = head.find("\r\n"); h != std::string::npos; h = head.find("\r\n", h + 2)) {
      std::string line = head.substr(h + 2, head.find("\r\n", h + 2) - h - 2);
      std::string lower;
      for (char c : line) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower.rfind("content-length:", 0) == 0) length = std::stoul(line.substr(15));
    }
    if (p.responses == 0) {
      p.status = std::atoi(head.c_str() + 9);
      p.body = raw.substr(end + 4, length);
    }
    ++p.responses;
    at = end + 4 + length;
  }
  p.rest = at < raw.size() ? raw.substr(at) : std::string();
  return p;
}

class Hostile {
 public:
  explicit Hostile(uint32_t seed) : rng_(seed) {}
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(int percent) { return pick(100) < percent; }
  // Random bytes; with `high`, bytes >= 0x80 (lone continuation bytes, truncated sequences,
  // overlong forms) are mixed in.
  std::string bytes(int max, bool high, const char* alphabet = nullptr) {
    static const char* kHigh[] = {"\xff", "\xc3", "\x80", "\xed\xa0\x80", "\xe4\xb8", "\xc0\xaf",
                                  "\xf5\x80\x80\x80", "张", "\xfe\xfe"};
    std::string s;
    for (int n = pick(max + 1); n > 0; --n) {
      if (high && chance(25)) {
        s += kHigh[pick(9)];
      } else if (alphabet) {
        s += alphabet[pick(static_cast<int>(std::strlen(alphabet)))];
      } else {
        s += static_cast<char>(0x21 + pick(0x5e));  // printable ASCII
      }
    }
    return s;
  }
  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
};

const char* const kPaths[] = {
    "/healthz", "/metrics", "/admin/plugins", "/admin/audit", "/admin/inbox/replay",
    "/admin/outbox/replay", "/admin/jobs/run", "/admin/reload", "/me", "/me/apps",
    "/directory/people", "/auth/dingtalk", "/auth/config", "/dingtalk/events",
    "/dingtalk/robot", "/dingtalk/cards/it-card-route-key-0001", "/dingtalk/cards/wrong",
    "/apps/hello/greetings", "/apps/outbox_sender/whois/", "/apps/outbox_sender/send",
    "/apps/rooms/bookings", "/apps/rooms/bookings/", "/apps/rooms/rooms/", "/apps/rooms/free",
    "/apps/rooms/schedule", "/apps/approvals/instances", "/apps/approvals/instances/",
    "/apps/approvals/instances/submitted", "/apps/approvals/tasks", "/apps/nosuch/x",
    "/apps/rooms/ui/", "/kit/", "/"};
const char* const kMethods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};

// One hostile request, complete with Connection: close as its last header.
std::string hostile_request(Hostile& h, const std::string& session) {
  std::string method = h.chance(90) ? kMethods[h.pick(6)]
                                    : h.bytes(12, h.chance(50), "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  if (method.empty()) method = "GET";
  std::string path = kPaths[h.pick(sizeof kPaths / sizeof *kPaths)];
  if (h.chance(60)) {
    path += h.chance(50) ? h.bytes(16, true, "abcdef0123456789%/._-~")
                         : h.bytes(10, false, "%ff%00%2F%c3%e4%b8..//");
  }
  if (h.chance(50)) {
    path += "?" + h.bytes(8, h.chance(40), "abcdefgh") + "=" +
            h.bytes(24, h.chance(50), "abcdef0123456789%&=+") + "&limit=" + h.bytes(4, true, "-0123456789x");
  }
  std::vector<std::string> headers = {"Host: 127.0.0.1"};
  switch (h.pick(4)) {
    case 0: headers.push_back("Authorization: Bearer " + std::string(kAdminToken)); break;
    case 1: headers.push_back("Authorization: Bearer " + session); break;
    case 2:  // a forged session: session-shaped, so it never counts as an admin-token guess
      headers.push_back("Authorization: Bearer " + h.bytes(20, false, "abcXYZ") + "." +
                        h.bytes(20, false, "abc") + "." + h.bytes(20, false, "xyz"));
      break;
    default: break;
  }
  if (h.chance(30)) headers.push_back("X-Request-Id: " + h.bytes(40, h.chance(30)));
  if (h.chance(30)) headers.push_back("X-" + h.bytes(8, false, "abcdefgh") + ": " + h.bytes(30, h.chance(20)));
  if (h.chance(10)) headers.push_back("timestamp: " + h.bytes(14, h.chance(30), "0123456789"));
  if (h.chance(10)) headers.push_back("sign: " + h.bytes(44, h.chance(30)));

  std::string body;
  if (method != "GET" && h.chance(85)) {
    switch (h.pick(4)) {
      case 0: {  // valid JSON, its strings carrying ill-formed UTF-8
        std::string key = h.bytes(10, true, "abcdefgh_");
        body = "{\"" + key + "\": \"" + h.bytes(30, true, "abc ") + "\", \"to\": \"" +
               h.bytes(10, true) + "\", \"room_id\": \"" + h.bytes(8, true, "t-10") +
               "\", \"date\": \"" + h.bytes(10, true, "2026-12-09") + "\", \"advance_ms\": " +
               std::to_string(h.pick(3) - 1) + "}";
        break;
      }
      case 1: body = "{\"msgId\": \"" + h.bytes(10, true) + "\", \"text\": {\"content\": \"" + h.bytes(20, true) + "\"}"; break;
      case 2: body = h.bytes(60, true); break;
      default: body = "[" + h.bytes(10, false, "1,[]{}\"") + "]"; break;
    }
    headers.push_back(h.chance(80) ? "Content-Type: application/json"
                                   : "Content-Type: " + h.bytes(30, h.chance(40)));
    headers.push_back("Content-Length: " + std::to_string(body.size()));
  }
  headers.push_back("Connection: close");
  std::string raw = method + " " + path + " HTTP/1.1\r\n";
  for (auto& line : headers) raw += line + "\r\n";
  return raw + "\r\n" + body;
}

// Ill-formed UTF-8 where plugins and the host read it: path parameters, query values, JSON
// strings, robot and card fields. Sent before the random ones, with valid credentials.
std::vector<std::string> pointed_requests(const std::string& session) {
  const std::string admin = "Authorization: Bearer " + std::string(kAdminToken) + "\r\n";
  const std::string staff = "Authorization: Bearer " + session + "\r\n";
  auto get = [](const std::string& path, const std::string& auth) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n";
  };
  auto post = [](const std::string& path, const std::string& auth, const std::string& body,
                 const std::string& extra = {}) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + auth + extra +
           "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
  };
  std::vector<std::string> out;
  for (const char* bad : {"%FF", "%C3", "%ED%A0%80", "%C0%AF", "\xff", "\xe4\xb8"}) {
    const std::string b = bad;
    for (const std::string& auth : {admin, staff}) {
      out.push_back(get("/apps/outbox_sender/whois/" + b, auth));
      out.push_back(get("/apps/rooms/rooms/t-101?date=" + b, auth));
      out.push_back(get("/apps/rooms/bookings/" + b, auth));
      out.push_back(get("/apps/rooms/free?date=" + b + "&from=" + b, auth));
      out.push_back(get("/apps/rooms/schedule?date=2026-12-09&court=" + b, auth));
      out.push_back(get("/apps/approvals/instances/" + b, auth));
      out.push_back(get("/apps/approvals/templates/" + b, auth));
      out.push_back(get("/apps/approvals/instances/submitted?status=" + b + "&limit=" + b, auth));
      out.push_back(get("/directory/people?q=" + b + "&court=" + b, auth));
      out.push_back(get("/admin/audit?limit=" + b + "&before=" + b, auth));
      out.push_back(get("/apps/hello/" + b, auth));
      out.push_back(get("/apps/" + b + "/x", auth));
    }
  }
  for (const char* bad : {"\xff", "\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xe4\xb8"}) {
    const std::string b = bad;
    out.push_back(post("/apps/hello/greetings", staff, "{\"to\": \"" + b + "\"}"));
    out.push_back(post("/apps/outbox_sender/send", admin,
                       "{\"to\": {\"users\": [\"" + b + "\"]}, \"msg\": {\"msgtype\": \"text\", "
                       "\"text\": {\"content\": \"" + b + "\"}}, \"key\": \"" + b + "\"}"));
    out.push_back(post("/apps/rooms/bookings", staff,
                       "{\"room_id\": \"t-101" + b + "\", \"date\": \"2026-12-09\", \"from\": \"10:00\", "
                       "\"to\": \"11:00\", \"title\": \"" + b + "\"}"));
    out.push_back(post("/apps/approvals/instances", staff,
                       "{\"template\": \"" + b + "\", \"form\": {\"reason\": \"" + b + "\"}}"));
    out.push_back(post("/admin/inbox/replay", admin, "{\"event_id\": 1, \"subscriber\": \"" + b + "\"}"));
    out.push_back(post("/admin/jobs/run", admin, "{\"plugin\": \"" + b + "\", \"job\": \"" + b + "\"}"));
    out.push_back(post("/auth/dingtalk", "", "{\"code\": \"" + b + "\"}"));
    out.push_back(post("/dingtalk/cards/it-card-route-key-0001", "",
                       "{\"userId\": \"" + b + "\", \"outTrackId\": \"" + b + "\", \"value\": \"" + b + "\"}"));
    out.push_back(post("/dingtalk/events?msg_signature=" + b + "&timestamp=" + b + "&nonce=" + b, "",
                       "{\"encrypt\": \"" + b + "\"}"));
  }
  return out;
}

TEST(HostileRequests, EveryAnswerIsOneResponseAndEveryErrorBodyIsJson) {
  auto dt = start_double();
  HostProcess host(dingtalk_config(*dt, std::string("  - name: hello\n  - name: outbox_sender\n") +
                                            kRooms + approvals_demo()));
  const std::string session = session_token("T-BC-01-011");
  Hostile h(kSeed);
  int errors = 0, desyncs = 0, bad_bodies = 0, server_errors = 0;
  const std::vector<std::string> pointed = pointed_requests(session);
  const char* env = std::getenv("COURTHUB_HOSTILE_REQUESTS");
  const int total = static_cast<int>(pointed.size()) + (env ? std::atoi(env) : kRequests);
  for (int i = 0; i < total; ++i) {
    std::string raw = i < static_cast<int>(pointed.size()) ? pointed[i] : hostile_request(h, session);
    Parsed p = parse(exchange(host.port(), raw));
    if (std::getenv("COURTHUB_HOSTILE_SHOW"))
      std::printf("%d %s <- %s\n", p.status, p.body.substr(0, 160).c_str(), raw.substr(0, raw.find('\r')).c_str());
    std::string shown = raw.substr(0, 300);
    if (p.responses != 1 || !p.rest.empty()) {
      ++desyncs;
      ADD_FAILURE() << "request " << i << ": " << p.responses << " responses (+"
                    << p.rest.size() << " bytes) to\n" << testing::PrintToString(shown);
      continue;
    }
    if (p.status >= 500) {
      ++server_errors;
      ADD_FAILURE() << "request " << i << ": " << p.status << " " << p.body << " to\n"
                    << testing::PrintToString(shown);
    }
    if (p.status >= 400) {
      ++errors;
      Json body = Json::parse(p.body, nullptr, false);  // strict: ill-formed UTF-8 fails
      if (body.is_discarded() || !body.is_object() || !body.contains("error") ||
          !body["error"].is_object() || !body["error"].contains("code") ||
          !body["error"]["code"].is_string()) {
        ++bad_bodies;
        ADD_FAILURE() << "request " << i << ": " << p.status << " body is not a JSON error: "
                      << testing::PrintToString(p.body) << "\nto "
                      << testing::PrintToString(shown);
      }
    }
  }
  std::printf("[ hostile  ] %d requests, %d errors (4xx/5xx): %d 5xx, %d bodies not JSON, "
              "%d answered with other than one response\n",
              total, errors, server_errors, bad_bodies, desyncs);
  EXPECT_EQ(host.get("/healthz").status, 200);
}

}  // namespace
}  // namespace courthub::it
