// SPDX-License-Identifier: Apache-2.0
// The HTTP front door: POCO's TCPServer with our keep-alive loop (connection.hpp), a request id and a metrics record for every request,
// and a graceful stop.
//
// Threading: start/stop from the control thread; requests run on the server's worker pool.
// A handler that throws answers 500 for that request only.
#pragma once

#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <chrono>
#include <memory>

#include "host/config/config.hpp"
#include "host/http/metrics.hpp"
#include "host/http/router.hpp"
#include "host/outcome.hpp"

namespace courthub::http {

class ConnectionFactory;

class HttpServer {
 public:
  HttpServer(const config::ServerConfig& config, const Router& router, Metrics& metrics);
  ~HttpServer();

  // Binds and starts serving. Errors: Unavailable when the address cannot be bound.
  Outcome start();
  uint16_t port() const;

  // Stops accepting, lets requests in flight finish (up to `drain`), then closes connections.
  void stop(std::chrono::milliseconds drain);
  int in_flight() const { return in_flight_.load(); }

 private:
  class Handler;
  class Factory;

  config::ServerConfig config_;
  const Router& router_;
  Metrics& metrics_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  ConnectionFactory* connections_ = nullptr;  // owned by server_
  std::unique_ptr<Poco::Net::TCPServer> server_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> draining_{false};
};

}  // namespace courthub::http
