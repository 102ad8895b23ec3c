// SPDX-License-Identifier: Apache-2.0
// HttpServer: the edge's setup, per-request bookkeeping and graceful stop.
#include "host/http/server.hpp"

#include <sys/socket.h>

#include <cerrno>
#include <thread>

#include "host/http/client_address.hpp"
#include "host/http/edge/connection_counts.hpp"
#include "host/http/edge/event_loop.hpp"
#include "host/http/edge/listener.hpp"
#include "host/http/edge/worker_pool.hpp"
#include "host/http/exchange.hpp"
#include "host/log.hpp"

namespace courthub::http {
namespace {

bool acceptable_request_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// Writes what the socket takes now; the loop writes the rest. A failed write ends the
// connection after this response.
void write_now(edge::Connection& c) {
  while (c.out_sent < c.out.size()) {
    ssize_t n = ::send(c.fd, c.out.data() + c.out_sent, c.out.size() - c.out_sent,
                       MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      c.out_sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return;
    } else {
      c.out_sent = c.out.size();
      c.close_after_write = true;
      return;
    }
  }
}

}  // namespace

HttpServer::HttpServer(const config::ServerConfig& config, const Router& router, Metrics& metrics)
    : config_(config), router_(router), metrics_(metrics) {
  metrics_.describe("courthub_http_requests_total", "counter",
                    "HTTP requests by endpoint, plugin, method and status");
  metrics_.describe("courthub_http_request_duration_seconds", "histogram",
                    "HTTP request latency by endpoint and plugin");
  metrics_.describe("courthub_http_connections_refused_total", "counter",
                    "Connections refused with 503 at the edge, by reason (total, per_address, "
                    "file_descriptors)");
  metrics_.describe("courthub_http_timeouts_total", "counter",
                    "Connections cut by an edge deadline, by phase (header, body, body_rate, "
                    "idle, write)");
  metrics_.describe("courthub_http_requests_refused_total", "counter",
                    "Malformed or oversized requests the edge answered itself, by error code");
}

HttpServer::~HttpServer() {
  stop(std::chrono::milliseconds(0));
}

Outcome HttpServer::start() {
  const int64_t files = edge::raise_file_limit();
  if (config_.max_connections + 256 > files) {
    log::warn("http", "server.max_connections is " + std::to_string(config_.max_connections) +
                          " but this process may open only " + std::to_string(files) +
                          " files: raise `ulimit -n` (connections beyond it are refused)");
  }
  auto fd = edge::open_listener(config_.host, config_.port, config_.queue_size);
  if (!fd) return fd.outcome();
  port_ = edge::bound_port(*fd);
  counts_ = std::make_shared<edge::ConnectionCounts>();
  workers_ = std::make_unique<edge::WorkerPool>(
      config_.threads, [this](edge::Connection& c) { serve(c); }, counts_);
  loop_ = std::make_unique<edge::EventLoop>(
      config_, *fd,
      [this](edge::Connection* c) {
        ++in_flight_;
        workers_->submit(c);
      },
      metrics_, counts_);
  Outcome started = loop_->start();
  if (!started.ok()) {
    workers_->stop();
    loop_.reset();
    workers_.reset();
    return started;
  }
  auto gauge = [this](const char* state, std::atomic<int64_t> edge::ConnectionCounts::*field) {
    metrics_.gauge(
        "courthub_http_connections", "Open HTTP connections, by state",
        [counts = counts_, field] { return static_cast<double>((*counts.*field).load()); },
        {{"state", state}});
  };
  gauge("open", &edge::ConnectionCounts::open);
  gauge("idle", &edge::ConnectionCounts::idle);
  gauge("reading", &edge::ConnectionCounts::reading);
  gauge("queued", &edge::ConnectionCounts::queued);
  return Outcome::success();
}

void HttpServer::serve(edge::Connection& c) {
  auto started = std::chrono::steady_clock::now();
  const std::string* sent_id = c.request.find("x-request-id");
  std::string id = sent_id && acceptable_request_id(*sent_id) ? *sent_id : log::new_request_id();
  log::RequestScope scope(id);
  edge::Response response;
  {
    std::optional<std::string> forwarded =
        forwarded_client(config_.trusted_proxies, c.ip, c.request.find("x-forwarded-for"));
    Exchange ex(c.request, response, forwarded ? *forwarded : c.address, id);
    try {
      router_.dispatch(ex);
      if (!ex.responded()) ex.respond_error(500, "internal", "the endpoint gave no answer");
    } catch (const std::exception& e) {
      log::error("http", std::string("unhandled error: ") + e.what());
      ex.respond_error(500, "internal", "internal error");
    } catch (...) {
      log::error("http", "unhandled error");
      ex.respond_error(500, "internal", "internal error");
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    Labels labels = {{"route", ex.route_label}, {"plugin", ex.plugin_label}};
    metrics_.observe("courthub_http_request_duration_seconds", labels, seconds);
    labels.emplace_back("method", ex.method());
    labels.emplace_back("status", std::to_string(ex.status()));
    metrics_.count("courthub_http_requests_total", labels);
    if (ex.status() >= 500) {
      log::warn("http", ex.method() + " " + ex.path() + " " + std::to_string(ex.status()) + " " +
                            std::to_string(static_cast<int>(seconds * 1e6)) + "us");
    } else if (log::level() <= log::Level::Debug) {
      log::debug("http", ex.method() + " " + ex.path() + " " + std::to_string(ex.status()) + " " +
                             std::to_string(static_cast<int>(seconds * 1e6)) + "us");
    }
  }
  const bool keep_alive = c.request.keep_alive && !draining_;
  c.close_after_write = !keep_alive;
  // An HTTP/1.0 client keeps the connection only when told so.
  if (keep_alive && c.request.minor_version == 0)
    response.headers.emplace_back("Connection", "keep-alive");
  c.out.clear();
  c.out_sent = 0;
  edge::serialize(response, c.request.method == "HEAD", keep_alive, c.out);
  write_now(c);
  --in_flight_;
  loop_->give_back(&c);  // c is the loop's again
}

void HttpServer::stop(std::chrono::milliseconds drain) {
  if (!loop_) return;
  draining_ = true;
  loop_->begin_drain();  // no new connections; idle ones close
  auto deadline = std::chrono::steady_clock::now() + drain;
  while (in_flight_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  workers_->stop();  // requests being served finish; queued ones are dropped
  loop_->stop();     // every connection closes
  loop_.reset();
  workers_.reset();
}

}  // namespace courthub::http
