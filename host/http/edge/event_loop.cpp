// SPDX-License-Identifier: Apache-2.0
// EventLoop: accepting, reading, deadlines, the caps and the loop's own answers.
#include "host/http/edge/event_loop.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "host/http/edge/response.hpp"
#include "host/log.hpp"

namespace courthub::http::edge {
namespace {

constexpr size_t kReadChunk = 16384;
constexpr int64_t kLingerMs = 2000;      // how long a closing connection's last bytes are read
constexpr int64_t kMaxLingering = 4096;  // beyond this, closing connections close at once
constexpr int64_t kScanEveryMs = 50;     // deadline checks
constexpr int64_t kAcceptPauseMs = 100;  // after running out of file descriptors
constexpr int64_t kBodyGraceMs = 1000;   // before the minimum body rate applies
const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";

// "ip" and "ip:port" ("[ip]:port" for IPv6) of a peer.
std::pair<std::string, std::string> peer_of(const sockaddr_storage& ss) {
  char text[INET6_ADDRSTRLEN] = "";
  if (ss.ss_family == AF_INET) {
    auto* in = reinterpret_cast<const sockaddr_in*>(&ss);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    return {text, std::string(text) + ":" + std::to_string(ntohs(in->sin_port))};
  }
  if (ss.ss_family == AF_INET6) {
    auto* in6 = reinterpret_cast<const sockaddr_in6*>(&ss);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    return {text, "[" + std::string(text) + "]:" + std::to_string(ntohs(in6->sin6_port))};
  }
  return {"unknown", "unknown"};
}

}  // namespace

int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

EventLoop::EventLoop(const config::ServerConfig& config, int listen_fd,
                     std::function<void(Connection*)> dispatch, Metrics& metrics,
                     std::shared_ptr<ConnectionCounts> counts)
    : config_(config),
      listen_fd_(listen_fd),
      dispatch_(std::move(dispatch)),
      metrics_(metrics),
      counts_(std::move(counts)) {
  limits_.max_header_bytes = static_cast<size_t>(config.max_header_bytes);
  limits_.max_request_line_bytes = std::min<size_t>(8192, limits_.max_header_bytes);
  limits_.max_body_bytes = config.max_body_bytes;
}

EventLoop::~EventLoop() {
  stop();
}

Outcome EventLoop::start() {
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_fd_ < 0 || wake_fd_ < 0) {
    return Outcome::unavailable(std::string("cannot start the HTTP event loop: ") +
                                std::strerror(errno));
  }
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.ptr = &listen_fd_;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev);
  ev.data.ptr = &wake_fd_;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  thread_ = std::thread([this] { run(); });
  return Outcome::success();
}

void EventLoop::wake() {
  uint64_t one = 1;
  ssize_t n = ::write(wake_fd_, &one, sizeof one);
  (void)n;  // EAGAIN: the counter is already non-zero, the loop wakes anyway
}

void EventLoop::give_back(Connection* c) {
  bool first;
  {
    std::lock_guard lock(returned_mu_);
    first = returned_.empty();
    returned_.push_back(c);
  }
  if (first) wake();
}

void EventLoop::begin_drain() {
  drain_requested_ = true;
  if (wake_fd_ >= 0) wake();
}

void EventLoop::stop() {
  if (thread_.joinable()) {
    stopping_ = true;
    wake();
    thread_.join();
  }
  for (auto& [fd, c] : connections_) ::close(fd);
  connections_.clear();
  per_address_.clear();
  counts_->open = counts_->idle = counts_->reading = 0;
  if (listen_fd_ >= 0) ::close(listen_fd_);
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
  listen_fd_ = epoll_fd_ = wake_fd_ = -1;
}

void EventLoop::run() {
  std::vector<epoll_event> events(256);
  while (!stopping_) {
    int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()),
                         static_cast<int>(kScanEveryMs));
    for (int i = 0; i < n; ++i) {
      void* tag = events[i].data.ptr;
      if (tag == &listen_fd_) {
        accept_all();
      } else if (tag == &wake_fd_) {
        uint64_t count;
        ssize_t r = ::read(wake_fd_, &count, sizeof count);
        (void)r;
      } else {
        on_event(static_cast<Connection*>(tag), events[i].events);
      }
    }
    take_returned();
    const int64_t now = steady_ms();
    if (drain_requested_ && !draining_) {
      draining_ = true;
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
      ::close(listen_fd_);
      listen_fd_ = -1;
      std::vector<Connection*> idle;
      for (auto& [fd, c] : connections_)
        if (c->phase == Phase::Idle || (c->phase == Phase::ReadingHeader && c->in.empty()))
          idle.push_back(c.get());
      for (Connection* c : idle) close(c);
    }
    if (accept_paused_until_ && now >= accept_paused_until_ && listen_fd_ >= 0) {
      accept_paused_until_ = 0;
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.ptr = &listen_fd_;
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, listen_fd_, &ev);
    }
    if (now - last_scan_ >= kScanEveryMs) {
      last_scan_ = now;
      check_deadlines(now);
    }
  }
}

void EventLoop::accept_all() {
  while (listen_fd_ >= 0) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    int fd =
        ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return;
      // Out of file descriptors (or memory): stop accepting for a moment instead of spinning.
      metrics_.count("courthub_http_connections_refused_total", {{"reason", "file_descriptors"}});
      log::warn("http", std::string("cannot accept connections: ") + std::strerror(errno));
      accept_paused_until_ = steady_ms() + kAcceptPauseMs;
      epoll_event ev{};
      ev.data.ptr = &listen_fd_;
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, listen_fd_, &ev);
      return;
    }
    auto [ip, address] = peer_of(ss);
    if (counts_->open.load() >= config_.max_connections) {
      refuse_connection(fd, "total");
      continue;
    }
    // A trusted proxy (a balancer) carries many clients: the per-address cap is not for it.
    const bool proxy = config::any_contains(config_.trusted_proxies, ip);
    if (!proxy) {
      int64_t& from_ip = per_address_[ip];
      if (from_ip >= config_.max_connections_per_address) {
        refuse_connection(fd, "per_address");
        continue;
      }
      ++from_ip;
    }
    ++counts_->open;
    int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    auto owned = std::make_unique<Connection>(fd, ip, address, limits_);
    Connection* c = owned.get();
    connections_[fd] = std::move(owned);
    set_phase(c, Phase::ReadingHeader);
    c->deadline_ms = steady_ms() + config_.header_timeout_ms;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    ev.data.ptr = c;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
  }
}

void EventLoop::refuse_connection(int fd, const std::string& reason) {
  metrics_.count("courthub_http_connections_refused_total", {{"reason", reason}});
  const std::string message = reason == "total"
                                  ? "the server has server.max_connections (" +
                                        std::to_string(config_.max_connections) +
                                        ") connections open; try again shortly"
                                  : "this address has server.max_connections_per_address (" +
                                        std::to_string(config_.max_connections_per_address) +
                                        ") connections open; close some or try again shortly";
  const std::string bytes = edge_error(503, "too_many_connections", message, log::new_request_id(),
                                       {{"Retry-After", "1"}});
  ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  (void)sent;  // a fresh socket's send buffer takes a few hundred bytes
  if (lingering_ >= kMaxLingering) {
    ::close(fd);
    return;
  }
  auto owned = std::make_unique<Connection>(fd, "", "", limits_);
  Connection* c = owned.get();
  c->counted_open = false;
  connections_[fd] = std::move(owned);
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
  ev.data.ptr = c;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
  linger(c);
}

void EventLoop::on_event(Connection* c, uint32_t events) {
  const bool input = events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR);
  if (input) c->readable = true;
  if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) c->hung_up = true;
  switch (c->phase) {
    case Phase::Queued:
      return;  // the worker's; the flags above are read when it comes back
    case Phase::Writing:
      if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR)) {
        if (!flush(c)) return;
        after_response(c);
      }
      return;
    default:
      if (input) read_some(c);
  }
}

void EventLoop::read_some(Connection* c) {
  const size_t cap =
      limits_.max_header_bytes + 2 * static_cast<size_t>(limits_.max_body_bytes) + kReadChunk;
  static thread_local char chunk[kReadChunk];  // the loop thread's; appended, never zero-filled
  while (c->readable && c->in.size() < cap) {
    ssize_t n = ::recv(c->fd, chunk, sizeof chunk, 0);
    if (n > 0) {
      if (c->phase != Phase::Lingering) c->in.append(chunk, static_cast<size_t>(n));
      // A short read emptied the socket: more data will raise a new edge, unless the peer has
      // hung up (then read on to the end).
      if (static_cast<size_t>(n) < sizeof chunk && !c->hung_up) c->readable = false;
      continue;
    }
    if (n == 0) {
      c->peer_closed = true;
      c->readable = false;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      c->readable = false;
    } else if (errno != EINTR) {
      close(c);
      return;
    }
  }
  if (c->phase == Phase::Lingering) {
    c->in.clear();
    if (c->peer_closed) close(c);
    return;
  }
  advance(c);
}

void EventLoop::advance(Connection* c) {
  if (c->phase == Phase::Queued || c->phase == Phase::Writing || c->phase == Phase::Lingering)
    return;
  while (true) {
    switch (c->parser.parse(c->in)) {
      case RequestParser::Step::NeedMore: {
        if (c->phase == Phase::Idle && !c->in.empty()) {
          set_phase(c, Phase::ReadingHeader);
          c->deadline_ms = steady_ms() + config_.header_timeout_ms;
        }
        if (c->peer_closed) close(c);  // gone between requests, or mid-request
        return;
      }
      case RequestParser::Step::HeaderDone: {
        if (c->parser.expects_continue() && c->parser.consumed() == c->in.size()) {
          ssize_t sent = ::send(c->fd, kContinue, sizeof kContinue - 1, MSG_NOSIGNAL);
          (void)sent;  // an empty send buffer takes 25 bytes; a failure shows on the next read
        }
        set_phase(c, Phase::ReadingBody);
        c->body_started_ms = steady_ms();
        c->deadline_ms = c->body_started_ms + config_.body_timeout_ms;
        continue;
      }
      case RequestParser::Step::Complete: {
        c->request = c->parser.take();
        c->in.erase(0, c->parser.consumed());
        c->parser.reset();
        set_phase(c, Phase::Queued);
        c->deadline_ms = 0;
        c->out.clear();
        c->out_sent = 0;
        c->close_after_write = false;
        dispatch_(c);  // the worker's from here
        return;
      }
      case RequestParser::Step::Refused: {
        const Refusal& r = c->parser.refusal();
        metrics_.count("courthub_http_requests_refused_total", {{"code", r.code}});
        answer_and_close(c, edge_error(r.status, r.code, r.message, log::new_request_id()));
        return;
      }
    }
  }
}

bool EventLoop::flush(Connection* c) {
  while (c->out_sent < c->out.size()) {
    ssize_t n =
        ::send(c->fd, c->out.data() + c->out_sent, c->out.size() - c->out_sent, MSG_NOSIGNAL);
    if (n > 0) {
      c->out_sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return false;
    } else {
      close(c);  // the client went away
      return false;
    }
  }
  return true;
}

void EventLoop::answer_and_close(Connection* c, const std::string& bytes) {
  c->out = bytes;
  c->out_sent = 0;
  c->close_after_write = true;
  set_phase(c, Phase::Writing);
  c->deadline_ms = steady_ms() + config_.write_timeout_ms;
  if (flush(c)) after_response(c);
}

void EventLoop::after_response(Connection* c) {
  c->out.clear();
  if (c->out.capacity() > 65536) c->out.shrink_to_fit();  // a large answer's buffer goes
  c->out_sent = 0;
  c->request = Request();
  if (c->close_after_write || draining_) {
    linger(c);
    return;
  }
  if (c->peer_closed && c->in.empty()) {
    close(c);
    return;
  }
  set_phase(c, Phase::Idle);
  c->deadline_ms = steady_ms() + config_.idle_timeout_ms;
  if (c->readable) {
    read_some(c);  // may dispatch (or close) c: nothing after this
  } else if (!c->in.empty()) {
    advance(c);
  }
}

void EventLoop::linger(Connection* c) {
  if (lingering_ >= kMaxLingering) {
    close(c);
    return;
  }
  ::shutdown(c->fd, SHUT_WR);
  set_phase(c, Phase::Lingering);
  c->deadline_ms = steady_ms() + kLingerMs;
  c->in.clear();
  if (c->readable || c->peer_closed) read_some(c);
}

void EventLoop::close(Connection* c) {
  set_phase(c, Phase::Queued);  // leaves every counted phase
  if (c->counted_open) {
    --counts_->open;
    auto it = per_address_.find(c->ip);
    if (it != per_address_.end() && --it->second <= 0) per_address_.erase(it);
  }
  const int fd = c->fd;
  // Unregistered before the close: a close alone leaves the registration (and its pointer to
  // this Connection) in epoll while another process shares the socket, as a runner does between
  // its fork and its exec, and epoll then reports events for freed memory (ASan found it).
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  ::close(fd);
  connections_.erase(fd);
}

void EventLoop::set_phase(Connection* c, Phase p) {
  auto counter = [this](const Connection* x, Phase q) -> std::atomic<int64_t>* {
    if (!x->counted_open) return nullptr;
    if (q == Phase::ReadingHeader || q == Phase::ReadingBody) return &counts_->reading;
    if (q == Phase::Idle) return &counts_->idle;
    return nullptr;
  };
  if (auto* from = counter(c, c->phase)) --*from;
  if (c->phase == Phase::Lingering) --lingering_;
  c->phase = p;
  if (auto* to = counter(c, p)) ++*to;
  if (p == Phase::Lingering) ++lingering_;
}

void EventLoop::check_deadlines(int64_t now) {
  struct Expired {
    Connection* c;
    const char* phase;
  };
  std::vector<Expired> expired;
  const int64_t rate = config_.body_min_bytes_per_second;
  for (auto& [fd, owned] : connections_) {
    Connection* c = owned.get();
    if (c->phase == Phase::Queued || c->deadline_ms == 0) continue;
    if (c->phase == Phase::ReadingBody && rate > 0 &&
        now - c->body_started_ms > kBodyGraceMs + c->parser.body_received() * 1000 / rate) {
      expired.push_back({c, "body_rate"});
      continue;
    }
    if (now < c->deadline_ms) continue;
    switch (c->phase) {
      case Phase::ReadingHeader:
        expired.push_back({c, "header"});
        break;
      case Phase::ReadingBody:
        expired.push_back({c, "body"});
        break;
      case Phase::Idle:
        expired.push_back({c, "idle"});
        break;
      case Phase::Writing:
        expired.push_back({c, "write"});
        break;
      default:
        expired.push_back({c, nullptr});
        break;
    }
  }
  for (auto& [c, phase] : expired) {
    if (!phase) {  // lingering: done
      close(c);
      continue;
    }
    metrics_.count("courthub_http_timeouts_total", {{"phase", phase}});
    const bool silent = std::string_view(phase) == "idle" || std::string_view(phase) == "write" ||
                        (c->phase == Phase::ReadingHeader && c->in.empty());
    if (silent) {
      close(c);
      continue;
    }
    const std::string what =
        c->phase == Phase::ReadingHeader
            ? "the request header did not arrive within server.header_timeout_ms (" +
                  std::to_string(config_.header_timeout_ms) + " ms)"
        : std::string_view(phase) == "body"
            ? "the request body did not arrive within server.body_timeout_ms (" +
                  std::to_string(config_.body_timeout_ms) + " ms)"
            : "the request body arrived slower than server.body_min_bytes_per_second (" +
                  std::to_string(rate) + ")";
    answer_and_close(c, edge_error(408, "request_timeout", what, log::new_request_id()));
  }
}

void EventLoop::take_returned() {
  std::vector<Connection*> back;
  {
    std::lock_guard lock(returned_mu_);
    if (returned_.empty()) return;
    back.swap(returned_);
  }
  for (Connection* c : back) {
    if (c->out_sent < c->out.size()) {
      set_phase(c, Phase::Writing);
      c->deadline_ms = steady_ms() + config_.write_timeout_ms;
      if (!flush(c)) continue;  // EPOLLOUT goes on (or it closed)
    }
    after_response(c);
  }
}

}  // namespace courthub::http::edge
