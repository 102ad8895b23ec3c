// SPDX-License-Identifier: Apache-2.0
// The HTTP front door: the event-driven edge (host/http/edge/: one event loop thread holds every
// connection; whole requests go to server.threads workers), a request id and a metrics record
// for every request, and a graceful stop.
//
// Threading: start/stop from the control thread; handlers run on the workers. A handler that
// throws answers 500 for that request only.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>

#include "host/config/config.hpp"
#include "host/http/metrics.hpp"
#include "host/http/router.hpp"
#include "host/outcome.hpp"

namespace courthub::http {

namespace edge {
class EventLoop;
class WorkerPool;
struct Connection;
}  // namespace edge

class HttpServer {
 public:
  HttpServer(const config::ServerConfig& config, const Router& router, Metrics& metrics);
  ~HttpServer();

  // Binds and starts serving. Errors: Unavailable when the address cannot be bound.
  Outcome start();
  uint16_t port() const { return port_; }

  // Stops accepting and closes idle connections, lets requests in flight finish (up to
  // `drain`), then closes every connection.
  void stop(std::chrono::milliseconds drain);
  // Whole requests queued for or being served by a worker.
  int in_flight() const { return in_flight_.load(); }

 private:
  // On a worker: runs the request on `c` through the router and writes the answer.
  void serve(edge::Connection& c);

  config::ServerConfig config_;
  const Router& router_;
  Metrics& metrics_;
  uint16_t port_ = 0;
  std::unique_ptr<edge::EventLoop> loop_;
  std::unique_ptr<edge::WorkerPool> workers_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> draining_{false};
};

}  // namespace courthub::http
